import * as vscode from 'vscode';
import { OUTPUT_CHANNEL_NAME } from '../constants';

/** The extension's log: a LogOutputChannel, so levels and timestamps come for free. */
export type Log = vscode.LogOutputChannel;

export function createLog(): Log {
  return vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
}

// Entry point for the Restricted Mode run (workspace trust on, folder not trusted).
import { runSuites } from './runSuites';

export function run(): Promise<void> {
  return runSuites({ root: 'untrusted', exclude: [] });
}

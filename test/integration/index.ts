// Entry point for the trusted-workspace run: every suite except those in untrusted/.
import { runSuites } from './runSuites';

export function run(): Promise<void> {
  return runSuites({ root: '.', exclude: ['untrusted'] });
}

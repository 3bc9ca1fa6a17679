// Shared by the tests that start real processes.
import { existsSync, readFileSync } from 'node:fs';

/**
 * True once the process has ended, polling every 50 ms for up to `attempts` times (a killed child
 * whose parent is gone may linger as a zombie until reaped, which counts as ended).
 */
export async function processGone(pid: number, attempts = 60): Promise<boolean> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    if (existsSync(`/proc/${pid}/stat`) && / Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

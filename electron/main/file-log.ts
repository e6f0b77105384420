// The main process log: one line per entry in <logs>/main.log, kept under about a megabyte by
// rolling over to main.log.1. Lines arrive already scrubbed of secrets.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const LOG_FILE_LIMIT = 1024 * 1024;

export function createFileLog(dir: string, now: () => number = Date.now): (line: string) => void {
  const file = join(dir, 'main.log');
  let ready = false;
  return (line) => {
    try {
      if (!ready) {
        mkdirSync(dir, { recursive: true });
        ready = true;
      }
      try {
        if (statSync(file).size > LOG_FILE_LIMIT) renameSync(file, `${file}.1`);
      } catch {
        // No file yet.
      }
      appendFileSync(file, `${new Date(now()).toISOString()} ${line.replace(/\r?\n/g, ' ')}\n`);
    } catch {
      // A log that cannot be written must never take the app down.
    }
  };
}

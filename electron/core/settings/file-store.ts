// A SettingsStore on a JSON file, for the headless shell and tests (the Electron shell uses
// electron-store with the same codec). Writes are atomic: a crash mid-write leaves the old file.
// A damaged file is never deleted: it is moved aside for the user or a bug report. One that
// cannot be read at all (or not moved aside) makes load() throw SettingsUnreadableError.
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, extname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { SettingsCodec } from '../app/controller-types';
import type { SettingsStore } from '../app/ports';
import { fileErrorReason, SettingsUnreadableError } from './unreadable';

export interface FileSettingsStoreOptions<T> {
  dir: string;
  codec: SettingsCodec<T>;
  /** Default `settings.json`. */
  fileName?: string;
  /** Stamps the names of files moved aside. Default `Date.now`. */
  now?: () => number;
}

export function createFileSettingsStore<T>(opts: FileSettingsStoreOptions<T>): SettingsStore<T> {
  const fileName = opts.fileName ?? 'settings.json';
  const path = join(opts.dir, fileName);
  const now = opts.now ?? Date.now;
  const stem = basename(fileName, extname(fileName));

  const asideName = (tag: string): string => {
    const stamp = new Date(now()).toISOString().replace(/:/g, '-');
    // Never overwrite an earlier file moved aside in the same millisecond.
    for (let n = 0; ; n++) {
      const candidate = join(opts.dir, `${stem}.${tag}-${stamp}${n === 0 ? '' : `-${n}`}.json`);
      if (!existsSync(candidate)) return candidate;
    }
  };

  return {
    load() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (e) {
        if (errorCode(e) === 'ENOENT') return { data: opts.codec.defaults() };
        // Not defaults: the caller would save them over a file that may be fine.
        throw new SettingsUnreadableError(path, fileErrorReason(e));
      }

      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        return moveAside('invalid JSON');
      }
      const decoded = opts.codec.decode(raw);
      if (!decoded.ok) return moveAside(decoded.reason);

      if (decoded.repaired !== undefined && decoded.repaired.length > 0) {
        // The document is used, but the damaged original is kept beside it.
        const copy = asideName('corrupt');
        keepCopy(copy);
        return {
          data: decoded.data,
          recovered: {
            movedTo: copy,
            reason: `invalid values dropped: ${decoded.repaired.join(', ')}`,
          },
        };
      }
      if (decoded.migratedFrom !== undefined) {
        // Kept so that going back to the version that wrote it loses nothing.
        keepCopy(asideName(`v${decoded.migratedFrom}`));
      }
      return { data: decoded.data };
    },

    save(data) {
      mkdirSync(opts.dir, { recursive: true });
      const tmp = join(
        opts.dir,
        `.${fileName}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
      );
      try {
        const fd = openSync(tmp, 'w', 0o600);
        try {
          writeSync(fd, `${JSON.stringify(data, null, 2)}\n`);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        renameSync(tmp, path);
      } catch (e) {
        rmSync(tmp, { force: true });
        throw e;
      }
    },
  };

  /** The original can only be written over once a copy of it is safe. */
  function keepCopy(target: string): void {
    try {
      copyFileSync(path, target);
    } catch (e) {
      throw new SettingsUnreadableError(path, fileErrorReason(e));
    }
  }

  function moveAside(reason: string): ReturnType<SettingsStore<T>['load']> {
    const target = asideName('corrupt');
    try {
      renameSync(path, target);
    } catch (e) {
      throw new SettingsUnreadableError(path, fileErrorReason(e));
    }
    return { data: opts.codec.defaults(), recovered: { movedTo: target, reason } };
  }
}

function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string'
    ? e.code
    : undefined;
}

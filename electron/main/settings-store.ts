// The SettingsStore port on electron-store, generic over the core's settings codec. A file that
// cannot be used is never deleted: it is moved aside as settings.corrupt-<time>.json for the
// user or a bug report, and the app goes on with defaults and says so.
import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import Store from 'electron-store';
import type { SettingsCodec } from '../core/app/controller-types';
import type { SettingsStore } from '../core/app/ports';
import { fileErrorReason, SettingsUnreadableError } from '../core/settings/unreadable';

export interface ElectronSettingsStoreOptions<T> {
  codec: SettingsCodec<T>;
  /** Absolute directory; default Electron's userData. */
  cwd?: string;
  /** File name without extension. Default `settings`. */
  name?: string;
  /** Stamps the names of files moved aside. Default `Date.now`. */
  now?: () => number;
}

class NotADocumentError extends Error {
  // conf treats a SyntaxError as "not this format", which is what this is.
  override readonly name = 'SyntaxError';
}

/** JSON that must be an object; conf would otherwise read `42` or `[]` as an empty store. */
function deserialize(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new NotADocumentError('the settings file does not hold a JSON object');
  }
  return value as Record<string, unknown>;
}

export function createElectronSettingsStore<T extends object>(
  opts: ElectronSettingsStoreOptions<T>,
): SettingsStore<T> & { path(): string } {
  const name = opts.name ?? 'settings';
  const now = opts.now ?? Date.now;
  let store: Store<Record<string, unknown>> | undefined;

  const open = (): Store<Record<string, unknown>> => {
    store ??= new Store<Record<string, unknown>>({
      name,
      ...(opts.cwd === undefined ? {} : { cwd: opts.cwd }),
      deserialize,
      clearInvalidConfig: false,
    });
    return store;
  };

  // electron-store reads the file in its constructor, so the path is worked out without it.
  const filePath = (): string =>
    store?.path ?? join(opts.cwd ?? app.getPath('userData'), `${name}.json`);

  const asideName = (tag: string): string => {
    const stamp = new Date(now()).toISOString().replace(/:/g, '-');
    for (let n = 0; ; n++) {
      const candidate = join(
        filePath(),
        '..',
        `${name}.${tag}-${stamp}${n === 0 ? '' : `-${n}`}.json`,
      );
      if (!existsSync(candidate)) return candidate;
    }
  };

  const moveAside = (reason: string): ReturnType<SettingsStore<T>['load']> => {
    const target = asideName('corrupt');
    renameSync(filePath(), target);
    store = undefined;
    return { data: opts.codec.defaults(), recovered: { movedTo: target, reason } };
  };

  return {
    path: filePath,

    load() {
      try {
        return read();
      } catch (error) {
        // An unreadable file, or one that could not be moved aside or copied first, is left as
        // it is: the controller runs on defaults and does not save over it.
        if (error instanceof SettingsUnreadableError) throw error;
        throw new SettingsUnreadableError(filePath(), fileErrorReason(error));
      }
    },

    save(data) {
      // The document replaces the whole store; it is always a JSON object.
      open().store = data as unknown as Record<string, unknown>;
    },
  };

  function read(): ReturnType<SettingsStore<T>['load']> {
    if (!existsSync(filePath())) return { data: opts.codec.defaults() };
    let raw: unknown;
    try {
      // A plain copy: conf hands back a null-prototype object.
      raw = JSON.parse(JSON.stringify(open().store));
    } catch (error) {
      if (error instanceof Error && error.name === 'SyntaxError') {
        return moveAside(error instanceof NotADocumentError ? error.message : 'invalid JSON');
      }
      throw error;
    }
    const decoded = opts.codec.decode(raw);
    if (!decoded.ok) return moveAside(decoded.reason);
    if (decoded.repaired !== undefined && decoded.repaired.length > 0) {
      // The repaired document is used; the damaged original is kept beside it.
      const copy = asideName('corrupt');
      copyFileSync(filePath(), copy);
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
      copyFileSync(filePath(), asideName(`v${decoded.migratedFrom}`));
    }
    return { data: decoded.data };
  }
}

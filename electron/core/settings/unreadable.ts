// A settings file that exists but cannot be read, or cannot be moved aside when it must be: the
// app then runs on defaults in memory and never writes over the file, which may well be fine
// and only out of reach for now (permissions, a full or failing disk).

export class SettingsUnreadableError extends Error {
  override readonly name = 'SettingsUnreadableError';

  constructor(
    /** The settings file. */
    readonly path: string,
    /** Why, in a few words (an errno code or the error's message). */
    readonly reason: string,
  ) {
    super(`the settings file ${path} cannot be read: ${reason}`);
  }
}

/** The errno code of a file system error (`EACCES`), else its message. */
export function fileErrorReason(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    if (typeof error.code === 'string') return error.code;
  }
  return error instanceof Error ? error.message : String(error);
}

// Keychain failures as data the controller can turn into a Problem. The message is built from
// our own words plus the platform's text with any secret removed, so a secret can never reach
// a log line or the window through an error.
import type { ProblemKind } from '../../shared/model';

export type KeychainErrorKind = Extract<ProblemKind, 'KeychainUnavailable' | 'KeychainLocked'>;

export class KeychainError extends Error {
  readonly kind: KeychainErrorKind;

  constructor(kind: KeychainErrorKind, message: string) {
    super(message);
    this.name = 'KeychainError';
    this.kind = kind;
  }

  toJSON(): { kind: KeychainErrorKind; message: string } {
    return { kind: this.kind, message: this.message };
  }
}

const LOCKED = /locked|prompt/i;

/** Whether the platform's text says the keychain exists but is locked (or its unlock failed). */
export function isLockedMessage(text: string): boolean {
  return LOCKED.test(text);
}

/** Plain words for why no keychain could be used, from the platform's error text. */
export function describeUnavailable(text: string): string {
  if (/dbus|secret service provider|DBUS_SESSION_BUS_ADDRESS/i.test(text)) {
    return 'No keychain is available: no Secret Service (such as GNOME Keyring or KWallet) is running in this session.';
  }
  if (/no result found/i.test(text)) {
    return 'No keychain is available: the Secret Service has no default keyring to store passwords in.';
  }
  return 'No keychain is available on this system.';
}

export const LOCKED_MESSAGE = 'The keychain is locked: unlock it and try again.';

/** Turns anything a keyring call threw into a KeychainError that never contains `secrets`. */
export function toKeychainError(
  error: unknown,
  action: string,
  secrets: readonly string[] = [],
): KeychainError {
  let text = error instanceof Error ? error.message : String(error);
  for (const s of secrets) if (s !== '') text = text.split(s).join('***');
  const kind: KeychainErrorKind = isLockedMessage(text) ? 'KeychainLocked' : 'KeychainUnavailable';
  const summary = kind === 'KeychainLocked' ? LOCKED_MESSAGE : describeUnavailable(text);
  return new KeychainError(kind, `Could not ${action}. ${summary} (${text})`);
}

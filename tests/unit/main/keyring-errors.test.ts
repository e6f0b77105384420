import { describe, expect, it } from 'vitest';
import {
  KeychainError,
  describeUnavailable,
  isLockedMessage,
  toKeychainError,
} from '../../../electron/core/accounts/keyring-errors';

// Messages as @napi-rs/keyring reports them on Linux.
const NO_DBUS =
  'Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead';
const NO_COLLECTION = "Couldn't access platform storage: Secret Service: no result found";
const LOCKED = "Couldn't access platform storage: Secret Service: unlock prompt was dismissed";

describe('keychain errors', () => {
  it('tells a locked keychain from a missing one', () => {
    expect(isLockedMessage(LOCKED)).toBe(true);
    expect(isLockedMessage('SS Error: object locked')).toBe(true);
    expect(isLockedMessage(NO_DBUS)).toBe(false);
    expect(isLockedMessage(NO_COLLECTION)).toBe(false);
  });

  it('says in plain words why no keychain is available', () => {
    expect(describeUnavailable(NO_DBUS)).toMatch(/no Secret Service .* is running/);
    expect(describeUnavailable(NO_COLLECTION)).toMatch(/no default keyring/);
    expect(describeUnavailable('something else')).toBe('No keychain is available on this system.');
  });

  it('maps errors to problem kinds and never carries the secret', () => {
    const secret = 'S3cr3t-value';
    const locked = toKeychainError(new Error(`${LOCKED} while writing ${secret}`), 'store it', [
      secret,
    ]);
    expect(locked).toBeInstanceOf(KeychainError);
    expect(locked.kind).toBe('KeychainLocked');
    expect(locked.message).toContain('Could not store it. The keychain is locked');
    expect(locked.message).not.toContain(secret);
    expect(JSON.stringify(locked)).not.toContain(secret);
    expect(toKeychainError(new Error(NO_DBUS), 'read it').kind).toBe('KeychainUnavailable');
    expect(toKeychainError('not an Error', 'read it').message).toContain('not an Error');
  });
});

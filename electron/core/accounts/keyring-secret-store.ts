// SecretStore on the OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service
// on Linux) through @napi-rs/keyring. One keychain entry per account: service = the app's
// service name, account = the account id.
import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import type { SecretStore, SecretStoreStatus } from '../app/ports';
import {
  describeUnavailable,
  LOCKED_MESSAGE,
  isLockedMessage,
  toKeychainError,
} from './keyring-errors';

export interface KeyringSecretStoreOptions {
  /** The keychain service name entries are filed under. Default `emqx-cloud-tray`. */
  service?: string;
}

export const DEFAULT_KEYRING_SERVICE = 'emqx-cloud-tray';

/** Not an account id the core makes (those are short ids), so a probe never touches a secret. */
const PROBE_ACCOUNT = '__keychain-probe__';

// Without a pinned store the Linux backend silently falls back to the kernel keyring, whose
// entries vanish at logout: a user would find their credentials gone without any error.
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

export function createKeyringSecretStore(opts: KeyringSecretStoreOptions = {}): SecretStore {
  const service = opts.service ?? DEFAULT_KEYRING_SERVICE;

  // The constructor itself throws when there is no D-Bus session, so it is inside every try.
  const entry = (accountId: string): AsyncEntry =>
    new AsyncEntry(service, accountId, ENTRY_OPTIONS);

  return {
    async status(): Promise<SecretStoreStatus> {
      // A read of a missing entry succeeds even on a locked keyring, so only a write tells
      // whether secrets can be stored; on a desktop it also brings up the unlock prompt.
      try {
        const probe = entry(PROBE_ACCOUNT);
        await probe.setPassword('probe');
        await probe.deleteCredential();
        return { available: true };
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        return isLockedMessage(text)
          ? { available: false, reason: 'locked', message: LOCKED_MESSAGE }
          : { available: false, reason: 'unavailable', message: describeUnavailable(text) };
      }
    },

    async get(accountId) {
      try {
        const value = await entry(accountId).getPassword();
        return value ?? undefined;
      } catch (error) {
        throw toKeychainError(error, `read the secret of account ${accountId}`);
      }
    },

    async set(accountId, secret) {
      try {
        await entry(accountId).setPassword(secret);
      } catch (error) {
        throw toKeychainError(error, `store the secret of account ${accountId}`, [secret]);
      }
    },

    async delete(accountId) {
      try {
        // false means there was nothing to delete, which is what the caller wanted anyway.
        await entry(accountId).deleteCredential();
      } catch (error) {
        throw toKeychainError(error, `delete the secret of account ${accountId}`);
      }
    },
  };
}

// The secret lifecycle over the SecretStore port. Secrets normally live in the OS keychain; when
// it is unavailable or locked and the user accepted it, a secret is kept in memory for this run
// only. Secrets in use are also held here, so the logger can redact every one of them.
import type { SecretStore, SecretStoreStatus } from '../app/ports';
import { createScrubber } from '../log/redact';
import { KeychainError, type KeychainErrorKind } from './keyring-errors';

// One error type for every keychain refusal, whether the store or the vault noticed it: its
// message comes from the store and never contains a secret.
export { KeychainError };
export type KeychainProblemKind = KeychainErrorKind;

export type LoadedSecret =
  { found: true; secret: string; sessionOnly: boolean } | { found: false; problem?: KeychainError };

export class SecretVault {
  private readonly inUse = new Map<string, string>();
  private readonly sessionOnlyIds = new Set<string>();
  private lastStatus: SecretStoreStatus | undefined;

  constructor(private readonly store: SecretStore) {}

  /** Asks the keychain whether it can be used now; a store that throws counts as unavailable. */
  async status(): Promise<SecretStoreStatus> {
    try {
      this.lastStatus = await this.store.status();
    } catch (e) {
      this.lastStatus = { available: false, reason: 'unavailable', message: messageOf(e) };
    }
    return this.lastStatus;
  }

  /** The status from the last check, without asking again. */
  get knownStatus(): SecretStoreStatus | undefined {
    return this.lastStatus;
  }

  /** The secret of an account: from memory when already loaded, else from the keychain. */
  async load(accountId: string): Promise<LoadedSecret> {
    const held = this.inUse.get(accountId);
    if (held !== undefined) {
      return { found: true, secret: held, sessionOnly: this.sessionOnlyIds.has(accountId) };
    }
    try {
      const secret = await this.store.get(accountId);
      if (secret === undefined || secret === '') return { found: false };
      this.inUse.set(accountId, secret);
      return { found: true, secret, sessionOnly: false };
    } catch (e) {
      return { found: false, problem: await this.keychainError(e) };
    }
  }

  /**
   * Stores a new secret. In the keychain unless `sessionOnly`; a keychain that refuses throws a
   * KeychainError, so the caller can offer to keep the secret for this run only.
   */
  async save(accountId: string, secret: string, sessionOnly: boolean): Promise<void> {
    if (sessionOnly) {
      this.inUse.set(accountId, secret);
      this.sessionOnlyIds.add(accountId);
      return;
    }
    const status = await this.status();
    if (!status.available) throw keychainErrorOf(status);
    try {
      await this.store.set(accountId, secret);
    } catch (e) {
      const error = await this.keychainError(e);
      // A keychain library could echo what it was given; the secret must not travel on.
      const scrub = createScrubber([secret]);
      throw new KeychainError(error.kind, scrub(error.message));
    }
    this.inUse.set(accountId, secret);
    this.sessionOnlyIds.delete(accountId);
  }

  /**
   * A new secret for an existing account. Kept in memory when `sessionOnly` (the user accepted
   * that), or when the old one was session-only and the keychain is still unavailable; in the
   * keychain otherwise, which moves a session-only account there once the keychain works.
   */
  async replace(
    accountId: string,
    secret: string,
    sessionOnly = false,
  ): Promise<{ sessionOnly: boolean }> {
    if (sessionOnly) {
      await this.save(accountId, secret, true);
      return { sessionOnly: true };
    }
    if (this.sessionOnlyIds.has(accountId)) {
      const status = await this.status();
      if (!status.available) {
        this.inUse.set(accountId, secret);
        return { sessionOnly: true };
      }
    }
    await this.save(accountId, secret, false);
    return { sessionOnly: false };
  }

  /** Forgets the secret and deletes the keychain entry. Throws a KeychainError if that fails. */
  async remove(accountId: string): Promise<void> {
    const wasSessionOnly = this.sessionOnlyIds.has(accountId);
    this.inUse.delete(accountId);
    this.sessionOnlyIds.delete(accountId);
    try {
      await this.store.delete(accountId);
    } catch (e) {
      // A session-only secret never reached the keychain: nothing is left behind there.
      if (!wasSessionOnly) throw await this.keychainError(e);
    }
  }

  /** Forgets a secret held in memory without touching the keychain (demo accounts). */
  forget(accountId: string): void {
    this.inUse.delete(accountId);
    this.sessionOnlyIds.delete(accountId);
  }

  /** Holds a secret for this run only without any keychain involvement (demo accounts). */
  hold(accountId: string, secret: string): void {
    this.inUse.set(accountId, secret);
    this.sessionOnlyIds.add(accountId);
  }

  /** The secret held in memory for an account, if any (for redaction and clients only). */
  peek(accountId: string): string | undefined {
    return this.inUse.get(accountId);
  }

  isSessionOnly(accountId: string): boolean {
    return this.sessionOnlyIds.has(accountId);
  }

  /** Every secret held right now, for log redaction. */
  secrets(): string[] {
    return [...this.inUse.values()];
  }

  private async keychainError(e: unknown): Promise<KeychainError> {
    if (e instanceof KeychainError) return e;
    const status = await this.status();
    if (!status.available) return keychainErrorOf(status);
    return new KeychainError('KeychainUnavailable', messageOf(e));
  }
}

function keychainErrorOf(status: Exclude<SecretStoreStatus, { available: true }>): KeychainError {
  return new KeychainError(
    status.reason === 'locked' ? 'KeychainLocked' : 'KeychainUnavailable',
    status.message,
  );
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : 'the keychain failed';
}

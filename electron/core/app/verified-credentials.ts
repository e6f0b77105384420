// Credentials that just passed a connection test, so connecting with them right after needs no
// second read of the hour's budget. Only a digest of them is kept, never the secret, and only
// for a few minutes: long enough to fill in a label and press Connect.
import { createHash } from 'node:crypto';
import type { Deployment } from '../api/types';

/** How long a passed test stands in for the check before saving an account. */
export const VERIFIED_MS = 5 * 60_000;

export interface Credentials {
  /** The normalised base URL, as the account would be saved with. */
  baseUrl: string;
  key: string;
  secret: string;
}

function digest({ baseUrl, key, secret }: Credentials): string {
  // As a JSON list, so no two different triples run together into the same input.
  return createHash('sha256')
    .update(JSON.stringify([baseUrl, key, secret]))
    .digest('hex');
}

export class VerifiedCredentials {
  /** When each passed, and the list that check read, if it read one. */
  private readonly passedAt = new Map<string, { at: number; list?: Deployment[] }>();

  remember(credentials: Credentials, now: number, list?: Deployment[]): void {
    this.prune(now);
    this.passedAt.set(digest(credentials), list === undefined ? { at: now } : { at: now, list });
  }

  /** Whether these credentials passed a check in the last VERIFIED_MS. */
  passed(credentials: Credentials, now: number): boolean {
    this.prune(now);
    return this.passedAt.has(digest(credentials));
  }

  /** The list the passed check read, if it read one (an older API may have none). */
  listOf(credentials: Credentials, now: number): Deployment[] | undefined {
    this.prune(now);
    return this.passedAt.get(digest(credentials))?.list;
  }

  forget(credentials: Credentials): void {
    this.passedAt.delete(digest(credentials));
  }

  private prune(now: number): void {
    for (const [hash, { at }] of this.passedAt) {
      if (now - at > VERIFIED_MS) this.passedAt.delete(hash);
    }
  }
}

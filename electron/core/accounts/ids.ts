// Account ids name the keychain entry and prefix every deployment key, so they are short, stable
// and never reused while an older entry with the same id could still exist.
import { randomBytes } from 'node:crypto';

export type AccountIdKind = 'account' | 'demo';

export function newAccountId(
  isTaken: (id: string) => boolean,
  kind: AccountIdKind = 'account',
  random: (bytes: number) => Buffer = randomBytes,
): string {
  const prefix = kind === 'demo' ? 'demo' : 'acc';
  for (;;) {
    const id = `${prefix}-${random(5).toString('hex')}`;
    if (!isTaken(id)) return id;
  }
}

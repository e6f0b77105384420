// Defence in depth: the settings document must never hold a credential, whatever a bug or an
// old version put there. Any property whose name looks like one is dropped, at any depth.

const SECRET_WORDS = new Set([
  'secret',
  'secrets',
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'token',
  'authorization',
  'credential',
  'credentials',
]);

/**
 * Whether any word of a property name (camelCase, snake_case, kebab-case or dotted) names a
 * credential: `apiSecret`, `access_token`, `Password`. Word by word, so a rate limiter's
 * `tokens` count or a `keyId` stays.
 */
export function isSecretLikeKey(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((w) => SECRET_WORDS.has(w)) || /secret|passw/i.test(key);
}

/**
 * Maps whose keys are names, not fields: the budget ledger keys its scopes by
 * `"<baseUrl> <keyId>"`, and a key id may well contain `token`. Their keys are kept; the fields
 * inside each entry are still checked.
 */
export const NAME_KEYED_PATHS: ReadonlySet<string> = new Set(['engine.ledger.scopes']);

/**
 * A deep copy of `value` without secret-like properties. `dropped` receives the path of each
 * one removed (paths only: the values are never looked at again).
 */
export function stripSecretKeys(value: unknown, dropped: string[] = [], path = ''): unknown {
  if (Array.isArray(value)) {
    return value.map((item, i) => stripSecretKeys(item, dropped, `${path}[${i}]`));
  }
  if (typeof value === 'object' && value !== null) {
    const namesOnly = NAME_KEYED_PATHS.has(path);
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      const at = path === '' ? key : `${path}.${key}`;
      if (!namesOnly && isSecretLikeKey(key)) {
        dropped.push(at);
        continue;
      }
      out[key] = stripSecretKeys(inner, dropped, at);
    }
    return out;
  }
  return value;
}

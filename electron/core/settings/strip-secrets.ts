// Defence in depth: the settings document must never hold a credential, whatever a bug or an
// old version put there. Any property whose name looks like one is dropped, at any depth.

const SECRET_LIKE = /secret|passw(or)?d|passphrase|token|authorization|credential/i;

export function isSecretLikeKey(key: string): boolean {
  return SECRET_LIKE.test(key);
}

/**
 * A deep copy of `value` without secret-like properties. `dropped` receives the path of each
 * one removed (paths only: the values are never looked at again).
 */
export function stripSecretKeys(value: unknown, dropped: string[] = [], path = ''): unknown {
  if (Array.isArray(value)) {
    return value.map((item, i) => stripSecretKeys(item, dropped, `${path}[${i}]`));
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      const at = path === '' ? key : `${path}.${key}`;
      if (isSecretLikeKey(key)) {
        dropped.push(at);
        continue;
      }
      out[key] = stripSecretKeys(inner, dropped, at);
    }
    return out;
  }
  return value;
}

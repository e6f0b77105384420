// Secret scrubbing shared by the logger and the API client. A secret can reach text in several
// spellings: as typed, inside `key:secret`, as the base64 of an HTTP Basic header, percent-encoded
// in a URL, or JSON-escaped inside a serialised field. Every spelling is replaced.

export const REDACTED = '***';

/** The strings that identify one set of Platform API credentials. The key alone is not secret. */
export function credentialSecrets(key: string, secret: string): string[] {
  return secret === '' ? [] : [secret, `${key}:${secret}`];
}

/**
 * Shorter strings are not scrubbed: replacing every `s` of a one-letter "secret" would garble
 * every status and message (`***topped`) while protecting nothing a guess would not find.
 */
export const MIN_SCRUBBED_LENGTH = 4;

/** Every spelling of each secret that could show up in text, longest first. */
export function expandSecrets(secrets: readonly string[]): string[] {
  const out = new Set<string>();
  for (const s of secrets) {
    if (typeof s !== 'string' || s.length < MIN_SCRUBBED_LENGTH) continue;
    const base64 = Buffer.from(s, 'utf8').toString('base64');
    const variants = [
      s,
      base64,
      base64.replace(/=+$/, ''),
      base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
      encodeURIComponent(s),
      JSON.stringify(s).slice(1, -1),
    ];
    for (const v of variants) if (v !== '') out.add(v);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of any expanded secret in `text` with `***`. */
export function scrubText(text: string, expanded: readonly string[]): string {
  let result = text;
  for (const v of expanded) {
    if (result.includes(v)) result = result.split(v).join(REDACTED);
  }
  return result;
}

/** A scrubber bound to a fixed set of secrets. */
export function createScrubber(secrets: readonly string[]): (text: string) => string {
  const expanded = expandSecrets(secrets);
  return (text) => scrubText(text, expanded);
}

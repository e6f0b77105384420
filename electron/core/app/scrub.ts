// The last fence before data leaves the controller (command results, snapshots, notifications):
// every string is scrubbed of the secrets in use. Upstream code already keeps them out; this
// catches what a defect upstream (e.g. an error message quoting its input) lets through.
import { createScrubber } from '../log/redact';

export function scrubberFor(secrets: readonly string[]): <T>(value: T) => T {
  const scrub = createScrubber(secrets);
  // Cheap check first: nearly always nothing matches and the value is returned as it is.
  return <T>(value: T): T => {
    if (secrets.length === 0) return value;
    const text = JSON.stringify(value);
    if (text === undefined || scrub(text) === text) return value;
    return scrubDeep(value, scrub);
  };
}

function scrubDeep<T>(value: T, scrub: (text: string) => string): T {
  if (typeof value === 'string') return scrub(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => scrubDeep(v, scrub)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v, scrub);
    return out as T;
  }
  return value;
}

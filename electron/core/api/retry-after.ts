// Retry-After on a 429 (or 503): delta seconds or an HTTP date. EMQX does not document whether it
// sends one, so absent or unreadable means "unknown" (undefined), and the budget falls back to its
// own window.

/** Longest wait taken from a server: a broken proxy must not freeze polling for a year. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

const DELTA = /^\d{1,10}(\.\d+)?$/;
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '\\d{2}:\\d{2}:\\d{2}';
const HTTP_DATES = [
  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
  new RegExp(`^[A-Za-z]{3}, \\d{1,2} ${MONTH} \\d{4} ${TIME} GMT$`, 'i'),
  // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
  new RegExp(`^[A-Za-z]{6,9}, \\d{1,2}-${MONTH}-\\d{2,4} ${TIME} GMT$`, 'i'),
  // asctime: Sun Nov  6 08:49:37 1994
  new RegExp(`^[A-Za-z]{3} ${MONTH} +\\d{1,2} ${TIME} \\d{4}$`, 'i'),
];

/**
 * Epoch ms at which a retry is allowed, or undefined when the header is absent or unreadable.
 * A date in the past means "now"; anything further than 24 h ahead is capped at 24 h.
 */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
  const raw = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const text = String(raw).trim();
  if (text === '' || text.length > 64) return undefined;

  let at: number | undefined;
  if (DELTA.test(text)) {
    at = now + Math.ceil(Number(text) * 1000);
  } else if (HTTP_DATES.some((re) => re.test(text))) {
    const parsed = parseHttpDate(text);
    if (parsed !== undefined) at = Math.max(now, parsed);
  }
  if (at === undefined || !Number.isFinite(at)) return undefined;
  return Math.min(at, now + MAX_RETRY_AFTER_MS);
}

function parseHttpDate(text: string): number | undefined {
  // asctime has no zone; HTTP dates are always GMT.
  const withZone = /GMT$/i.test(text) ? text : `${text} GMT`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? undefined : ms;
}

// Error bodies are not documented. JSON with a `code` and/or `message` is surfaced; an HTML page
// from a proxy is reduced to a short plain-text excerpt (its title, or its text with tags
// stripped); anything else is tolerated. Every string is scrubbed of the caller's secrets before
// and after it is reshaped, then cut short.

export interface ErrorBodyInfo {
  /** The server's `code`, as text. */
  code?: string;
  /** The server's `message`, as text. */
  message?: string;
  /** A short plain-text excerpt of a body that was not JSON. */
  excerpt?: string;
}

const MAX_BODY_CHARS = 64 * 1024;
const MAX_MESSAGE_CHARS = 300;
const MAX_CODE_CHARS = 64;
const MAX_EXCERPT_CHARS = 160;

type Scrub = (text: string) => string;
const noScrub: Scrub = (t) => t;

export function readErrorBody(
  data: unknown,
  contentType?: string,
  scrub: Scrub = noScrub,
): ErrorBodyInfo {
  const text = bodyText(data);
  if (text === undefined) {
    return typeof data === 'object' && data !== null ? fromJson(data, scrub) : {};
  }
  const raw = scrub(text.slice(0, MAX_BODY_CHARS));
  const trimmed = raw.trim();
  if (trimmed === '') return {};

  // JSON is tried whatever the Content-Type says: proxies and frameworks mislabel it often.
  try {
    return fromJson(JSON.parse(trimmed) as unknown, scrub);
  } catch {
    // Not JSON: read it as text.
  }
  const type = (contentType ?? '').toLowerCase();
  const isHtml =
    type.includes('html') || /^<(!doctype|html|head|body|\?xml|[a-z]+[\s>])/i.test(trimmed);
  // Tags can split a secret that the page echoes (`S3c<b>ret</b>`): if gluing the text back
  // together reveals one, no excerpt is given at all.
  if (isHtml && hidesSecret(decodeEntities(trimmed.replace(/<[^>]*>?/g, '')), scrub)) return {};
  const plain = isHtml ? htmlToText(trimmed) : trimmed;
  const excerpt = clean(scrub(plain), MAX_EXCERPT_CHARS, scrub);
  return excerpt === '' ? {} : { excerpt };
}

function bodyText(data: unknown): string | undefined {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  if (ArrayBuffer.isView(data)) {
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
  }
  return undefined;
}

function fromJson(json: unknown, scrub: Scrub): ErrorBodyInfo {
  if (typeof json === 'string') {
    const m = clean(json, MAX_MESSAGE_CHARS, scrub);
    return m === '' ? {} : { message: m };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return {};
  const obj = json as Record<string, unknown>;
  const nested =
    typeof obj.error === 'object' && obj.error !== null && !Array.isArray(obj.error)
      ? (obj.error as Record<string, unknown>)
      : {};
  const code = firstScalar(obj.code, obj.errorCode, obj.error_code, nested.code);
  const message = firstScalar(
    obj.message,
    obj.msg,
    typeof obj.error === 'string' ? obj.error : undefined,
    nested.message,
    obj.detail,
    obj.reason,
  );
  const info: ErrorBodyInfo = {};
  if (code !== undefined) {
    const c = clean(code, MAX_CODE_CHARS, scrub);
    if (c !== '') info.code = c;
  }
  if (message !== undefined) {
    const m = clean(message, MAX_MESSAGE_CHARS, scrub);
    if (m !== '') info.message = m;
  }
  return info;
}

function firstScalar(...values: unknown[]): string | undefined {
  for (const v of values) {
    if (typeof v === 'string' && v.trim() !== '') return v;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  }
  return undefined;
}

/** The page title when there is one, else its visible text. */
function htmlToText(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const source = title !== undefined && stripTags(title).trim() !== '' ? title : html;
  return stripTags(source);
}

function stripTags(html: string): string {
  const once = html
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/<(script|style|head)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<[^>]*>?/g, ' ');
  // Entities decoded last may spell a tag again; strip what they spelled as well.
  return decodeEntities(once).replace(/<[^>]*>?/g, ' ');
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const n =
        name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : ' ';
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** Printable, single-spaced, scrubbed, cut to `max` characters. */
function clean(text: string, max: number, scrub: Scrub): string {
  // Control characters, line and paragraph separators and runs of white space become one space.
  const flat = scrub(text)
    .replace(/[\p{Cc}\u2028\u2029\s]+/gu, ' ')
    .trim();
  const scrubbed = scrub(flat);
  if (hidesSecret(scrubbed, scrub)) return '';
  const chars = [...scrubbed];
  return chars.length <= max ? scrubbed : `${chars.slice(0, max - 1).join('')}…`;
}

/** Whether a secret survives in `text` split by whitespace. */
function hidesSecret(text: string, scrub: Scrub): boolean {
  const glued = text.replace(/\s+/g, '');
  return scrub(glued) !== glued;
}

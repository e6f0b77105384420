// A small logging port. One line per entry: ISO time, level, message, JSON fields. Every current
// secret is replaced with `***` in the finished line, so nothing a caller passes (an error, a
// server message, a config object) can carry a credential into a log file.

import { REDACTED, expandSecrets, scrubText } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  /** Entries below this level are dropped. Default `info`. */
  level?: LogLevel;
  /**
   * Returns the secrets in use right now (for Platform API credentials: the secret and
   * `key:secret`, see `credentialSecrets`). Their base64, percent-encoded and JSON-escaped
   * spellings are redacted as well. Called for every line, so a changed secret takes effect
   * at once.
   */
  redact?: () => readonly string[];
  /** Epoch milliseconds for the timestamp. Default `Date.now`. */
  now?: () => number;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export const nullLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};

export function createLogger(sink: (line: string) => void, opts: LoggerOptions = {}): Logger {
  const threshold = RANK[opts.level ?? 'info'];
  const now = opts.now ?? Date.now;

  const write = (level: LogLevel, message: string, fields?: LogFields): void => {
    if (RANK[level] < threshold) return;
    let line: string;
    try {
      const expanded = expandSecrets(opts.redact?.() ?? []);
      const scrub = (text: string): string => scrubText(text, expanded);
      // Scrubbed before and after formatting: before, so escaping cannot hide a secret's
      // spelling; after, so joining parts cannot assemble one.
      line = scrub(format(now(), level, scrub(String(message)), fields, scrub));
    } catch {
      // If the secrets cannot be listed, the line cannot be proven clean: drop its content.
      line = `${safeIso(now)} ${level.toUpperCase().padEnd(5)} ${REDACTED} (log line dropped: redaction failed)`;
    }
    try {
      sink(line);
    } catch {
      // Logging must never break the caller.
    }
  };

  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

function format(
  at: number,
  level: LogLevel,
  message: string,
  fields: LogFields | undefined,
  scrub: (text: string) => string,
): string {
  const head = `${new Date(at).toISOString()} ${level.toUpperCase().padEnd(5)} ${oneLine(message)}`;
  if (fields === undefined || Object.keys(fields).length === 0) return head;
  return `${head} ${scrub(safeJson(fields))}`;
}

function safeIso(now: () => number): string {
  try {
    return new Date(now()).toISOString();
  } catch {
    return new Date(0).toISOString();
  }
}

/** Keeps one entry on one line: a message cannot forge a second log entry. */
function oneLine(text: string): string {
  return text.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

function safeJson(fields: LogFields): string {
  const seen = new WeakSet<object>();
  try {
    return JSON.stringify(fields, (_key, value: unknown) => {
      if (typeof value === 'bigint') return value.toString();
      if (value instanceof Error && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
        return { name: value.name, message: value.message };
      }
      if (typeof value === 'object' && value !== null) {
        if (seen.has(value)) return '[Circular]';
        seen.add(value);
      }
      return value;
    });
  } catch {
    return '"[unserialisable fields]"';
  }
}

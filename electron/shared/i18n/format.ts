// Times, statuses, problems and operation blocks in words, the same way on every surface.
// Times go through Intl so each language gets its own conventions; `timeZone` exists so tests
// can pin the result (the app itself uses the system's zone).
import { STATUS_KINDS, type Locale, type OperationBlock, type Problem } from '../model';
import type { OperationBlockReason, StatusKind } from '../model';
import { translate } from './index';

/** `15:42`: 24-hour clock in both languages, as the API's own times are. */
export function formatTime(locale: Locale, epochMs: number, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(epochMs);
}

/** `Dec 4, 2025, 15:42` / `2025年12月4日 15:42`. */
export function formatDateTime(locale: Locale, epochMs: number, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(epochMs);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * `2 min. ago` / `2分钟前`, `in 5 min.`, `yesterday`. Rounds toward zero, so 59 minutes never
 * reads as "1 hour ago"; under a minute reads "just now", or "in under a minute" ahead.
 */
export function formatRelative(locale: Locale, epochMs: number, now: number): string {
  const diff = epochMs - now;
  const size = Math.abs(diff);
  if (size < MINUTE) {
    return translate(locale, diff > 0 ? 'window.time.underAMinute' : 'common.justNow');
  }
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const [unit, ms]: [Intl.RelativeTimeFormatUnit, number] =
    size < HOUR ? ['minute', MINUTE] : size < DAY ? ['hour', HOUR] : ['day', DAY];
  return rtf.format(Math.sign(diff) * Math.floor(size / ms), unit);
}

const namedStatuses = new Set<string>(STATUS_KINDS.filter((kind) => kind !== 'unknown'));

function isNamedStatus(status: string): status is StatusKind {
  return namedStatuses.has(status);
}

/** A status badge's words; `unknown` shows the API's value verbatim. */
export function formatStatus(locale: Locale, kind: StatusKind, verbatim?: string): string {
  if (kind === 'unknown') return translate(locale, 'status.unknown', { status: verbatim ?? '?' });
  return translate(locale, `status.${kind}`);
}

/** A raw API status (e.g. from an OperationBlock) in words, verbatim when it is not known. */
export function formatApiStatus(locale: Locale, status: string): string {
  return isNamedStatus(status)
    ? formatStatus(locale, status)
    : formatStatus(locale, 'unknown', status);
}

/** What went wrong and what to do, in the user's language. */
export function formatProblem(
  locale: Locale,
  problem: Pick<Problem, 'kind' | 'retryAt'>,
  timeZone?: string,
): string {
  if (problem.kind === 'RateLimited') {
    return problem.retryAt === undefined
      ? translate(locale, 'problem.RateLimited.noTime')
      : translate(locale, 'problem.RateLimited', {
          time: formatTime(locale, problem.retryAt, timeZone),
        });
  }
  return translate(locale, `problem.${problem.kind}`);
}

/** Why start/stop is not offered, as a sentence (for hints and the window). */
export function formatBlock(locale: Locale, block: OperationBlock, timeZone?: string): string {
  return blockMessage(locale, block, 'block', timeZone);
}

/** The same reason in a few words, to sit inside a menu label ("Start — available at 15:42"). */
export function formatBlockShort(locale: Locale, block: OperationBlock, timeZone?: string): string {
  return blockMessage(locale, block, 'tray.reason', timeZone);
}

function blockMessage(
  locale: Locale,
  block: OperationBlock,
  prefix: 'block' | 'tray.reason',
  timeZone?: string,
): string {
  // Typed so the compiler checks that both prefixes have a key for every reason.
  const key = <S extends OperationBlockReason | 'rate-limited.until'>(
    suffix: S,
  ): `${typeof prefix}.${S}` => `${prefix}.${suffix}`;
  switch (block.reason) {
    case 'wrong-state':
      return translate(locale, key(block.reason), {
        status: formatApiStatus(locale, block.status),
      });
    case 'window':
      return translate(locale, key(block.reason), {
        time: formatTime(locale, block.availableAt, timeZone),
      });
    case 'rate-limited':
      return block.availableAt === undefined
        ? translate(locale, key(block.reason))
        : translate(locale, key('rate-limited.until'), {
            time: formatTime(locale, block.availableAt, timeZone),
          });
    default:
      return translate(locale, key(block.reason));
  }
}

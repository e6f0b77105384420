// The stateful face of the ledger: one object for all scopes, driven by the Clock, saving
// through the storage port after every change so a restart cannot spend a window twice.
import type { Clock } from '../clock';
import type { Logger } from '../log/logger';
import { nullLogger } from '../log/logger';
import type { BudgetView } from '../../shared/model';
import {
  backgroundPaceMs,
  budgetView,
  earliestRequest,
  emptyLedger,
  pruneLedger,
  recordRateLimited,
  readLimit,
  recordRequest,
  releaseRequest,
  scopeOf,
  withScope,
  type LedgerData,
  type LimitClass,
  type Priority,
} from './ledger';
import { parseLedgerData, type LedgerStore } from './store';

export interface RequestBudget {
  /** Earliest time (>= now) a request of this class and priority may go out for `scope`. */
  earliest(scope: string, cls: LimitClass, priority: Priority): number;
  /** Whether such a request may go out now. */
  allows(scope: string, cls: LimitClass, priority: Priority): boolean;
  /** Counts a request being sent now. Returns its stamp, the one `release` takes back. */
  record(scope: string, cls: LimitClass, priority: Priority): number;
  /** Takes back the request sent at `sentAt` (the server cannot have counted it). */
  release(scope: string, cls: LimitClass, sentAt: number): void;
  /** Milliseconds per background read at the steady pace. */
  paceMs(scope: string): number;
  /** A 429 came back. Returns whether our own count left it unexplained (shared key). */
  rateLimited(scope: string, cls: LimitClass, retryAt?: number): boolean;
  view(scope: string): BudgetView;
  /** A copy of the whole ledger as persisted. */
  data(): LedgerData;
}

export interface RequestBudgetOptions {
  clock: Clock;
  store: LedgerStore;
  logger?: Logger;
}

export function createRequestBudget(opts: RequestBudgetOptions): RequestBudget {
  const { clock, store } = opts;
  const logger = opts.logger ?? nullLogger;
  let ledger = load();

  function load(): LedgerData {
    let raw: unknown;
    try {
      raw = store.load();
    } catch (error) {
      logger.warn('request ledger could not be read; starting empty', { error: String(error) });
      return emptyLedger();
    }
    if (raw === undefined) return emptyLedger();
    const parsed = parseLedgerData(raw);
    if (parsed === undefined) {
      logger.warn('request ledger is not valid; starting empty');
      return emptyLedger();
    }
    return pruneLedger(parsed, clock.now());
  }

  function save(): void {
    ledger = pruneLedger(ledger, clock.now());
    try {
      store.save(structuredClone(ledger));
    } catch (error) {
      // The in-memory ledger still protects this run; only a restart would forget.
      logger.warn('request ledger could not be saved', { error: String(error) });
    }
  }

  return {
    earliest: (scope, cls, priority) =>
      earliestRequest(scopeOf(ledger, scope, clock.now()), cls, priority, clock.now()),
    allows(scope, cls, priority) {
      const now = clock.now();
      return earliestRequest(scopeOf(ledger, scope, now), cls, priority, now) <= now;
    },
    record(scope, cls, priority) {
      const now = clock.now();
      ledger = withScope(
        ledger,
        scope,
        recordRequest(scopeOf(ledger, scope, now), cls, priority, now),
      );
      save();
      return now;
    },
    release(scope, cls, sentAt) {
      const now = clock.now();
      ledger = withScope(
        ledger,
        scope,
        releaseRequest(scopeOf(ledger, scope, now), cls, sentAt, now),
      );
      save();
    },
    paceMs: (scope) => backgroundPaceMs(readLimit(scopeOf(ledger, scope, clock.now()))),
    rateLimited(scope, cls, retryAt) {
      const now = clock.now();
      const outcome = recordRateLimited(scopeOf(ledger, scope, now), cls, now, retryAt);
      ledger = withScope(ledger, scope, outcome.scope);
      save();
      if (outcome.unexplained) {
        logger.warn('rate limited although the ledger had room: the key seems shared', { cls });
      }
      return outcome.unexplained;
    },
    view: (scope) => budgetView(scopeOf(ledger, scope, clock.now()), clock.now()),
    data: () => structuredClone(ledger),
  };
}

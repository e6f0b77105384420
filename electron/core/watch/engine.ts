// The watch engine: the one owner of polling, the request budget, deployment state and the
// start/stop rules. The controller feeds it accounts, watched deployments and power/network
// events; it answers with state snapshots and change events that say why something changed.
import type { ApiClient, Deployment, OperationAccepted } from '../api/types';
import { createRequestBudget, type RequestBudget } from '../budget/budget';
import type { Priority } from '../budget/ledger';
import {
  applyNotFound,
  applyOperationAccepted,
  applyOperationEnded,
  applyOperationSent,
  applyRead,
  applyStale,
  markBaseline,
  newRecord,
} from '../deployments/record';
import { operationAvailability } from '../deployments/operation-rules';
import { problemFrom } from '../deployments/problem';
import { isTransitional } from '../deployments/status';
import { deploymentState } from '../deployments/view';
import { nullLogger } from '../log/logger';
import { deploymentKey } from '../../shared/model';
import type {
  BudgetClassView,
  Operation,
  OperationAvailability,
  Problem,
} from '../../shared/model';
import { backoffMs } from './backoff';
import {
  DEFAULT_IDLE_CADENCE_MS,
  FRESH_MS,
  MIN_IDLE_CADENCE_MS,
  POST_OPERATION_USER_MS,
  WAKE_QUIET_MS,
  effectiveIntervalMs,
  jitterFactor,
} from './cadence';
import { planReads, type ReadPlan } from './plan';
import type { AccountRuntime, Entry, InFlightRead, ReadTarget } from './runtime';
import { isBlocked, usesList } from './runtime';
import type {
  AccountOptions,
  AccountState,
  ChangeListener,
  ChangeReason,
  EngineState,
  OperationResult,
  RefreshOutcome,
  RefreshTarget,
  WatchEngine,
  WatchEngineOptions,
} from './types';

/** An account-wide refresh without the list endpoint reads at most this many deployments. */
export const MAX_REFRESH_SINGLE_READS = 8;

interface CommitExtra {
  baselineKeys?: string[];
  operation?: { deploymentKey: string; op: Operation };
}

export function createWatchEngine(opts: WatchEngineOptions): WatchEngine {
  const { clock } = opts;
  const random = opts.random ?? Math.random;
  const logger = opts.logger ?? nullLogger;
  const budget: RequestBudget = createRequestBudget({ clock, store: opts.ledgerStore, logger });
  const accounts = new Map<string, AccountRuntime>();
  const listeners = new Set<ChangeListener>();
  let idleMs = checkCadence(opts.idleCadenceMs ?? DEFAULT_IDLE_CADENCE_MS);
  let online = true;
  let suspended = false;
  let disposed = false;
  /** Bumped on suspend and going offline: failures of reads from before are not outages. */
  let pauseEpoch = 0;
  /** Failures before this are the network waking up after resume or reconnect. */
  let quietUntil = -Infinity;

  // ---- state and events ------------------------------------------------------------------------

  function buildState(): EngineState {
    const now = clock.now();
    const state: EngineState = {
      at: now,
      online,
      suspended,
      accounts: [],
      deployments: [],
    };
    for (const acc of accounts.values()) {
      const view = budget.view(acc.scope);
      const pollable = [...acc.entries.values()].filter((e) => e.record.notFound === undefined);
      const account: AccountState = {
        id: acc.id,
        health: acc.health,
        listEndpoint: acc.listEndpoint,
        budget: view,
        effectiveIntervalMs: effectiveIntervalMs(
          idleMs,
          pollable.length,
          usesList(acc) ? 'list' : 'id',
          view.reads.limit,
        ),
      };
      if (acc.problem !== undefined) account.problem = { ...acc.problem };
      if (acc.nextCheckAt !== undefined) account.nextCheckAt = acc.nextCheckAt;
      state.accounts.push(account);
      for (const e of acc.entries.values()) {
        state.deployments.push(
          deploymentState(
            e.record,
            availabilityOf(acc, e, 'start', view.writes),
            availabilityOf(acc, e, 'stop', view.writes),
          ),
        );
      }
    }
    return state;
  }

  function availabilityOf(
    acc: AccountRuntime,
    e: Entry,
    op: Operation,
    writes: BudgetClassView = budget.view(acc.scope).writes,
  ): OperationAvailability {
    return operationAvailability({
      op,
      record: e.record,
      ...(isBlocked(acc) && acc.problem !== undefined ? { accountProblem: acc.problem.kind } : {}),
      online: online && !suspended,
      writes: {
        ...(writes.nextAllowedAt !== undefined ? { nextAllowedAt: writes.nextAllowedAt } : {}),
        ...(writes.rateLimitedUntil !== undefined
          ? { rateLimitedUntil: writes.rateLimitedUntil }
          : {}),
      },
      now: clock.now(),
    });
  }

  /**
   * Applies `fn`, reschedules, and tells the listeners what changed and why. Every mutation
   * goes through here, so no change escapes the notification policy.
   */
  function commit(
    reason: ChangeReason,
    accountId: string | undefined,
    fn: () => CommitExtra | undefined,
  ): void {
    if (disposed) return;
    const before = listeners.size > 0 ? buildState() : undefined;
    const extra = fn() ?? {};
    if (accountId === undefined) for (const acc of accounts.values()) schedule(acc);
    else {
      const acc = accounts.get(accountId);
      if (acc !== undefined) schedule(acc);
    }
    if (before === undefined || disposed) return;
    const change = {
      reason,
      ...(accountId !== undefined ? { accountId } : {}),
      baselineKeys: extra.baselineKeys ?? [],
      ...(extra.operation !== undefined ? { operation: extra.operation } : {}),
      before,
      after: buildState(),
    };
    for (const listener of [...listeners]) {
      try {
        listener(change);
      } catch (error) {
        logger.error('change listener failed', { error: String(error) });
      }
    }
  }

  // ---- scheduling --------------------------------------------------------------------------------

  function paused(): boolean {
    return disposed || suspended || !online;
  }

  /** The read the budget lets go first, and when. */
  function nextRead(acc: AccountRuntime): { plan: ReadPlan; at: number } | undefined {
    let best: { plan: ReadPlan; at: number } | undefined;
    const plans = planReads(acc, clock.now(), idleMs, budget.paceMs(acc.scope));
    for (const plan of plans) {
      const at = Math.max(plan.due, budget.earliest(acc.scope, 'reads', plan.priority));
      if (best === undefined || at < best.at) best = { plan, at };
    }
    return best;
  }

  function schedule(acc: AccountRuntime): void {
    if (acc.timer !== undefined) clock.clearTimeout(acc.timer);
    delete acc.timer;
    delete acc.nextCheckAt;
    if (paused() || isBlocked(acc) || acc.inFlight !== undefined) return;
    const next = nextRead(acc);
    if (next === undefined) return;
    acc.nextCheckAt = next.at;
    acc.timer = clock.setTimeout(() => {
      delete acc.timer;
      fire(acc);
    }, next.at - clock.now());
  }

  function fire(acc: AccountRuntime): void {
    if (accounts.get(acc.id) !== acc || paused() || isBlocked(acc) || acc.inFlight !== undefined) {
      return;
    }
    const next = nextRead(acc);
    if (next === undefined) return;
    if (next.at > clock.now()) {
      schedule(acc);
      return;
    }
    const { plan } = next;
    void runRead(acc, plan.target, plan.priority, plan.manual ? 'refresh' : 'poll', plan.idleSlot);
  }

  // ---- reads -------------------------------------------------------------------------------------

  function runRead(
    acc: AccountRuntime,
    target: ReadTarget,
    priority: Priority,
    reason: 'poll' | 'refresh',
    idleSlot = false,
  ): Promise<void> {
    const epoch = pauseEpoch;
    const generation = acc.generation;
    const abort = new AbortController();
    if (acc.timer !== undefined) clock.clearTimeout(acc.timer);
    delete acc.timer;
    delete acc.nextCheckAt;
    const sentAt = budget.record(acc.scope, 'reads', priority);
    if (target.kind === 'list') {
      acc.manualListDue = false;
      for (const e of acc.entries.values()) e.poll.manualDue = false;
    } else {
      const e = acc.entries.get(target.deploymentId);
      if (e !== undefined) e.poll.manualDue = false;
      // Only idle reads take slots: fast checks and refreshes must not push the others back.
      if (idleSlot) acc.lastSingleReadAt = sentAt;
    }
    logger.debug('read', { account: acc.id, target: describe(target), priority });

    const promise = (async () => {
      let result:
        { ok: true; list?: Deployment[]; one?: Deployment } | { ok: false; error: unknown };
      try {
        result =
          target.kind === 'list'
            ? { ok: true, list: await acc.client.listDeployments({ signal: abort.signal }) }
            : {
                ok: true,
                one: await acc.client.getDeployment(target.deploymentId, { signal: abort.signal }),
              };
      } catch (error) {
        result = { ok: false, error };
      }
      if (acc.inFlight?.abort === abort) delete acc.inFlight;
      if (disposed || accounts.get(acc.id) !== acc || acc.generation !== generation) return;
      if (result.ok) {
        if (result.list !== undefined) onList(acc, result.list, reason);
        else if (result.one !== undefined && target.kind === 'single') {
          onSingle(acc, target.deploymentId, result.one, reason);
        }
      } else {
        onReadFailed(acc, target, problemFrom(result.error, clock.now()), {
          reason,
          epoch,
          sentAt,
        });
      }
    })();
    acc.inFlight = { target, promise, abort };
    return promise;
  }

  function onList(acc: AccountRuntime, list: Deployment[], reason: 'poll' | 'refresh'): void {
    const now = clock.now();
    commit(reason, acc.id, () => {
      markHealthy(acc);
      acc.listEndpoint = 'available';
      acc.listJitter = jitterFactor(random);
      const byId = new Map(list.map((d) => [d.deploymentID, d]));
      const baselineKeys: string[] = [];
      for (const e of acc.entries.values()) {
        const read = byId.get(e.record.deploymentId);
        if (read === undefined) {
          if (e.record.notFound === undefined) {
            e.poll.lastAttemptAt = now;
            e.poll.needsSingleRead = true;
          }
          continue;
        }
        const out = applyRead(e.record, read, now);
        e.record = out.record;
        if (out.baseline) baselineKeys.push(keyOf(e));
        e.poll.lastAttemptAt = now;
        e.poll.needsSingleRead = false;
        e.poll.retrying = false;
        updateFast(e, now, true);
      }
      return { baselineKeys };
    });
  }

  function onSingle(
    acc: AccountRuntime,
    deploymentId: string,
    read: Deployment,
    reason: 'poll' | 'refresh',
  ): void {
    const now = clock.now();
    // By the ID asked for: the answer's own ID is the cloud's spelling of it.
    const e = acc.entries.get(deploymentId);
    commit(reason, acc.id, () => {
      markHealthy(acc);
      if (e === undefined) return;
      const out = applyRead(e.record, read, now);
      e.record = out.record;
      e.poll.lastAttemptAt = now;
      e.poll.jitter = jitterFactor(random);
      e.poll.needsSingleRead = false;
      e.poll.retrying = false;
      updateFast(e, now, true);
      return { baselineKeys: out.baseline ? [keyOf(e)] : [] };
    });
  }

  function onReadFailed(
    acc: AccountRuntime,
    target: ReadTarget,
    problem: Problem,
    ctx: { reason: 'poll' | 'refresh'; epoch: number; sentAt: number },
  ): void {
    const now = clock.now();
    if (problem.kind === 'RateLimited') budget.rateLimited(acc.scope, 'reads', problem.retryAt);
    if (problem.kind === 'InvalidInput') budget.release(acc.scope, 'reads', ctx.sentAt);
    if (problem.kind === 'Aborted') {
      schedule(acc);
      return;
    }
    const entry = target.kind === 'single' ? acc.entries.get(target.deploymentId) : undefined;
    logger.info('read failed', { account: acc.id, target: describe(target), kind: problem.kind });

    if (problem.kind === 'AuthFailed' || problem.kind === 'Forbidden') {
      commit('account', acc.id, () => {
        acc.health = problem.kind === 'AuthFailed' ? 'auth-failed' : 'forbidden';
        acc.problem = problem;
      });
      return;
    }
    if (problem.kind === 'NotFound' && target.kind === 'list') {
      commit('account', acc.id, () => {
        acc.listEndpoint = 'unavailable';
      });
      return;
    }
    if ((problem.kind === 'NotFound' || problem.kind === 'InvalidInput') && entry !== undefined) {
      commit(ctx.reason, acc.id, () => {
        entry.record = applyNotFound(entry.record, problem);
        entry.poll.lastAttemptAt = now;
        entry.poll.needsSingleRead = false;
        entry.poll.manualDue = false;
        entry.poll.retrying = false;
        delete entry.poll.fast;
      });
      return;
    }
    // A passing failure (or an answer we could not use): retry later, show the data as stale.
    if (ctx.epoch !== pauseEpoch) {
      // Sent before a sleep or an outage of the network: not news about the cloud.
      schedule(acc);
      return;
    }
    commit(ctx.reason, acc.id, () => {
      acc.failures += 1;
      acc.retryAt = now + backoffMs(acc.failures, random);
      const covered =
        entry !== undefined
          ? [entry]
          : [...acc.entries.values()].filter((e) => e.record.notFound === undefined);
      for (const e of covered) {
        e.poll.lastAttemptAt = now;
        e.poll.retrying = true;
        if (now >= quietUntil) e.record = applyStale(e.record, problem);
      }
    });
  }

  function markHealthy(acc: AccountRuntime): void {
    acc.health = 'ok';
    delete acc.problem;
    acc.failures = 0;
    delete acc.retryAt;
  }

  /** Fast checks while transitional or after our start/stop; `advanced`: one check was made. */
  function updateFast(e: Entry, now: number, advanced: boolean): void {
    const rec = e.record;
    const status = rec.fields?.status;
    const pending = rec.pendingOperation;
    const transitional =
      rec.notFound === undefined && status !== undefined && isTransitional(status);
    if (!transitional && pending === undefined) {
      delete e.poll.fast;
      return;
    }
    const user = pending !== undefined && now - pending.sentAt < POST_OPERATION_USER_MS;
    const fast = e.poll.fast;
    e.poll.fast =
      fast === undefined
        ? { step: 0, user, since: now }
        : { step: advanced ? fast.step + 1 : fast.step, user, since: fast.since };
  }

  // ---- refresh -----------------------------------------------------------------------------------

  /** `force`: read even if the last read is fresh (new credentials must be tried). */
  async function refreshAccount(
    acc: AccountRuntime,
    deploymentId?: string,
    force = false,
  ): Promise<RefreshOutcome> {
    const id = acc.id;
    const skip = (
      reason: Extract<RefreshOutcome, { result: 'skipped' }>['reason'],
    ): RefreshOutcome => ({
      accountId: id,
      result: 'skipped',
      reason,
    });
    const gate = (): RefreshOutcome | undefined => {
      if (disposed || accounts.get(id) !== acc) return skip('unknown-account');
      if (suspended) return skip('suspended');
      if (!online) return skip('offline');
      if (isBlocked(acc)) return skip('account-problem');
      return undefined;
    };
    const stop = gate();
    if (stop !== undefined) return stop;

    const single = deploymentId !== undefined ? acc.entries.get(deploymentId) : undefined;
    if (deploymentId !== undefined && single === undefined) return skip('nothing-to-check');
    // A deployment that answered 404 is read again only when the user asks for it by name.
    const recheckGone = single !== undefined && single.record.notFound !== undefined;
    const targets =
      single !== undefined
        ? [single]
        : [...acc.entries.values()].filter((e) => e.record.notFound === undefined);
    if (targets.length === 0) return skip('nothing-to-check');

    const inFlight = acc.inFlight;
    if (inFlight !== undefined && covers(inFlight.target, deploymentId, recheckGone)) {
      await inFlight.promise;
      return { accountId: id, result: 'joined' };
    }
    const now = clock.now();
    if (!force && targets.every((e) => isFresh(e, now))) return { accountId: id, result: 'fresh' };

    if (usesList(acc) && !recheckGone) {
      // A single read of another deployment may be in flight: wait for it, then join the list
      // read another refresh woken by it may have started meanwhile.
      while (acc.inFlight !== undefined) {
        const turn = await afterRead(acc.inFlight, (t) => covers(t, deploymentId, recheckGone));
        if (turn === 'joined') return { accountId: id, result: 'joined' };
        const blocked = gate();
        if (blocked !== undefined) return blocked;
      }
      if (!budget.allows(acc.scope, 'reads', 'user')) {
        acc.manualListDue = true;
        schedule(acc);
        return deferred(acc);
      }
      await runRead(acc, { kind: 'list' }, 'user', 'refresh');
      if (usesList(acc)) return { accountId: id, result: 'checked' };
      // The list endpoint just answered 404: fall through to single reads.
    }

    const ordered = [...targets].sort(
      (a, b) => (a.poll.lastAttemptAt ?? -Infinity) - (b.poll.lastAttemptAt ?? -Infinity),
    );
    let reads = 0;
    let wasDeferred = false;
    for (const e of ordered) {
      if (reads >= MAX_REFRESH_SINGLE_READS) break;
      let joined = false;
      while (acc.inFlight !== undefined && !joined) {
        const turn = await afterRead(acc.inFlight, (t) =>
          covers(t, e.record.deploymentId, recheckGone),
        );
        joined = turn === 'joined';
        const blocked = gate();
        if (blocked !== undefined) return blocked;
      }
      if (joined) continue;
      if (acc.entries.get(e.record.deploymentId) !== e) continue;
      if (!force && isFresh(e, clock.now())) continue;
      if (!budget.allows(acc.scope, 'reads', 'user')) {
        e.poll.manualDue = true;
        wasDeferred = true;
        continue;
      }
      reads += 1;
      await runRead(
        acc,
        { kind: 'single', deploymentId: e.record.deploymentId },
        'user',
        'refresh',
      );
    }
    if (wasDeferred) {
      schedule(acc);
      return deferred(acc);
    }
    return { accountId: id, result: 'checked' };
  }

  /**
   * Waits for `running` to end; `joined` when it read what the caller wanted. Callers loop on
   * `acc.inFlight` and start their read with no await in between: callers woken by the same
   * read must not each start their own in the same instant (the first could not be aborted).
   */
  async function afterRead(
    running: InFlightRead,
    covering: (target: ReadTarget) => boolean,
  ): Promise<'joined' | 'ended'> {
    await running.promise;
    return covering(running.target) ? 'joined' : 'ended';
  }

  function deferred(acc: AccountRuntime): RefreshOutcome {
    return {
      accountId: acc.id,
      result: 'deferred',
      at: acc.nextCheckAt ?? budget.earliest(acc.scope, 'reads', 'user'),
    };
  }

  function isFresh(e: Entry, now: number): boolean {
    const checked = e.record.checkedAt;
    return (
      checked !== undefined &&
      now - checked < FRESH_MS &&
      e.record.stale === undefined &&
      e.record.notFound === undefined
    );
  }

  // ---- operations --------------------------------------------------------------------------------

  async function operate(
    accountId: string,
    deploymentId: string,
    op: Operation,
  ): Promise<OperationResult> {
    const acc = accounts.get(accountId);
    const e = acc?.entries.get(deploymentId);
    if (disposed || acc === undefined || e === undefined) {
      return { outcome: 'blocked', block: { reason: 'not-found' } };
    }
    const availability = availabilityOf(acc, e, op);
    if (!availability.allowed) {
      const { allowed: _allowed, ...block } = availability;
      return { outcome: 'blocked', block };
    }
    const key = keyOf(e);
    const operation = { deploymentKey: key, op };
    const generation = acc.generation;
    const client: ApiClient = acc.client;
    // Marked before the first await: a second click in the same instant finds it in flight.
    const sentAt = budget.record(acc.scope, 'writes', 'user');
    commit('operation', accountId, () => {
      e.record = applyOperationSent(e.record, op);
      return { operation };
    });
    logger.info('operation sent', { account: accountId, deployment: deploymentId, op });

    let accepted: OperationAccepted;
    try {
      accepted =
        op === 'start'
          ? await client.startDeployment(deploymentId)
          : await client.stopDeployment(deploymentId);
    } catch (error) {
      return operationFailed(acc, e, op, problemFrom(error, clock.now()), { generation, sentAt });
    }
    const now = clock.now();
    if (current(acc, e, generation)) {
      commit('operation', accountId, () => {
        e.record = applyOperationAccepted(e.record, op, accepted, now);
        // The 201 is as good as a check: the first confirmation follows on the fast ramp.
        e.poll.lastAttemptAt = now;
        delete e.poll.fast;
        updateFast(e, now, false);
        return { operation };
      });
    }
    logger.info('operation accepted', { account: accountId, deployment: deploymentId, op });
    return { outcome: 'sent', accepted };
  }

  async function operationFailed(
    acc: AccountRuntime,
    e: Entry,
    op: Operation,
    problem: Problem,
    ctx: { generation: number; sentAt: number },
  ): Promise<OperationResult> {
    const operation = { deploymentKey: keyOf(e), op };
    logger.warn('operation failed', {
      account: acc.id,
      deployment: e.record.deploymentId,
      op,
      kind: problem.kind,
    });
    if (problem.kind === 'RateLimited') budget.rateLimited(acc.scope, 'writes', problem.retryAt);
    if (problem.kind === 'AuthFailed' || problem.kind === 'InvalidInput') {
      budget.release(acc.scope, 'writes', ctx.sentAt);
    }
    if (!current(acc, e, ctx.generation)) return { outcome: 'failed', problem };
    const now = clock.now();
    commit('operation', acc.id, () => {
      e.record = applyOperationEnded(e.record);
      if (problem.kind === 'AuthFailed' || problem.kind === 'Forbidden') {
        acc.health = problem.kind === 'AuthFailed' ? 'auth-failed' : 'forbidden';
        acc.problem = problem;
      } else if (problem.kind === 'NotFound') {
        e.record = applyNotFound(e.record, problem);
        delete e.poll.fast;
      } else if (problem.kind !== 'InvalidState' && problem.kind !== 'RateLimited') {
        // No answer (network, timeout, 5xx): it may have gone through. Never resend; look closely.
        e.record = { ...e.record, pendingOperation: { op, sentAt: ctx.sentAt } };
        e.poll.lastAttemptAt = now;
        delete e.poll.fast;
        updateFast(e, now, false);
      }
      return { operation };
    });
    if (problem.kind === 'InvalidState') {
      // Forced: the state the user saw a moment ago is exactly what the 422 says is wrong.
      await refreshAccount(acc, e.record.deploymentId, true);
      return { outcome: 'refused', problem };
    }
    return { outcome: 'failed', problem };
  }

  function current(acc: AccountRuntime, e: Entry, generation: number): boolean {
    return (
      !disposed &&
      accounts.get(acc.id) === acc &&
      acc.generation === generation &&
      acc.entries.get(e.record.deploymentId) === e
    );
  }

  // ---- pause and resume --------------------------------------------------------------------------

  function haltReads(): void {
    pauseEpoch += 1;
    for (const acc of accounts.values()) {
      acc.inFlight?.abort.abort();
      delete acc.inFlight;
      if (acc.timer !== undefined) clock.clearTimeout(acc.timer);
      delete acc.timer;
      delete acc.nextCheckAt;
    }
  }

  function wake(): void {
    quietUntil = clock.now() + WAKE_QUIET_MS;
    for (const acc of accounts.values()) {
      acc.failures = 0;
      delete acc.retryAt;
    }
    for (const acc of accounts.values()) void refreshAccount(acc);
  }

  // ---- public API --------------------------------------------------------------------------------

  function account(accountId: string): AccountRuntime {
    const acc = accounts.get(accountId);
    if (acc === undefined) throw new Error(`unknown account ${accountId}`);
    return acc;
  }

  const engine: WatchEngine = {
    addAccount(accountId, client, accountOpts?: AccountOptions) {
      if (accounts.has(accountId)) throw new Error(`account ${accountId} already added`);
      commit('account', accountId, () => {
        accounts.set(accountId, {
          id: accountId,
          client,
          generation: 0,
          scope: accountOpts?.budgetScope ?? accountId,
          health: 'checking',
          listEndpoint: 'unknown',
          entries: new Map(),
          failures: 0,
          listJitter: jitterFactor(random),
          manualListDue: false,
        });
      });
    },

    replaceClient(
      accountId,
      client,
      accountOpts?: AccountOptions & { verifiedList?: Deployment[] },
    ) {
      const acc = account(accountId);
      commit('account', accountId, () => {
        acc.inFlight?.abort.abort();
        delete acc.inFlight;
        if (client.baseUrl !== acc.client.baseUrl) acc.listEndpoint = 'unknown';
        acc.client = client;
        acc.generation += 1;
        if (accountOpts?.budgetScope !== undefined) acc.scope = accountOpts.budgetScope;
        acc.health = 'checking';
        delete acc.problem;
        acc.failures = 0;
        delete acc.retryAt;
        for (const e of acc.entries.values()) e.record = applyOperationEnded(e.record);
      });
      if (accountOpts?.verifiedList !== undefined) onList(acc, accountOpts.verifiedList, 'refresh');
      else void refreshAccount(acc, undefined, true);
    },

    removeAccount(accountId) {
      const acc = accounts.get(accountId);
      if (acc === undefined) return;
      commit('account', undefined, () => {
        acc.inFlight?.abort.abort();
        delete acc.inFlight;
        if (acc.timer !== undefined) clock.clearTimeout(acc.timer);
        accounts.delete(accountId);
      });
    },

    watch(accountId, deploymentId, initial?: Deployment) {
      const acc = account(accountId);
      if (acc.entries.has(deploymentId)) return;
      const now = clock.now();
      commit('watch', accountId, () => {
        const e: Entry = {
          record: newRecord(accountId, deploymentId, now, initial),
          poll: {
            jitter: jitterFactor(random),
            manualDue: false,
            needsSingleRead: false,
            retrying: false,
          },
        };
        if (initial !== undefined) {
          e.poll.lastAttemptAt = now;
          updateFast(e, now, false);
        }
        acc.entries.set(deploymentId, e);
        return { baselineKeys: initial !== undefined ? [keyOf(e)] : [] };
      });
    },

    unwatch(accountId, deploymentId) {
      const acc = accounts.get(accountId);
      if (acc === undefined || !acc.entries.has(deploymentId)) return;
      commit('watch', accountId, () => {
        acc.entries.delete(deploymentId);
      });
    },

    async refresh(target?: RefreshTarget) {
      if (target !== undefined) {
        const acc = accounts.get(target.accountId);
        if (acc === undefined) {
          return [{ accountId: target.accountId, result: 'skipped', reason: 'unknown-account' }];
        }
        return [await refreshAccount(acc, target.deploymentId)];
      }
      return Promise.all([...accounts.values()].map((acc) => refreshAccount(acc)));
    },

    operate,

    async userRead(scope, read) {
      const availableAt = budget.earliest(scope, 'reads', 'user');
      if (disposed || availableAt > clock.now()) {
        return { ok: false, availableAt: Math.max(availableAt, clock.now()) };
      }
      const owner = [...accounts.values()].find((acc) => acc.scope === scope)?.id;
      // Through commit, so the budget shown in the window moves with the request.
      let sentAt = clock.now();
      commit('refresh', owner, () => {
        sentAt = budget.record(scope, 'reads', 'user');
        return undefined;
      });
      try {
        return { ok: true, value: await read() };
      } catch (error) {
        const problem = problemFrom(error, clock.now());
        if (problem.kind === 'RateLimited' || problem.kind === 'InvalidInput') {
          commit('refresh', owner, () => {
            if (problem.kind === 'RateLimited') {
              budget.rateLimited(scope, 'reads', problem.retryAt);
            } else {
              // Refused before it was sent (a bad ID): the server cannot have counted it.
              budget.release(scope, 'reads', sentAt);
            }
            return undefined;
          });
        }
        throw error;
      }
    },

    observeList(accountId, list) {
      const acc = accounts.get(accountId);
      if (acc === undefined || disposed) return;
      // It answers a refresh the budget had deferred as well as a list read would.
      acc.manualListDue = false;
      const listed = new Set(list.map((d) => d.deploymentID));
      for (const [id, e] of acc.entries) if (listed.has(id)) e.poll.manualDue = false;
      onList(acc, list, 'refresh');
    },

    availability(accountId, deploymentId, op) {
      const acc = accounts.get(accountId);
      const e = acc?.entries.get(deploymentId);
      if (acc === undefined || e === undefined) return { allowed: false, reason: 'not-found' };
      return availabilityOf(acc, e, op);
    },

    setIdleCadence(ms) {
      const next = checkCadence(ms);
      if (next === idleMs) return;
      commit('settings', undefined, () => {
        idleMs = next;
      });
    },

    suspend() {
      if (suspended) return;
      commit('power', undefined, () => {
        suspended = true;
        haltReads();
      });
    },

    resume() {
      if (!suspended) return;
      commit('power', undefined, () => {
        suspended = false;
        pauseEpoch += 1;
        for (const acc of accounts.values()) {
          for (const e of acc.entries.values()) e.record = markBaseline(e.record);
        }
      });
      if (online) wake();
    },

    setOnline(next) {
      if (next === online) return;
      commit('network', undefined, () => {
        online = next;
        if (!next) haltReads();
        else pauseEpoch += 1;
      });
      if (next && !suspended) wake();
    },

    getState: buildState,

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    dispose() {
      if (disposed) return;
      haltReads();
      disposed = true;
      listeners.clear();
    },
  };
  return engine;
}

function checkCadence(ms: number): number {
  if (!Number.isFinite(ms) || ms < MIN_IDLE_CADENCE_MS) {
    throw new RangeError(`idle cadence must be at least ${MIN_IDLE_CADENCE_MS} ms, got ${ms}`);
  }
  return Math.round(ms);
}

function covers(
  target: ReadTarget,
  deploymentId: string | undefined,
  recheckGone: boolean,
): boolean {
  if (target.kind === 'list') return !recheckGone;
  return deploymentId !== undefined && target.deploymentId === deploymentId;
}

function keyOf(e: Entry): string {
  return deploymentKey(e.record.accountId, e.record.deploymentId);
}

function describe(target: ReadTarget): string {
  return target.kind === 'list' ? 'list' : target.deploymentId;
}

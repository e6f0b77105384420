// The engine's private per-account and per-deployment bookkeeping.
import type { ApiClient } from '../api/types';
import type { TimerHandle } from '../clock';
import type { DeploymentRecord } from '../deployments/record';
import type { Problem } from '../../shared/model';
import type { EngineHealth } from './types';

export type ReadTarget = { kind: 'list' } | { kind: 'single'; deploymentId: string };

export interface FastEpisode {
  /** Checks made so far in this episode (indexes the ramp). */
  step: number;
  /** After our own start/stop: the checks are the user's and may use the reserve. */
  user: boolean;
  since: number;
}

export interface PollState {
  /** Last read attempt covering this deployment, good or bad. */
  lastAttemptAt?: number;
  fast?: FastEpisode;
  /** Idle jitter factor for per-ID reads, drawn after each read. */
  jitter: number;
  /** A refresh asked for it while the budget had no room: read first when it has. */
  manualDue: boolean;
  /** The last read covering it failed: it is retried on the backoff, not the idle cadence. */
  retrying: boolean;
  /** The list did not contain it: a single read decides whether it is gone. */
  needsSingleRead: boolean;
}

export interface Entry {
  record: DeploymentRecord;
  poll: PollState;
}

export interface InFlightRead {
  target: ReadTarget;
  promise: Promise<void>;
  abort: AbortController;
}

export interface AccountRuntime {
  id: string;
  client: ApiClient;
  /** Bumped when the client is replaced: answers to an older client are dropped. */
  generation: number;
  scope: string;
  health: EngineHealth;
  problem?: Problem;
  listEndpoint: 'unknown' | 'available' | 'unavailable';
  /** In watch order. */
  entries: Map<string, Entry>;
  timer?: TimerHandle;
  nextCheckAt?: number;
  inFlight?: InFlightRead;
  /** Consecutive passing failures, and when the next retry may go. */
  failures: number;
  retryAt?: number;
  /** Idle jitter factor for list reads, drawn after each one. */
  listJitter: number;
  /** When the last single read went out: per-ID reads are spread, one per slot. */
  lastSingleReadAt?: number;
  /** A refresh asked for a list read while the budget had no room. */
  manualListDue: boolean;
}

export function isBlocked(acc: AccountRuntime): boolean {
  return acc.health === 'auth-failed' || acc.health === 'forbidden';
}

export function usesList(acc: AccountRuntime): boolean {
  return acc.listEndpoint !== 'unavailable';
}

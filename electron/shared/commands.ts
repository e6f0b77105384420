// The part of the IPC contract that carries no run-time schema: the command names, their
// channels, the push channel and the shapes that cross the bridge. The preload imports only
// this file, so the sandboxed preload bundle stays free of zod; contract.ts adds the request
// schemas (and checks at compile time that they cover exactly these names).
import type { CommandRequest, CommandResponses } from './contract';
import type { AppSnapshot, Problem } from './model';

// Types only: erased from every bundle, so nothing of the schemas' module comes along.
export type { CommandRequest, CommandResponses } from './contract';

/** Every command the window may send, in the order main registers their handlers. */
export const COMMAND_NAMES = [
  'state.get',
  'account.test',
  'account.add',
  'account.rename',
  'account.replaceSecret',
  'account.remove',
  'deployments.available',
  'deployment.add',
  'deployment.remove',
  'deployment.undoRemove',
  'deployment.refresh',
  'deployment.operate',
  'deployment.mute',
  'preferences.update',
  'notice.dismiss',
  'console.open',
  'demo.start',
  'app.quit',
] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];

const NAMES: ReadonlySet<string> = new Set(COMMAND_NAMES);

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && NAMES.has(name);
}

/** IPC channel for a command: one channel each, so main can register handlers per command. */
export function channelOf(command: CommandName): string {
  return `cmd:${command}`;
}

/** The only push from main to the window. */
export const STATE_CHANGED = 'state-changed' as const;

/** What to check next when credentials do not work (a connection test or a refused connect). */
export type ConnectionHint = 'app-id-not-platform-key' | 'check-scope' | 'check-base-url';

export interface CommandError {
  /** A catalog key under `errors.` (e.g. `errors.invalidDeploymentId`) or a problem kind. */
  code: string;
  problem?: Problem;
  params?: Record<string, string | number>;
  /** Set when `account.add` refused credentials: the hint a connection test would give. */
  hint?: ConnectionHint;
}

/**
 * What every command answers over IPC: errors travel as data (kind + params), never as thrown
 * Error objects, whose fields Electron's IPC drops.
 */
export type CommandResult<C extends CommandName> =
  { ok: true; value: CommandResponses[C] } | { ok: false; error: CommandError };

/** The API the preload exposes as `window.api` (and the headless shell over WebSocket). */
export interface WindowApi {
  invoke<C extends CommandName>(command: C, request: CommandRequest<C>): Promise<CommandResult<C>>;
  /** Returns an unsubscribe function. */
  onState(listener: (snapshot: AppSnapshot) => void): () => void;
}

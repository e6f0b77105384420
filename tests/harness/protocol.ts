// The wire format between the bridge in the page (browser/bridge.ts) and the headless shell.
// One WebSocket carries both directions: numbered requests with their answers, and state pushes.
import type { CommandName, CommandResult } from '../../electron/shared/contract';
import type { AppSnapshot } from '../../electron/shared/model';

export const HARNESS_PREFIX = '/__harness';
export const WS_PATH = `${HARNESS_PREFIX}/ws`;
export const BRIDGE_PATH = `${HARNESS_PREFIX}/bridge.js`;

/** Page -> shell. `command` and `request` are untrusted until the shell has validated them. */
export interface InvokeMessage {
  type: 'invoke';
  id: number;
  command: string;
  request: unknown;
}

/** Shell -> page. */
export type ShellMessage =
  | { type: 'result'; id: number; result: CommandResult<CommandName> }
  | { type: 'state'; snapshot: AppSnapshot };

// One ipcMain.handle per contract command. Each handler first checks who is asking (only the
// app's own page, in the window's top frame) and what (the command's schema), and only then
// hands the parsed request to the controller. Errors go back as data, never as thrown Errors.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  COMMAND_NAMES,
  channelOf,
  parseCommand,
  type CommandName,
  type CommandResult,
} from '../shared/contract';
import type { AppController } from '../core/app/controller-types';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

type Route<C extends CommandName> = (
  event: IpcMainInvokeEvent,
  payload: unknown,
) => Promise<CommandResult<C>>;

/** The code of the answer to a frame that is not the app's page. */
export const UNTRUSTED_SENDER = 'errors.untrustedSender';

export function senderCheck(isTrustedUrl: (url: string) => boolean): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    // A detached frame, or a subframe (the page embeds none), is never trusted.
    if (frame === null || frame.parent !== null) return false;
    return isTrustedUrl(frame.url);
  };
}

export function commandRoutes(
  controller: AppController,
  isTrustedSender: SenderCheck,
  log: (line: string) => void,
): { readonly [C in CommandName]: Route<C> } {
  const route =
    <C extends CommandName>(command: C): Route<C> =>
    async (event, payload) => {
      if (!isTrustedSender(event)) {
        log(`refused ${command} from ${event.senderFrame?.url ?? 'a detached frame'}`);
        return { ok: false, error: { code: UNTRUSTED_SENDER } };
      }
      const parsed = parseCommand(command, payload);
      if (!parsed.ok) return parsed;
      try {
        return await controller.invoke(command, parsed.value);
      } catch (error) {
        log(`${command} failed: ${error instanceof Error ? error.message : String(error)}`);
        return { ok: false, error: { code: 'errors.unknown' } };
      }
    };

  // Spelled out so that a command added to the contract without a route fails to compile.
  return {
    'state.get': route('state.get'),
    'account.test': route('account.test'),
    'account.add': route('account.add'),
    'account.rename': route('account.rename'),
    'account.replaceSecret': route('account.replaceSecret'),
    'account.remove': route('account.remove'),
    'deployments.available': route('deployments.available'),
    'deployment.add': route('deployment.add'),
    'deployment.remove': route('deployment.remove'),
    'deployment.undoRemove': route('deployment.undoRemove'),
    'deployment.refresh': route('deployment.refresh'),
    'deployment.operate': route('deployment.operate'),
    'deployment.mute': route('deployment.mute'),
    'preferences.update': route('preferences.update'),
    'notice.dismiss': route('notice.dismiss'),
    'console.open': route('console.open'),
    'demo.start': route('demo.start'),
    'app.quit': route('app.quit'),
  };
}

/** Registers every route; returns a function that removes them again. */
export function registerIpcHandlers(
  ipcMain: IpcMain,
  controller: AppController,
  isTrustedSender: SenderCheck,
  log: (line: string) => void,
): () => void {
  const routes = commandRoutes(controller, isTrustedSender, log);
  const handle = <C extends CommandName>(command: C): void => {
    const r: Route<C> = routes[command];
    ipcMain.handle(channelOf(command), (event, payload: unknown) => r(event, payload));
  };
  for (const command of COMMAND_NAMES) handle(command);
  return () => {
    for (const command of COMMAND_NAMES) ipcMain.removeHandler(channelOf(command));
  };
}

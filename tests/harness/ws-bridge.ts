// The shell's side of `window.api`: every request from the page is validated with the same
// `parseCommand` the Electron main process uses before the controller sees it, and every state
// change is pushed to each connected page.
import type { WebSocket } from 'ws';
import type { AppController } from '../../electron/core/app/controller-types';
import {
  isCommandName,
  parseCommand,
  type CommandName,
  type CommandResult,
} from '../../electron/shared/contract';
import type { InvokeMessage, ShellMessage } from './protocol';

function invalid(field: string): CommandResult<CommandName> {
  return { ok: false, error: { code: 'errors.invalidRequest', params: { field } } };
}

async function run<C extends CommandName>(
  controller: AppController,
  command: C,
  payload: unknown,
): Promise<CommandResult<C>> {
  const parsed = parseCommand(command, payload);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  return controller.invoke(command, parsed.value);
}

/** Reads the envelope; anything else on the socket is a protocol error, not a command. */
export function parseInvokeMessage(text: string): InvokeMessage | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const m = json as Record<string, unknown>;
  if (m.type !== 'invoke' || typeof m.id !== 'number' || !Number.isSafeInteger(m.id)) {
    return undefined;
  }
  return { type: 'invoke', id: m.id, command: String(m.command), request: m.request };
}

export function serveBridgeConnection(
  socket: WebSocket,
  controller: AppController,
  log: (line: string) => void,
): void {
  const send = (message: ShellMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribe = controller.onState((snapshot) => send({ type: 'state', snapshot }));
  socket.on('close', unsubscribe);
  socket.on('message', (data, isBinary) => {
    const message = isBinary ? undefined : parseInvokeMessage(data.toString());
    if (message === undefined) {
      socket.close(1008, 'expected {"type":"invoke","id":<integer>,"command":...,"request":...}');
      return;
    }
    const answer = isCommandName(message.command)
      ? run(controller, message.command, message.request)
      : Promise.resolve(invalid('command'));
    answer
      .catch((e: unknown): CommandResult<CommandName> => {
        log(`harness: ${message.command} threw ${e instanceof Error ? e.name : typeof e}`);
        return { ok: false, error: { code: 'errors.unknown' } };
      })
      .then((result) => send({ type: 'result', id: message.id, result }));
  });
}

// Runs in the page before the app's own script and gives it the `window.api` the Electron
// preload would: commands go to the headless shell over a WebSocket and come back by id, and
// state pushes reach every onState listener. Bundled on the fly by the harness (esbuild).
import type {
  CommandName,
  CommandRequest,
  CommandResult,
  WindowApi,
} from '../../../electron/shared/contract';
import type { AppSnapshot } from '../../../electron/shared/model';
import type { InvokeMessage, ShellMessage } from '../protocol';

type Settle = (result: CommandResult<CommandName>) => void;

const pending = new Map<number, Settle>();
const stateListeners = new Set<(snapshot: AppSnapshot) => void>();
let nextId = 1;
let socket: WebSocket | undefined;

function lost(reason: string): CommandResult<CommandName> {
  return { ok: false, error: { code: 'errors.unknown', params: { reason } } };
}

function connect(): WebSocket {
  if (socket !== undefined && socket.readyState <= WebSocket.OPEN) return socket;
  const ws = new WebSocket(`ws://${location.host}/__harness/ws`);
  ws.addEventListener('message', (event: MessageEvent<string>) => {
    const message = JSON.parse(event.data) as ShellMessage;
    if (message.type === 'state') {
      for (const listener of [...stateListeners]) listener(message.snapshot);
      return;
    }
    const settle = pending.get(message.id);
    pending.delete(message.id);
    settle?.(message.result as CommandResult<CommandName>);
  });
  ws.addEventListener('close', () => {
    // Nothing will answer these any more; the next invoke opens a new connection.
    for (const settle of pending.values()) settle(lost('the headless shell closed the connection'));
    pending.clear();
    if (socket === ws) socket = undefined;
  });
  socket = ws;
  return ws;
}

function send(message: InvokeMessage): void {
  const ws = connect();
  const text = JSON.stringify(message);
  if (ws.readyState === WebSocket.OPEN) ws.send(text);
  else ws.addEventListener('open', () => ws.send(text), { once: true });
}

const api: WindowApi = {
  invoke<C extends CommandName>(command: C, request: CommandRequest<C>) {
    const id = nextId++;
    return new Promise<CommandResult<C>>((resolve) => {
      pending.set(id, resolve as Settle);
      send({ type: 'invoke', id, command, request });
    });
  },
  onState(listener) {
    stateListeners.add(listener);
    connect();
    return () => {
      stateListeners.delete(listener);
    };
  },
};

// Assigned rather than declared: the renderer owns the global `Window.api` declaration.
Object.assign(window, { api: Object.freeze(api) });
connect();

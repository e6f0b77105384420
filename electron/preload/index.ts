// The preload: exposes exactly the typed contract as window.api and nothing else. The page
// never sees ipcRenderer, and listeners never see the IpcRendererEvent (which would hand it
// the sender and with it a way around the contract). Only the schema-free half of the contract
// is imported: main validates every payload, and the preload bundle stays small.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  STATE_CHANGED,
  channelOf,
  isCommandName,
  type CommandName,
  type CommandRequest,
  type CommandResult,
  type WindowApi,
} from '../shared/commands';
import type { AppSnapshot } from '../shared/model';

export const api: WindowApi = {
  invoke<C extends CommandName>(command: C, request: CommandRequest<C>): Promise<CommandResult<C>> {
    if (!isCommandName(command)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'errors.invalidRequest', params: { field: 'command' } },
      });
    }
    return ipcRenderer.invoke(channelOf(command), request) as Promise<CommandResult<C>>;
  },
  onState(listener) {
    const forward = (_event: IpcRendererEvent, snapshot: AppSnapshot): void => listener(snapshot);
    ipcRenderer.on(STATE_CHANGED, forward);
    return () => {
      ipcRenderer.removeListener(STATE_CHANGED, forward);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);

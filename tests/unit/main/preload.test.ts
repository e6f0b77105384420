import { beforeAll, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
import { contextBridge, ipcRenderer, resetFakeElectron } from './fake-electron';
import { STATE_CHANGED, type WindowApi } from '../../../electron/shared/contract';
import { snapshot } from './fake-controller';

describe('preload', () => {
  let api: WindowApi;
  beforeAll(async () => {
    resetFakeElectron();
    await import('../../../electron/preload/index');
    api = contextBridge.exposed.get('api') as WindowApi;
  });

  it('exposes only window.api with invoke and onState', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onState']);
  });

  it('invokes the command channel with the request', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: null });
    const result = await api.invoke('deployment.refresh', {});
    expect(result).toEqual({ ok: true, value: null });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('cmd:deployment.refresh', {});
  });

  it('does not send a command that is not in the contract', async () => {
    ipcRenderer.invoke.mockClear();
    const invoke = api.invoke as (c: string, r: unknown) => Promise<unknown>;
    const result = await invoke('shell.exec', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'errors.invalidRequest' } });
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('hands listeners the snapshot only, never the IPC event, until unsubscribed', () => {
    const listener = vi.fn();
    const off = api.onState(listener);
    const s = snapshot({ revision: 3 });
    ipcRenderer.emit(STATE_CHANGED, { sender: 'the ipc event' }, s);
    expect(listener.mock.calls).toEqual([[s]]);
    off();
    ipcRenderer.emit(STATE_CHANGED, { sender: 'the ipc event' }, s);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.listenerCount(STATE_CHANGED)).toBe(0);
  });
});

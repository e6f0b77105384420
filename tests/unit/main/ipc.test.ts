import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
import { ipcMain, resetFakeElectron } from './fake-electron';
import { COMMAND_NAMES, channelOf } from '../../../electron/shared/contract';
import { UNTRUSTED_SENDER, registerIpcHandlers, senderCheck } from '../../../electron/main/ipc';
import { isTrustedRendererUrl } from '../../../electron/main/renderer-origin';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { fakeController, type FakeController } from './fake-controller';

type FrameLike = { url: string; parent: FrameLike | null } | null;
const eventFrom = (frame: FrameLike): IpcMainInvokeEvent =>
  ({ senderFrame: frame }) as unknown as IpcMainInvokeEvent;
const topFrame = (url: string): FrameLike => ({ url, parent: null });

const call = (command: string, event: IpcMainInvokeEvent, payload: unknown): Promise<unknown> => {
  const handler = ipcMain.handlers.get(`cmd:${command}`);
  if (handler === undefined) throw new Error(`no handler for ${command}`);
  return handler(event, payload) as Promise<unknown>;
};

describe('IPC handlers', () => {
  let controller: FakeController;
  const log = vi.fn();

  beforeEach(() => {
    resetFakeElectron();
    log.mockClear();
    controller = fakeController();
    registerIpcHandlers(
      ipcMain as unknown as IpcMain,
      controller,
      senderCheck((url) => isTrustedRendererUrl(url)),
      log,
    );
  });

  it('registers one handler per contract command and nothing else', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(COMMAND_NAMES.map(channelOf).sort());
    expect(ipcMain.handlers.size).toBe(COMMAND_NAMES.length);
  });

  it('passes a valid request from the app page to the controller', async () => {
    const result = await call('deployment.mute', eventFrom(topFrame('app://renderer/index.html')), {
      accountId: 'acc1',
      deploymentId: 'w41b11c0',
      muted: true,
    });
    expect(result).toEqual({ ok: true, value: null });
    expect(controller.invoke).toHaveBeenCalledWith('deployment.mute', {
      accountId: 'acc1',
      deploymentId: 'w41b11c0',
      muted: true,
    });
  });

  it.each([
    ['another origin', topFrame('https://evil.example/index.html')],
    ['a file URL', topFrame('file:///home/user/index.html')],
    ['another host on the app scheme', topFrame('app://other/index.html')],
    [
      'a subframe of the app page',
      { url: 'app://renderer/x.html', parent: topFrame('app://renderer/') },
    ],
    ['a detached frame', null],
  ])('refuses a request from %s without calling the controller', async (_name, frame) => {
    const result = await call('app.quit', eventFrom(frame), {});
    expect(result).toEqual({ ok: false, error: { code: UNTRUSTED_SENDER } });
    expect(controller.invoke).not.toHaveBeenCalled();
  });

  it('refuses an invalid payload with the field that is wrong', async () => {
    const result = await call('deployment.operate', eventFrom(topFrame('app://renderer/')), {
      accountId: 'acc1',
      deploymentId: 'w41b11c0',
      op: 'start',
      confirmed: false,
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'errors.invalidRequest', params: { field: 'confirmed' } },
    });
    expect(controller.invoke).not.toHaveBeenCalled();
  });

  it('refuses extra fields the schema does not know', async () => {
    const result = await call('state.get', eventFrom(topFrame('app://renderer/')), { evil: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'errors.invalidRequest' } });
    expect(controller.invoke).not.toHaveBeenCalled();
  });

  it('answers with data, not a thrown error, when the controller throws', async () => {
    controller.invoke.mockRejectedValueOnce(new Error('boom'));
    const result = await call('state.get', eventFrom(topFrame('app://renderer/')), {});
    expect(result).toEqual({ ok: false, error: { code: 'errors.unknown' } });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('boom'));
  });

  it('trusts the dev server origin only when one is given', async () => {
    const dev = 'http://127.0.0.1:5173/';
    const check = senderCheck((url) => isTrustedRendererUrl(url, dev));
    expect(check(eventFrom(topFrame('http://127.0.0.1:5173/index.html')))).toBe(true);
    expect(check(eventFrom(topFrame('http://127.0.0.1:5174/index.html')))).toBe(false);
    const result = await call('state.get', eventFrom(topFrame('http://127.0.0.1:5173/')), {});
    expect(result).toEqual({ ok: false, error: { code: UNTRUSTED_SENDER } });
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
import { FakeWebContents, resetFakeElectron, session } from './fake-electron';
import {
  hardenSession,
  hardenWebContents,
  isAllowedRequestUrl,
} from '../../../electron/main/security';
import type { Session, WebContents } from 'electron';
import { must, nth } from './must';

describe('web contents guards', () => {
  let contents: FakeWebContents;
  const log = vi.fn();
  beforeEach(() => {
    resetFakeElectron();
    contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents, log);
  });

  it('denies navigation away from the page', () => {
    const preventDefault = vi.fn();
    contents.emit('will-navigate', { preventDefault }, 'https://evil.example/');
    expect(preventDefault).toHaveBeenCalled();
  });

  it('denies redirects and <webview>', () => {
    const redirect = vi.fn();
    const webview = vi.fn();
    contents.emit('will-redirect', { preventDefault: redirect }, 'https://evil.example/');
    contents.emit('will-attach-webview', { preventDefault: webview });
    expect(redirect).toHaveBeenCalled();
    expect(webview).toHaveBeenCalled();
  });

  it('denies window.open', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://cloud.emqx.com/' })).toEqual({
      action: 'deny',
    });
  });
});

describe('session guards', () => {
  const log = vi.fn();
  beforeEach(() => resetFakeElectron());

  it('denies every permission request and check', () => {
    hardenSession(session.defaultSession as unknown as Session, log);
    const callback = vi.fn();
    session.defaultSession.permissionRequestHandler?.({}, 'notifications', callback, {});
    session.defaultSession.permissionRequestHandler?.({}, 'media', callback, {});
    expect(callback.mock.calls).toEqual([[false], [false]]);
    expect(session.defaultSession.permissionCheckHandler?.(null, 'clipboard-read', '', {})).toBe(
      false,
    );
  });

  it('cancels requests for remote content', () => {
    hardenSession(session.defaultSession as unknown as Session, log);
    const callback = vi.fn();
    const before = must(session.defaultSession.webRequest.beforeRequest);
    before({ url: 'https://cdn.example/lib.js' }, callback);
    before({ url: 'app://renderer/assets/index.js' }, callback);
    expect(callback.mock.calls).toEqual([[{ cancel: true }], [{ cancel: false }]]);
    expect(session.defaultSession.webRequest.headersReceived).toBeUndefined();
  });

  it('in development allows the dev server and adds its CSP header', () => {
    const dev = 'http://127.0.0.1:5173/';
    hardenSession(session.defaultSession as unknown as Session, log, dev);
    expect(isAllowedRequestUrl('http://127.0.0.1:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequestUrl('ws://127.0.0.1:5173/', dev)).toBe(true);
    expect(isAllowedRequestUrl('http://127.0.0.1:8080/', dev)).toBe(false);
    const callback = vi.fn();
    must(session.defaultSession.webRequest.headersReceived)(
      { responseHeaders: { a: ['b'] } },
      callback,
    );
    const headers = nth(callback.mock.calls, 0)[0].responseHeaders as Record<string, string[]>;
    expect(headers.a).toEqual(['b']);
    expect(nth(must(headers['Content-Security-Policy']), 0)).toContain("default-src 'none'");
  });
});

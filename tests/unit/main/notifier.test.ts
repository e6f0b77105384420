import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
import { Notification, resetFakeElectron } from './fake-electron';
import { createElectronNotifier } from '../../../electron/main/notifier';
import type { NotificationRequest } from '../../../electron/core/app/ports';
import { nth } from './must';

const request = (urgency: NotificationRequest['urgency']): NotificationRequest => ({
  id: 'n1',
  kind: 'unexpected-stop',
  title: 'prod-broker stopped',
  body: 'It was not stopped from this app.',
  urgency,
  deploymentKey: 'acc1/w41b11c0',
});

describe('notifier', () => {
  beforeEach(() => resetFakeElectron());

  it('raises a critical notification with Linux urgency that stays until dismissed', () => {
    createElectronNotifier('linux', '/app/assets/app/icon-256.png').show(
      request('critical'),
      () => undefined,
    );
    const n = nth(Notification.instances, 0);
    expect(n.shown).toBe(true);
    expect(n.options).toMatchObject({
      title: 'prod-broker stopped',
      body: 'It was not stopped from this app.',
      urgency: 'critical',
      timeoutType: 'never',
      icon: '/app/assets/app/icon-256.png',
    });
  });

  it('passes normal urgency through on Linux and none on macOS', () => {
    createElectronNotifier('linux').show(request('normal'), () => undefined);
    createElectronNotifier('darwin', '/icon.png').show(request('critical'), () => undefined);
    expect(nth(Notification.instances, 0).options).toMatchObject({ urgency: 'normal' });
    expect(nth(Notification.instances, 0).options).not.toHaveProperty('timeoutType');
    expect(nth(Notification.instances, 1).options).not.toHaveProperty('urgency');
    expect(nth(Notification.instances, 1).options).not.toHaveProperty('icon');
  });

  it('calls back on click and lets the notification go', () => {
    const notifier = createElectronNotifier('win32');
    const onClick = vi.fn();
    notifier.show(request('critical'), onClick);
    expect(nth(Notification.instances, 0).options).toMatchObject({ timeoutType: 'never' });
    expect(notifier.shown()).toBe(1);
    nth(Notification.instances, 0).emit('click');
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(notifier.shown()).toBe(0);
  });

  it('shows nothing where notifications are not supported', () => {
    Notification.supported = false;
    createElectronNotifier('linux').show(request('normal'), () => undefined);
    expect(Notification.instances).toHaveLength(0);
  });
});

// The Notifier port on Electron's Notification. Critical notifications (an unexpected stop,
// rejected credentials) stay on screen until dismissed where the platform allows it.
import { Notification, type NotificationConstructorOptions } from 'electron';
import type { NotificationRequest, Notifier } from '../core/app/ports';

export function notificationOptions(
  request: NotificationRequest,
  platform: NodeJS.Platform,
  iconPath?: string,
): NotificationConstructorOptions {
  const options: NotificationConstructorOptions = { title: request.title, body: request.body };
  if (platform === 'linux') options.urgency = request.urgency;
  if (request.urgency === 'critical' && (platform === 'linux' || platform === 'win32')) {
    options.timeoutType = 'never';
  }
  if (iconPath !== undefined && platform !== 'darwin') options.icon = iconPath;
  return options;
}

export function createElectronNotifier(
  platform: NodeJS.Platform,
  iconPath?: string,
): Notifier & { shown(): number } {
  // Held until clicked or closed: a notification object that is garbage-collected loses its
  // click handler while the notification is still on screen.
  const live = new Set<Notification>();
  return {
    show(request, onClick) {
      if (!Notification.isSupported()) return;
      const notification = new Notification(notificationOptions(request, platform, iconPath));
      live.add(notification);
      notification.on('click', () => {
        live.delete(notification);
        onClick();
      });
      notification.on('close', () => live.delete(notification));
      notification.show();
    },
    shown: () => live.size,
  };
}

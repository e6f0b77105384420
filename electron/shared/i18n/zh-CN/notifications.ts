// 简体中文: the notifications area. Same keys and placeholders as the English file.
import type { notifications as en } from '../en/notifications';

export const notifications = {
  'notifications.appName': 'EMQX Cloud Tray',
} as const satisfies Record<keyof typeof en, string>;

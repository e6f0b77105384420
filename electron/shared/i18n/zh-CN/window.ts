// 简体中文: the window area. Same keys and placeholders as the English file.
import type { window as en } from '../en/window';

export const window = {
  'window.appName': 'EMQX Cloud Tray',
} as const satisfies Record<keyof typeof en, string>;

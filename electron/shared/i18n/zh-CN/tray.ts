// 简体中文: the tray area. Same keys and placeholders as the English file.
import type { tray as en } from '../en/tray';

export const tray = {
  'tray.appName': 'EMQX Cloud Tray',
} as const satisfies Record<keyof typeof en, string>;

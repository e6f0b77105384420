// 简体中文: the common area. Same keys and placeholders as the English file.
import type { common as en } from '../en/common';

export const common = {
  'common.appName': 'EMQX Cloud Tray',
} as const satisfies Record<keyof typeof en, string>;

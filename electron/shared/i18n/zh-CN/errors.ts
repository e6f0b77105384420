// 简体中文: the errors area. Same keys and placeholders as the English file.
import type { errors as en } from '../en/errors';

export const errors = {
  'errors.appName': 'EMQX Cloud Tray',
} as const satisfies Record<keyof typeof en, string>;

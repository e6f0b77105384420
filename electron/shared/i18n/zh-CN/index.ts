import type { en } from '../en';
import { common } from './common';
import { errors } from './errors';
import { notifications } from './notifications';
import { tray } from './tray';
import { window } from './window';

export const zhCN: Record<keyof typeof en, string> = {
  ...common,
  ...errors,
  ...notifications,
  ...tray,
  ...window,
};

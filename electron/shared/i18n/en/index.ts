import { common } from './common';
import { errors } from './errors';
import { notifications } from './notifications';
import { tray } from './tray';
import { window } from './window';

export const en = { ...common, ...errors, ...notifications, ...tray, ...window };

// The mark beside a status, so it reads without colour: in the tray menu (menus have none) and
// on the window's badges. One table, so the two always draw a status with the same shape.
import type { StatusKind } from './model';

export const STATUS_MARKS: Record<StatusKind, string> = {
  running: '●',
  stopped: '○',
  starting: '◐',
  stopping: '◐',
  pending: '◐',
  failed: '✕',
  unknown: '?',
  'not-found': '⊘',
  unchecked: '◌',
};

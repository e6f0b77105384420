// The mark in front of a deployment's name in the tray menu, so its status reads without colour
// (menus have none). The same shapes as the window's status badges.
import type { StatusKind } from '../../shared/model';

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

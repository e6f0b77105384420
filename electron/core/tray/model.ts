// The tray as plain data. The Electron shell draws it; the headless shell records it; tests
// read it. Nothing here knows about Electron.
import type { Operation, StatusKind } from '../../shared/model';
import type { ConfirmRequest } from '../app/ports';

/** Worst first: the icon shows the first state that applies. */
export const TRAY_ICON_STATES = [
  'not-set-up',
  'offline',
  'error',
  'transitional',
  'unexpected-stop',
  'mixed',
  'all-stopped',
  'all-running',
] as const;
export type TrayIconState = (typeof TRAY_ICON_STATES)[number];

export type TrayAction =
  | { type: 'operate'; deploymentKey: string; op: Operation; confirm: ConfirmRequest }
  | { type: 'refresh'; deploymentKey?: string }
  | { type: 'copy-id'; deploymentKey: string }
  | { type: 'open-console'; deploymentKey: string }
  | { type: 'open-window'; deploymentKey?: string }
  | { type: 'open-settings' }
  | { type: 'quit' };

export interface TrayMenuItem {
  /** Stable across rebuilds, e.g. `deployment:acc1/w41b11c0:start`. */
  id: string;
  type: 'normal' | 'separator' | 'submenu';
  label: string;
  enabled: boolean;
  /** A status mark for deployment rows. */
  status?: StatusKind;
  /** Shown as the item's tooltip or sublabel where the platform supports it. */
  hint?: string;
  action?: TrayAction;
  submenu?: TrayMenuItem[];
}

export interface TrayModel {
  icon: TrayIconState;
  tooltip: string;
  /** Shown next to the icon on macOS; usually empty. */
  title: string;
  menu: TrayMenuItem[];
}

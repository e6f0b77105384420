// Everything platform-bound that the controller needs, as small interfaces. The Electron shell
// (electron/main) and the headless shell (tests/harness) each provide one adapter per port.
import type { FocusScreen, NotificationKind } from '../../shared/model';
import type { TrayModel } from '../tray/model';

export type { Clock } from '../clock';

export type SecretStoreStatus =
  { available: true } | { available: false; reason: 'unavailable' | 'locked'; message: string };

/** Secrets of accounts, keyed by account id. Backed by the OS keychain. */
export interface SecretStore {
  status(): Promise<SecretStoreStatus>;
  get(accountId: string): Promise<string | undefined>;
  set(accountId: string, secret: string): Promise<void>;
  /** Idempotent: deleting a missing entry is not an error. */
  delete(accountId: string): Promise<void>;
}

/** The persisted, non-secret settings document (see core/settings for its schema). */
export interface SettingsStore<T> {
  /**
   * Reads the document. `recovered` is set when a corrupt file was moved aside. Throws when a
   * file is there but cannot be read or moved aside: the controller then runs on defaults and
   * never saves over it.
   */
  load(): { data: T; recovered?: { movedTo: string; reason: string } };
  save(data: T): void;
}

export interface TrayView {
  render(model: TrayModel): void;
}

export type NotificationUrgency = 'normal' | 'critical';

export interface NotificationRequest {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  urgency: NotificationUrgency;
  /** The deployment a click should open, when there is one. */
  deploymentKey?: string;
}

export interface Notifier {
  show(notification: NotificationRequest, onClick: () => void): void;
}

export interface ConfirmRequest {
  title: string;
  message: string;
  detail: string;
  confirmLabel: string;
  cancelLabel: string;
}

export interface WindowHost {
  /** Shows and focuses the window; `deploymentKey` asks it to open that deployment. */
  show(deploymentKey?: string): void;
  /** Shows and focuses the window on one of its screens. */
  showScreen(screen: FocusScreen): void;
  /** A native confirmation dialog; resolves true only on an explicit confirm. */
  confirm(request: ConfirmRequest): Promise<boolean>;
  openExternal(url: string): void;
  copyText(text: string): void;
  setLaunchAtLogin(enabled: boolean): Promise<void>;
  /** The OS's preferred locale, e.g. `zh-CN` or `en-US`. */
  systemLocale(): string;
  quit(): void;
}

export type Unsubscribe = () => void;

export interface PowerEvents {
  on(event: 'suspend' | 'resume', listener: () => void): Unsubscribe;
}

export interface NetworkStatus {
  isOnline(): boolean;
  onChange(listener: (online: boolean) => void): Unsubscribe;
}

// Small fakes of the controller's ports for unit and integration tests: each records what the
// controller asked for, and the ones that answer (keychain, confirm) can be told what to say.
import type {
  ConfirmRequest,
  NetworkStatus,
  NotificationRequest,
  Notifier,
  PowerEvents,
  SecretStore,
  SecretStoreStatus,
  SettingsStore,
  TrayView,
  Unsubscribe,
  WindowHost,
} from '../../../electron/core/app/ports';
import type { SettingsCodec } from '../../../electron/core/app/controller-types';
import type { TrayModel } from '../../../electron/core/tray/model';
import type { FocusScreen } from '../../../electron/shared/model';

export class MemorySecretStore implements SecretStore {
  readonly entries = new Map<string, string>();
  state: SecretStoreStatus = { available: true };

  status(): Promise<SecretStoreStatus> {
    return Promise.resolve(this.state);
  }
  get(id: string): Promise<string | undefined> {
    if (!this.state.available) return Promise.reject(new Error(this.state.message));
    return Promise.resolve(this.entries.get(id));
  }
  set(id: string, secret: string): Promise<void> {
    if (!this.state.available) return Promise.reject(new Error(this.state.message));
    this.entries.set(id, secret);
    return Promise.resolve();
  }
  delete(id: string): Promise<void> {
    if (!this.state.available) return Promise.reject(new Error(this.state.message));
    this.entries.delete(id);
    return Promise.resolve();
  }
}

/** Keeps the document as JSON text, decoded with the real codec on every load. */
export class MemorySettingsStore<T> implements SettingsStore<T> {
  text: string | undefined;
  saves = 0;

  constructor(
    private readonly codec: SettingsCodec<T>,
    initial?: unknown,
  ) {
    if (initial !== undefined) this.text = JSON.stringify(initial);
  }

  load(): ReturnType<SettingsStore<T>['load']> {
    if (this.text === undefined) return { data: this.codec.defaults() };
    const decoded = this.codec.decode(JSON.parse(this.text));
    if (!decoded.ok) {
      return {
        data: this.codec.defaults(),
        recovered: { movedTo: 'aside', reason: decoded.reason },
      };
    }
    return decoded.repaired === undefined
      ? { data: decoded.data }
      : { data: decoded.data, recovered: { movedTo: 'aside', reason: decoded.repaired.join(',') } };
  }

  save(data: T): void {
    this.saves += 1;
    this.text = JSON.stringify(data);
  }

  get document(): unknown {
    return this.text === undefined ? undefined : JSON.parse(this.text);
  }
}

export class FakeTray implements TrayView {
  models: TrayModel[] = [];
  render(model: TrayModel): void {
    this.models.push(structuredClone(model));
  }
  get latest(): TrayModel {
    const m = this.models.at(-1);
    if (m === undefined) throw new Error('the tray was never drawn');
    return m;
  }
}

export class FakeNotifier implements Notifier {
  shown: { request: NotificationRequest; click: () => void }[] = [];
  show(request: NotificationRequest, onClick: () => void): void {
    this.shown.push({ request: structuredClone(request), click: onClick });
  }
  get requests(): NotificationRequest[] {
    return this.shown.map((s) => s.request);
  }
}

export class FakeWindow implements WindowHost {
  shows: (string | undefined)[] = [];
  screens: FocusScreen[] = [];
  confirms: ConfirmRequest[] = [];
  opened: string[] = [];
  copied: string[] = [];
  launchAtLogin: boolean[] = [];
  quits = 0;
  confirmAnswer = false;
  locale = 'en-US';

  show(deploymentKey?: string): void {
    this.shows.push(deploymentKey);
  }
  showScreen(screen: FocusScreen): void {
    this.screens.push(screen);
  }
  confirm(request: ConfirmRequest): Promise<boolean> {
    this.confirms.push(request);
    return Promise.resolve(this.confirmAnswer);
  }
  openExternal(url: string): void {
    this.opened.push(url);
  }
  copyText(text: string): void {
    this.copied.push(text);
  }
  setLaunchAtLogin(enabled: boolean): Promise<void> {
    this.launchAtLogin.push(enabled);
    return Promise.resolve();
  }
  systemLocale(): string {
    return this.locale;
  }
  quit(): void {
    this.quits += 1;
  }
}

class Listeners<A extends unknown[]> {
  private readonly set = new Set<(...args: A) => void>();
  add(listener: (...args: A) => void): Unsubscribe {
    this.set.add(listener);
    return () => {
      this.set.delete(listener);
    };
  }
  emit(...args: A): void {
    for (const l of [...this.set]) l(...args);
  }
  get size(): number {
    return this.set.size;
  }
}

export class FakePower implements PowerEvents {
  readonly suspend = new Listeners<[]>();
  readonly resume = new Listeners<[]>();
  on(event: 'suspend' | 'resume', listener: () => void): Unsubscribe {
    return this[event].add(listener);
  }
}

export class FakeNetwork implements NetworkStatus {
  readonly listeners = new Listeners<[boolean]>();
  online = true;
  isOnline(): boolean {
    return this.online;
  }
  onChange(listener: (online: boolean) => void): Unsubscribe {
    return this.listeners.add(listener);
  }
  set(online: boolean): void {
    this.online = online;
    this.listeners.emit(online);
  }
}

// Port adapters of the headless shell. Instead of drawing a tray, showing notifications or
// opening dialogs they record what the controller asked for, so tests can read it back over
// the harness routes; power and network events are raised by tests on demand.
import type {
  ConfirmRequest,
  NetworkStatus,
  NotificationRequest,
  Notifier,
  PowerEvents,
  TrayView,
  Unsubscribe,
  WindowHost,
} from '../../electron/core/app/ports';
import type { TrayModel } from '../../electron/core/tray/model';
import type { FocusScreen } from '../../electron/shared/model';

export class RecordingTrayView implements TrayView {
  private latest: TrayModel | undefined;
  private count = 0;

  render(model: TrayModel): void {
    // A deep copy: the recorded model must not change if the controller reuses its objects.
    this.latest = structuredClone(model);
    this.count += 1;
  }

  get model(): TrayModel | undefined {
    return this.latest;
  }

  get renderCount(): number {
    return this.count;
  }
}

export interface RecordedNotification extends NotificationRequest {
  index: number;
  /** Epoch ms when it was shown. */
  shownAt: number;
  clicked: number;
}

export class RecordingNotifier implements Notifier {
  private readonly shown: { record: RecordedNotification; onClick: () => void }[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  show(notification: NotificationRequest, onClick: () => void): void {
    const record = {
      ...structuredClone(notification),
      index: this.shown.length,
      shownAt: this.now(),
      clicked: 0,
    };
    this.shown.push({ record, onClick });
  }

  list(): RecordedNotification[] {
    return this.shown.map((s) => ({ ...s.record }));
  }

  /** Acts like the user clicking the notification; false when there is no such index. */
  click(index: number): boolean {
    const entry = this.shown[index];
    if (entry === undefined) return false;
    entry.record.clicked += 1;
    entry.onClick();
    return true;
  }
}

export interface WindowCalls {
  shows: { deploymentKey?: string; screen?: FocusScreen }[];
  confirms: { request: ConfirmRequest; answer: boolean }[];
  openExternal: string[];
  copyText: string[];
  launchAtLogin: boolean[];
  quit: number;
}

export class RecordingWindowHost implements WindowHost {
  private readonly calls: WindowCalls = {
    shows: [],
    confirms: [],
    openExternal: [],
    copyText: [],
    launchAtLogin: [],
    quit: 0,
  };
  /** What the next `confirm` answers: a cancel unless a test asked for a confirmation. */
  private confirmAnswer = false;

  constructor(
    private readonly locale: string,
    private readonly onQuit: () => void = () => {},
  ) {}

  show(deploymentKey?: string): void {
    this.calls.shows.push(deploymentKey === undefined ? {} : { deploymentKey });
  }

  showScreen(screen: FocusScreen): void {
    this.calls.shows.push({ screen });
  }

  confirm(request: ConfirmRequest): Promise<boolean> {
    const answer = this.confirmAnswer;
    this.calls.confirms.push({ request: structuredClone(request), answer });
    return Promise.resolve(answer);
  }

  openExternal(url: string): void {
    this.calls.openExternal.push(url);
  }

  copyText(text: string): void {
    this.calls.copyText.push(text);
  }

  setLaunchAtLogin(enabled: boolean): Promise<void> {
    this.calls.launchAtLogin.push(enabled);
    return Promise.resolve();
  }

  systemLocale(): string {
    return this.locale;
  }

  quit(): void {
    this.calls.quit += 1;
    this.onQuit();
  }

  /** Runs `action` with confirmation dialogs answered `answer`, then goes back to cancelling. */
  async withConfirmAnswer<T>(answer: boolean, action: () => Promise<T>): Promise<T> {
    this.confirmAnswer = answer;
    try {
      return await action();
    } finally {
      this.confirmAnswer = false;
    }
  }

  recorded(): WindowCalls {
    return structuredClone(this.calls);
  }
}

type Listener<A extends unknown[]> = (...args: A) => void;

class Listeners<A extends unknown[]> {
  private readonly set = new Set<Listener<A>>();

  add(listener: Listener<A>): Unsubscribe {
    this.set.add(listener);
    return () => {
      this.set.delete(listener);
    };
  }

  emit(...args: A): void {
    for (const l of [...this.set]) l(...args);
  }
}

export class ControllablePowerEvents implements PowerEvents {
  private readonly listeners = { suspend: new Listeners<[]>(), resume: new Listeners<[]>() };

  on(event: 'suspend' | 'resume', listener: () => void): Unsubscribe {
    return this.listeners[event].add(listener);
  }

  emit(event: 'suspend' | 'resume'): void {
    this.listeners[event].emit();
  }
}

export class ControllableNetworkStatus implements NetworkStatus {
  private readonly listeners = new Listeners<[boolean]>();

  constructor(private online = true) {}

  isOnline(): boolean {
    return this.online;
  }

  onChange(listener: (online: boolean) => void): Unsubscribe {
    return this.listeners.add(listener);
  }

  /** Announces only real changes, as the operating system does. */
  set(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    this.listeners.emit(online);
  }
}

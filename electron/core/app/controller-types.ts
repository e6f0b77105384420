// What the shells (Electron main and the headless test shell) need from the controller, and
// what they give it. The controller implementation lives beside this file.
import type { CommandName, CommandResult, commandSchemas } from '../../shared/contract';
import type { AppSnapshot, FocusScreen } from '../../shared/model';
import type { ApiClient, ApiClientOptions } from '../api/types';
import type { Clock } from '../clock';
import type {
  NetworkStatus,
  Notifier,
  PowerEvents,
  SecretStore,
  SettingsStore,
  TrayView,
  Unsubscribe,
  WindowHost,
} from './ports';
import type { z } from 'zod';

export type ParsedRequest<C extends CommandName> = z.output<(typeof commandSchemas)[C]>;

/** Decodes the persisted settings document: validation, migrations, defaults. */
export interface SettingsCodec<T> {
  defaults(): T;
  /** `raw` is whatever JSON was on disk. Fails only when nothing usable can be recovered. */
  decode(raw: unknown):
    | {
        ok: true;
        data: T;
        migratedFrom?: number;
        /** Paths of damaged values that were dropped or replaced by defaults. */
        repaired?: string[];
      }
    | { ok: false; reason: string };
}

/** A running demo cloud (the built-in simulator), for "Try the demo". */
export interface DemoCloud {
  baseUrl: string;
  key: string;
  secret: string;
  stop(): Promise<void>;
}

export interface ControllerDeps<TSettings> {
  clock: Clock;
  secrets: SecretStore;
  settings: SettingsStore<TSettings>;
  tray: TrayView;
  notifier: Notifier;
  window: WindowHost;
  power: PowerEvents;
  network: NetworkStatus;
  /** Starts the built-in simulator; the Electron shell and the headless shell both provide it. */
  startDemoCloud(): Promise<DemoCloud>;
  /** Defaults to the real axios client; tests may wrap it. */
  createClient?: (opts: ApiClientOptions) => ApiClient;
  /** One line per entry; secrets are scrubbed before this is called. */
  log?: (line: string) => void;
  appVersion: string;
  platform: AppSnapshot['platform'];
}

export interface AppController {
  /** Loads settings and secrets, draws the tray, starts polling. */
  start(): Promise<void>;
  /** Runs a command from the window. The request has already been validated by the shell. */
  invoke<C extends CommandName>(command: C, request: ParsedRequest<C>): Promise<CommandResult<C>>;
  snapshot(): AppSnapshot;
  onState(listener: (snapshot: AppSnapshot) => void): Unsubscribe;
  /**
   * Asks the window to open a deployment: the next snapshot, with a new revision, carries it as
   * `focusDeploymentKey`. A shell calls this again once a window that was still loading is
   * ready, since a push sent before that never reached the page.
   */
  focusDeployment(deploymentKey: string): void;
  /**
   * Asks the window to show a screen: the next snapshot carries it as `focusScreen`, with a new
   * `seq`. Like `focusDeployment`, a shell calls it again once a loading window is ready.
   */
  focusScreen(screen: FocusScreen): void;
  /** Activates a tray menu item by id (confirmation dialogs go through WindowHost.confirm). */
  activateTrayItem(itemId: string): Promise<void>;
  /** Stops every timer, saves state, stops a demo cloud. Idempotent. */
  dispose(): Promise<void>;
}

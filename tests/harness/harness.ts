// The headless shell: the same controller as the Electron app, with the real keychain, a
// settings file in a profile directory, the system clock and the built-in simulator for the
// demo, but a recorded tray, notifications and dialogs, and the window UI served to any browser
// over 127.0.0.1 (see server.ts).
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_KEYRING_SERVICE,
  createKeyringSecretStore,
} from '../../electron/core/accounts/keyring-secret-store';
import { createController } from '../../electron/core/app/controller';
import type { AppController } from '../../electron/core/app/controller-types';
import { systemClock } from '../../electron/core/clock';
import { createFileSettingsStore, settingsCodec } from '../../electron/core/settings';
import type { AppSnapshot } from '../../electron/shared/model';
import type { SimulatorServerOptions } from '../../electron/simulator';
import { startDemoSimulator } from './demo-cloud';
import {
  ControllableNetworkStatus,
  ControllablePowerEvents,
  RecordingNotifier,
  RecordingTrayView,
  RecordingWindowHost,
} from './recording-ports';
import { assertRendererBuilt } from './renderer-files';
import type { HarnessParts } from './routes';
import { startHarnessServer } from './server';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_RENDERER_DIR = join(ROOT, 'dist', 'renderer');
/** Where the harness writes the controller's (already scrubbed) log inside the profile. */
export const LOG_FILE_NAME = 'harness.log';

export interface HarnessOptions {
  /** The profile directory: settings and the log file live here. Created when missing. */
  profileDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Keychain service name; default `emqx-cloud-tray`. Tests use a unique one each. */
  keyringService?: string;
  /** The built window UI. Default `dist/renderer` of this repository. */
  rendererDir?: string;
  /** What WindowHost.systemLocale answers. Default `en-US`. */
  systemLocale?: string;
  /** Options of the simulator "Try the demo" starts (the port is always a free one). */
  demo?: SimulatorServerOptions;
  /** Receives every log line as well. */
  onLog?: (line: string) => void;
  /** Called when the app asks to quit (tray Quit, the window's quit command). */
  onQuit?: () => void;
}

export interface Harness {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  port: number;
  profileDir: string;
  controller: AppController;
  parts: HarnessParts;
  /** Disposes the controller (which saves state and stops a demo cloud), then the server. */
  close(): Promise<void>;
}

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function platformInfo(): AppSnapshot['platform'] {
  const os = process.platform;
  return {
    os: os === 'darwin' || os === 'win32' || os === 'linux' ? os : 'other',
    // Nothing here could register a login item, so the window must not offer it.
    loginItemSupported: false,
  };
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const rendererDir = opts.rendererDir ?? DEFAULT_RENDERER_DIR;
  // Before anything touches the keychain or the profile: the most likely mistake comes first.
  assertRendererBuilt(rendererDir);
  const profileDir = resolve(opts.profileDir);
  mkdirSync(profileDir, { recursive: true });
  const logFile = join(profileDir, LOG_FILE_NAME);
  const lines: string[] = [];
  const log = (line: string) => {
    lines.push(line);
    appendFileSync(logFile, `${line}\n`);
    opts.onLog?.(line);
  };

  const tray = new RecordingTrayView();
  const notifier = new RecordingNotifier();
  const window = new RecordingWindowHost(opts.systemLocale ?? 'en-US', opts.onQuit);
  const power = new ControllablePowerEvents();
  const network = new ControllableNetworkStatus(true);

  const controller = createController({
    clock: systemClock,
    secrets: createKeyringSecretStore({ service: opts.keyringService ?? DEFAULT_KEYRING_SERVICE }),
    settings: createFileSettingsStore({ dir: profileDir, codec: settingsCodec }),
    tray,
    notifier,
    window,
    power,
    network,
    startDemoCloud: () => startDemoSimulator(opts.demo),
    log,
    appVersion: appVersion(),
    platform: platformInfo(),
  });
  const parts: HarnessParts = {
    controller,
    tray,
    notifier,
    window,
    power,
    network,
    logLines: () => [...lines],
  };

  await controller.start();
  let server;
  try {
    server = await startHarnessServer({ parts, rendererDir, port: opts.port, log });
  } catch (e) {
    await controller.dispose();
    throw e;
  }

  let closed: Promise<void> | undefined;
  return {
    url: server.url,
    port: server.port,
    profileDir,
    controller,
    parts,
    close() {
      closed ??= (async () => {
        try {
          await controller.dispose();
        } finally {
          await server.close();
        }
      })();
      return closed;
    },
  };
}

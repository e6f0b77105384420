// One end-to-end setup per test file: a simulator with control routes, the headless shell on a
// temporary profile with a keychain service name of its own, and Debian's Chromium.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { createKeyringSecretStore } from '../../../electron/core/accounts/keyring-secret-store';
import type { SecretStore } from '../../../electron/core/app/ports';
import {
  startSimulatorServer,
  type SimulatorServer,
  type SimulatorServerOptions,
} from '../../../electron/simulator';
import { startHarness, type Harness, type HarnessOptions } from '../../harness/harness';
import { launchChromium } from './browser';
import { HarnessClient } from './harness-client';

export interface Stack {
  sim: SimulatorServer;
  harness: Harness;
  client: HarnessClient;
  browser: Browser;
  keyringService: string;
  /** The keychain the harness uses, for checks from the test's side. */
  secrets: SecretStore;
  /** Uncaught errors of every page opened with `openWindow`. */
  pageErrors: string[];
  /** Opens the window UI in a new browser context. */
  openWindow(options?: BrowserContextOptions): Promise<Page>;
  /** A control route of the simulator, e.g. `deployments/w41b11c0/status`. */
  simAdmin(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export interface StackOptions {
  simulator?: SimulatorServerOptions;
  harness?: Partial<Omit<HarnessOptions, 'profileDir' | 'keyringService'>>;
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const keyringService = `emqx-cloud-tray-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  const profileDir = mkdtempSync(join(tmpdir(), 'emqx-tray-e2e-profile-'));
  const secrets = createKeyringSecretStore({ service: keyringService });
  const pageErrors: string[] = [];
  const cleanups: (() => Promise<void> | void)[] = [
    () => rmSync(profileDir, { recursive: true, force: true }),
  ];
  const close = async () => {
    // In reverse order of starting; every step runs even when an earlier one failed.
    const errors: unknown[] = [];
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (e) {
        errors.push(e);
      }
    }
    cleanups.length = 0;
    if (errors.length > 0) throw errors[0];
  };

  try {
    const sim = await startSimulatorServer({
      admin: true,
      startSeconds: 3,
      stopSeconds: 3,
      ...opts.simulator,
    });
    cleanups.push(() => sim.close());
    const harness = await startHarness({ ...opts.harness, profileDir, keyringService });
    cleanups.push(() => harness.close());
    // Accounts a test did not remove must not stay in the keychain after it.
    cleanups.push(async () => {
      for (const account of harness.controller.snapshot().accounts)
        await secrets.delete(account.id);
    });
    const browser = await launchChromium();
    cleanups.push(() => browser.close());

    const simOrigin = `http://127.0.0.1:${sim.port}`;
    return {
      sim,
      harness,
      client: new HarnessClient(harness.url),
      browser,
      keyringService,
      secrets,
      pageErrors,
      async openWindow(options = {}) {
        const context = await browser.newContext({
          viewport: { width: 420, height: 640 },
          ...options,
        });
        const page = await context.newPage();
        page.on('pageerror', (e) => pageErrors.push(e.message));
        await page.goto(harness.url);
        return page;
      },
      async simAdmin(method, path, body) {
        const res = await fetch(`${simOrigin}/__sim/${path}`, {
          method,
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const json: unknown = await res.json();
        if (!res.ok)
          throw new Error(`/__sim/${path} answered ${res.status}: ${JSON.stringify(json)}`);
        return json;
      },
      close,
    };
  } catch (e) {
    await close().catch(() => {});
    throw e;
  }
}

// A controller that records what the shell asks of it and answers with a fixed snapshot.
import { vi } from 'vitest';
import { makePreferences } from '../../fixtures/snapshot';
import type { CommandName, CommandResult } from '../../../electron/shared/contract';
import type { AppSnapshot } from '../../../electron/shared/model';
import type { AppController, ControllerDeps } from '../../../electron/core/app/controller-types';

export function snapshot(overrides: Partial<AppSnapshot> = {}): AppSnapshot {
  return {
    revision: 1,
    now: Date.UTC(2026, 0, 1),
    locale: 'en',
    preferences: makePreferences({ language: 'system', startHidden: true }),
    accounts: [],
    deployments: [],
    online: true,
    suspended: false,
    demo: false,
    notices: [],
    platform: { os: 'linux', loginItemSupported: true },
    appVersion: '0.1.0',
    ...overrides,
  };
}

export interface FakeController extends AppController {
  deps?: ControllerDeps<unknown>;
  current: AppSnapshot;
  emit(snapshot: AppSnapshot): void;
  invoke: AppController['invoke'] & ReturnType<typeof vi.fn>;
  activateTrayItem: AppController['activateTrayItem'] & ReturnType<typeof vi.fn>;
  focusDeployment: AppController['focusDeployment'] & ReturnType<typeof vi.fn>;
  focusScreen: AppController['focusScreen'] & ReturnType<typeof vi.fn>;
  start: AppController['start'] & ReturnType<typeof vi.fn>;
  dispose: AppController['dispose'] & ReturnType<typeof vi.fn>;
}

export function fakeController(initial: AppSnapshot = snapshot()): FakeController {
  const listeners = new Set<(s: AppSnapshot) => void>();
  const c = {
    current: initial,
    start: vi.fn(async () => undefined),
    invoke: vi.fn(async (command: CommandName): Promise<CommandResult<CommandName>> =>
      command === 'state.get' ? { ok: true, value: c.current } : { ok: true, value: null },
    ),
    snapshot: () => c.current,
    onState(listener: (s: AppSnapshot) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    activateTrayItem: vi.fn(async (_id: string) => undefined),
    focusDeployment: vi.fn((_key: string) => undefined),
    focusScreen: vi.fn((_screen: string) => undefined),
    dispose: vi.fn(async () => undefined),
    emit(s: AppSnapshot) {
      c.current = s;
      for (const l of listeners) l(s);
    },
  };
  return c as unknown as FakeController;
}

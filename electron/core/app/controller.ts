// The controller: owns every decision and wires the core together. The shells hand it their
// ports, forward commands and tray clicks, and draw what it pushes. Nothing here knows about
// Electron; everything platform-bound goes through `deps`.
import { createApiClient } from '../api/client';
import type { ApiClient, ApiClientOptions, Deployment } from '../api/types';
import { SecretVault } from '../accounts/secret-vault';
import { parseLedgerData, type LedgerStore } from '../budget/store';
import { createLogger } from '../log/logger';
import { credentialSecrets } from '../log/redact';
import {
  clampName,
  defaultSettings,
  type JsonValue,
  type PersistedSettings,
} from '../settings/schema';
import { SettingsUnreadableError } from '../settings/unreadable';
import { buildTrayModel } from '../tray/build';
import type { TrayModel } from '../tray/model';
import { createWatchEngine } from '../watch/engine';
import type { EngineChange, EngineState, WatchEngine } from '../watch/types';
import { resolveLocale } from '../../shared/i18n';
import type { CommandName, CommandResponses, CommandResult } from '../../shared/contract';
import type { AppSnapshot, FocusScreen, Locale } from '../../shared/model';
import { notificationsForChange } from './change-notifications';
import { toCommandError } from './command-error';
import { accountCommands, stopDemoCloud } from './commands/account-commands';
import { appCommands } from './commands/app-commands';
import { deploymentCommands } from './commands/deployment-commands';
import type { CommandHandlers } from './commands/handlers';
import type { ControllerContext } from './context';
import type { AppController, ControllerDeps, ParsedRequest } from './controller-types';
import { NoticeBoard } from './notices';
import { countedRead, RecentLists } from './counted-read';
import { budgetScopeOf, LEDGER_KEY, Registry, type AccountEntry } from './registry';
import { RemovalUndo } from './removal-undo';
import { buildSnapshot } from './snapshot';
import { nextExpiry } from './expiry';
import { scrubberFor } from './scrub';
import { activateTrayItem } from './tray-actions';
import type { NotificationRequest, Unsubscribe } from './ports';
import type { TimerHandle } from '../clock';

/**
 * How often the keychain is asked again, unprompted, while an account waits for it. Slow on
 * purpose: asking a locked keychain can raise the desktop's unlock prompt, and the user's own
 * actions (opening the window, Refresh, resume) already ask at once.
 */
export const KEYCHAIN_RETRY_MS = 10 * 60_000;

export function createController(deps: ControllerDeps<PersistedSettings>): AppController {
  const { clock } = deps;
  const now = (): number => clock.now();

  // Loaded in start(); until then the controller shows an empty, default state.
  let registry = new Registry(defaultSettings());
  const vault = new SecretVault(deps.secrets);
  const notices = new NoticeBoard();
  const undo = new RemovalUndo(clock);
  const clients = new Map<string, ApiClient>();
  const transientSecrets = new Set<string>();
  const listeners = new Set<(snapshot: AppSnapshot) => void>();
  const unsubscribers: Unsubscribe[] = [];

  const logger = createLogger(deps.log ?? (() => undefined), { now, redact: secretsInUse });

  /** Every secret held now, with its `key:secret` spelling (what Basic auth encodes). */
  function secretsInUse(): string[] {
    const out = [...vault.secrets(), ...transientSecrets];
    for (const a of registry.accounts()) {
      const secret = vault.peek(a.record.id);
      if (secret !== undefined) out.push(...credentialSecrets(a.record.keyId, secret));
    }
    return out;
  }

  const ledgerStore: LedgerStore = {
    load: () => parseLedgerData(registry.engineData[LEDGER_KEY]),
    save: (data) => {
      // The ledger is plain JSON by construction (numbers and records).
      registry.engineData[LEDGER_KEY] = structuredClone(data) as unknown as JsonValue;
      schedule({ save: true, push: false });
    },
  };

  // Made in start(), once the settings (and the ledger in them) are loaded.
  let engine: WatchEngine | undefined;
  function theEngine(): WatchEngine {
    if (engine === undefined) throw new Error('the controller has not started');
    return engine;
  }

  const makeClient = (opts: ApiClientOptions): ApiClient =>
    deps.createClient !== undefined
      ? deps.createClient(opts)
      : createApiClient({ ...opts, logger, now });

  let revision = 0;
  let current: AppSnapshot | undefined;
  let tray: TrayModel | undefined;
  let focusKey: string | undefined;
  let screenFocus: AppSnapshot['focusScreen'];
  let screenRequests = 0;
  let pending: { push: boolean; save: boolean } | undefined;
  let expiryTimer: TimerHandle | undefined;
  let started = false;
  let disposed: Promise<void> | undefined;
  /** Set when the settings file could not be loaded: this run keeps everything in memory. */
  let settingsUnreadable = false;

  const locale = (): Locale => resolveLocale(registry.preferences.language, safeSystemLocale());

  function safeSystemLocale(): string {
    try {
      return deps.window.systemLocale();
    } catch {
      return 'en';
    }
  }

  function engineState(): EngineState {
    return (
      engine?.getState() ?? {
        at: now(),
        online: true,
        suspended: false,
        accounts: [],
        deployments: [],
      }
    );
  }

  function snapshotOf(state = engineState(), rev = revision): AppSnapshot {
    return buildSnapshot({
      revision: rev,
      now: now(),
      locale: locale(),
      preferences: registry.preferences,
      accounts: registry.accounts(),
      watched: registry.watched(),
      engine: state,
      ledger: registry.engineData[LEDGER_KEY],
      notices: notices.list(),
      ...(focusKey !== undefined ? { focusDeploymentKey: focusKey } : {}),
      ...(screenFocus !== undefined ? { focusScreen: screenFocus } : {}),
      platform: deps.platform,
      appVersion: deps.appVersion,
      isSessionOnly: (id) => vault.isSessionOnly(id),
    });
  }

  /** Marks work for the end of this tick: bursts of changes become one snapshot and one save. */
  function schedule(work: { push?: boolean; save?: boolean }): void {
    if (disposed !== undefined) return;
    const first = pending === undefined;
    pending = {
      push: (pending?.push ?? false) || (work.push ?? true),
      save: (pending?.save ?? false) || (work.save ?? false),
    };
    if (first) void Promise.resolve().then(flush);
  }

  function flush(): void {
    const work = pending;
    pending = undefined;
    if (work === undefined) return;
    // Until start() has loaded every account, a save would write a partial document; start()
    // saves once at its end instead.
    if (!started || disposed !== undefined) return;
    if (work.save) saveSettings();
    if (work.push) push();
  }

  function push(): void {
    revision += 1;
    current = scrubberFor(secretsInUse())(snapshotOf(engineState(), revision));
    // A notification click or the tray asks the window to open something, once.
    focusKey = undefined;
    screenFocus = undefined;
    try {
      tray = buildTrayModel(current);
      deps.tray.render(tray);
    } catch (error) {
      logger.error('tray could not be drawn', { error: String(error) });
    }
    for (const listener of [...listeners]) {
      try {
        listener(current);
      } catch (error) {
        logger.error('state listener failed', { error: String(error) });
      }
    }
    armExpiry(current);
  }

  /** A new snapshot when a block shown in this one ends, so Start is offered again on time. */
  function armExpiry(snapshot: AppSnapshot): void {
    if (expiryTimer !== undefined) clock.clearTimeout(expiryTimer);
    expiryTimer = undefined;
    const at = nextExpiry(snapshot);
    if (at === undefined) return;
    expiryTimer = clock.setTimeout(() => {
      expiryTimer = undefined;
      schedule({ push: true });
    }, at - now());
  }

  function saveSettings(): void {
    // The file there could not be read: writing now would replace it with this run's defaults.
    if (settingsUnreadable) return;
    try {
      deps.settings.save(registry.toDocument());
    } catch (error) {
      logger.error('settings could not be saved', { error: String(error) });
    }
  }

  /** The latest state, with any change of this tick included. */
  function snapshotNow(): AppSnapshot {
    if (pending?.push === true && started && disposed === undefined) {
      const save = pending.save;
      pending = save ? { push: false, save } : undefined;
      push();
    }
    return current ?? scrubberFor(secretsInUse())(snapshotOf());
  }

  function activate(
    entry: AccountEntry,
    client: ApiClient,
    initial?: ReadonlyMap<string, Deployment>,
  ): void {
    const id = entry.record.id;
    const engine = theEngine();
    clients.set(id, client);
    engine.addAccount(id, client, { budgetScope: entry.budgetScope });
    entry.active = true;
    delete entry.problem;
    for (const d of registry.watchedOf(id)) {
      engine.watch(id, d.deploymentId, initial?.get(d.deploymentId));
    }
  }

  const recentLists = new RecentLists();

  /** A new revision carries the request, so a window holding the last snapshot still sees it. */
  function focusDeployment(key: string): void {
    if (!started || disposed !== undefined) return;
    // The latest request wins: one snapshot never asks for two places at once.
    focusKey = key;
    screenFocus = undefined;
    schedule({ push: true });
  }

  function focusScreen(screen: FocusScreen): void {
    if (!started || disposed !== undefined) return;
    screenRequests += 1;
    screenFocus = { screen, seq: screenRequests };
    focusKey = undefined;
    schedule({ push: true });
  }

  function showWindow(deploymentKey?: string): void {
    deps.window.show(deploymentKey);
    // The user may have unlocked the keychain before coming to look.
    void retryKeychain();
    if (deploymentKey !== undefined) focusDeployment(deploymentKey);
  }

  function showScreen(screen: FocusScreen): void {
    deps.window.showScreen(screen);
    focusScreen(screen);
  }

  const ctx: ControllerContext = {
    deps,
    get engine() {
      return theEngine();
    },
    get registry() {
      return registry;
    },
    vault,
    notices,
    undo,
    recentLists,
    countedRead: (scope, read) => countedRead(theEngine(), scope, read),
    logger,
    makeClient,
    clientOf(accountId) {
      const client = clients.get(accountId);
      if (client === undefined) throw new Error(`no client for account ${accountId}`);
      return client;
    },
    now,
    disposed: () => disposed !== undefined,
    locale,
    changed: (opts) => schedule({ push: true, save: opts?.save ?? false }),
    snapshot: snapshotNow,
    showWindow,
    showScreen,
    activate,
    retryKeychain,
    demo: {},
  };

  const handlers: CommandHandlers = {
    ...accountCommands(ctx),
    ...deploymentCommands(ctx),
    ...appCommands(ctx),
  };

  // ---- engine changes -> names, notifications, snapshot -----------------------------------------

  function onEngineChange(change: EngineChange): void {
    rememberNames(change);
    dismissEndedOperations(change.after);
    const prefs = registry.preferences;
    let requests: NotificationRequest[] = [];
    try {
      requests = notificationsForChange(
        snapshotOf(change.before),
        snapshotOf(change.after),
        change.baselineKeys,
        prefs,
        locale(),
        now(),
      );
    } catch (error) {
      logger.error('notification policy failed', { error: String(error) });
    }
    const scrub = scrubberFor(secretsInUse());
    for (const request of requests) showNotification(scrub(request));
    schedule({ push: true });
  }

  /**
   * "Stop sent…" says what is happening now: once the deployment has no operation pending (or
   * is no longer watched), the state itself tells the rest.
   */
  function dismissEndedOperations(after: EngineState): void {
    const pendingKeys = new Set(
      after.deployments.filter((d) => d.pendingOperation !== undefined).map((d) => d.key),
    );
    notices.dismissWhere(
      (n) => n.kind === 'operation-sent' && !pendingKeys.has(String(n.params.deploymentKey)),
    );
  }

  /** Names from reads are kept, so the next launch shows them before its first read. */
  function rememberNames(change: EngineChange): void {
    let renamed = false;
    for (const d of change.after.deployments) {
      const read = d.fields?.deploymentName;
      // Saved as the settings schema keeps it, so an unchanged long name is no change.
      const name = read === undefined ? undefined : clampName(read);
      const entry = name === undefined ? undefined : registry.find(d.key);
      if (entry !== undefined && name !== undefined && entry.lastKnownName !== name) {
        entry.lastKnownName = name;
        renamed = true;
      }
    }
    if (renamed) schedule({ save: true, push: false });
  }

  function showNotification(request: NotificationRequest): void {
    logger.info('notification', { kind: request.kind, key: request.deploymentKey });
    try {
      deps.notifier.show(request, () => showWindow(request.deploymentKey));
    } catch (error) {
      logger.error('notification could not be shown', { error: String(error) });
    }
  }

  // ---- start -------------------------------------------------------------------------------------

  async function loadAccounts(doc: PersistedSettings): Promise<void> {
    for (const record of doc.accounts) {
      const entry: AccountEntry = {
        record: { ...record },
        demo: false,
        active: false,
        budgetScope: budgetScopeOf(record, false),
      };
      registry.addAccount(entry);
      await loadSecret(entry);
      if (disposed !== undefined) return;
    }
  }

  /** Reads an account's secret from the keychain and, when there is one, activates it. */
  async function loadSecret(entry: AccountEntry): Promise<void> {
    const { record } = entry;
    const loaded = await vault.load(record.id);
    // The app may have quit, or the account gone or been given a new secret, meanwhile.
    if (disposed !== undefined || registry.account(record.id) !== entry || entry.active) return;
    if (!loaded.found) {
      if (loaded.problem !== undefined) {
        entry.problem = { kind: loaded.problem.kind, message: loaded.problem.message, at: now() };
      } else {
        delete entry.problem;
      }
      logger.warn('account has no secret available', {
        accountId: record.id,
        ...(loaded.problem !== undefined ? { kind: loaded.problem.kind } : {}),
      });
      return;
    }
    try {
      activate(
        entry,
        makeClient({ baseUrl: record.baseUrl, key: record.keyId, secret: loaded.secret }),
      );
    } catch (error) {
      const problem = toCommandError(error, now()).problem;
      entry.problem = problem ?? {
        kind: 'InvalidInput',
        message: 'account settings are not valid',
        at: now(),
      };
      logger.warn('account could not be started', {
        accountId: record.id,
        kind: entry.problem.kind,
      });
    }
  }

  // ---- accounts waiting for a locked or unavailable keychain -------------------------------------

  let keychainTimer: TimerHandle | undefined;
  let keychainRetry: Promise<void> | undefined;

  function waitingForKeychain(): AccountEntry[] {
    return registry
      .accounts()
      .filter((a) => !a.active && !a.demo && a.problem?.kind.startsWith('Keychain') === true);
  }

  /**
   * Asks the keychain again for the secrets it refused at launch: the user may have unlocked it
   * since. There is no event for that, so this runs on resume, when the network comes back, on
   * a refresh, when the window is opened, and every KEYCHAIN_RETRY_MS while an account waits.
   */
  function retryKeychain(): Promise<void> {
    if (!started || disposed !== undefined) return Promise.resolve();
    keychainRetry ??= (async () => {
      try {
        let activated = 0;
        for (const entry of waitingForKeychain()) {
          await loadSecret(entry);
          if (disposed !== undefined) return;
          if (entry.active) {
            activated += 1;
            logger.info('account secret read after the keychain refused it', {
              accountId: entry.record.id,
            });
          }
        }
        if (activated > 0) schedule({ push: true });
      } catch (error) {
        logger.error('keychain retry failed', { error: String(error) });
      } finally {
        keychainRetry = undefined;
        armKeychainRetry();
      }
    })();
    return keychainRetry;
  }

  function armKeychainRetry(): void {
    if (keychainTimer !== undefined || disposed !== undefined) return;
    if (waitingForKeychain().length === 0) return;
    keychainTimer = clock.setTimeout(() => {
      keychainTimer = undefined;
      void retryKeychain();
    }, KEYCHAIN_RETRY_MS);
  }

  async function retryKeychainDeletes(): Promise<void> {
    const left: string[] = [];
    for (const id of registry.pendingKeychainDeletes) {
      try {
        await deps.secrets.delete(id);
      } catch {
        left.push(id);
      }
    }
    if (left.length !== registry.pendingKeychainDeletes.length) {
      registry.pendingKeychainDeletes = left;
      schedule({ save: true, push: false });
    }
  }

  /**
   * The saved settings, or defaults when the file cannot be read. The app still draws its tray
   * and window then, says why, and saves nothing until a later launch reads the file.
   */
  function loadSettings(): ReturnType<ControllerDeps<PersistedSettings>['settings']['load']> {
    try {
      return deps.settings.load();
    } catch (error) {
      settingsUnreadable = true;
      const params =
        error instanceof SettingsUnreadableError
          ? { path: error.path, reason: error.reason }
          : { path: '', reason: error instanceof Error ? error.message : String(error) };
      logger.error('settings could not be read; running on defaults', params);
      notices.add('settings-unreadable', now(), params);
      return { data: defaultSettings() };
    }
  }

  async function start(): Promise<void> {
    if (started || disposed !== undefined) return;
    const loaded = loadSettings();
    registry = new Registry(loaded.data);
    for (const d of loaded.data.deployments) registry.watch({ ...d });
    const created = createWatchEngine({
      clock,
      ledgerStore,
      idleCadenceMs: registry.preferences.idleCadenceSeconds * 1000,
      logger,
    });
    engine = created;
    // Subscribed first: every change from here on reaches the policy and the snapshot.
    unsubscribers.push(created.subscribe(onEngineChange));
    // Known before any account is activated: no check goes out while the computer is offline
    // or asleep, even while a later account's secret is still being read.
    created.setOnline(deps.network.isOnline());
    unsubscribers.push(
      deps.network.onChange((online) => {
        created.setOnline(online);
        if (online) void retryKeychain();
      }),
    );
    unsubscribers.push(deps.power.on('suspend', () => created.suspend()));
    unsubscribers.push(
      deps.power.on('resume', () => {
        created.resume();
        void retryKeychain();
      }),
    );
    if (loaded.recovered !== undefined) {
      logger.warn('settings recovered', { reason: loaded.recovered.reason });
      notices.add('settings-recovered', now(), {
        reason: loaded.recovered.reason,
        movedTo: loaded.recovered.movedTo,
      });
      schedule({ save: true, push: false });
    }

    const status = await vault.status();
    // The shell may quit while the keychain is asked (an unlock prompt can take long).
    if (disposed !== undefined) return;
    if (!status.available) {
      logger.warn('keychain not available', { reason: status.reason });
      notices.add('keychain-unavailable', now(), { reason: status.reason });
    } else {
      await retryKeychainDeletes();
      if (disposed !== undefined) return;
    }
    await loadAccounts(loaded.data);
    if (disposed !== undefined) return;

    started = true;
    logger.info('started', {
      accounts: registry.accounts().length,
      deployments: registry.watched().length,
      locale: locale(),
    });
    // Saved at once: a migrated or repaired document is written back in the current format.
    pending = undefined;
    saveSettings();
    push();
    armKeychainRetry();
    if (registry.accounts().length === 0) deps.window.show();
  }

  // ---- commands and tray -------------------------------------------------------------------------

  async function invoke<C extends CommandName>(
    command: C,
    request: ParsedRequest<C>,
  ): Promise<CommandResult<C>> {
    if (disposed !== undefined || !started) {
      return { ok: false, error: { code: 'errors.unknown' } };
    }
    // The map is complete by type; indexing it by a generic C loses the pairing tsc cannot see.
    const handler = handlers[command] as unknown as (
      r: ParsedRequest<C>,
    ) => Promise<CommandResponses[C]>;
    // A secret being entered is not stored anywhere yet, but must be redacted like one.
    const entered = 'secret' in request && typeof request.secret === 'string' ? request.secret : '';
    if (entered !== '') transientSecrets.add(entered);
    try {
      let result: CommandResult<C>;
      try {
        result = { ok: true, value: await handler(request) };
      } catch (error) {
        const commandError = toCommandError(error, now());
        logger.info('command failed', { command, code: commandError.code });
        if (commandError.code === 'errors.unknown') {
          logger.error('unexpected failure', { command, error: String(error) });
        }
        result = { ok: false, error: commandError };
      }
      return scrubberFor(secretsInUse())(result);
    } finally {
      if (entered !== '') transientSecrets.delete(entered);
    }
  }

  async function dispose(): Promise<void> {
    disposed ??= (async () => {
      for (const off of unsubscribers.splice(0)) off();
      if (expiryTimer !== undefined) clock.clearTimeout(expiryTimer);
      expiryTimer = undefined;
      if (keychainTimer !== undefined) clock.clearTimeout(keychainTimer);
      keychainTimer = undefined;
      engine?.dispose();
      undo.dispose();
      if (started) saveSettings();
      pending = undefined;
      listeners.clear();
      if (ctx.demo.starting !== undefined) await ctx.demo.starting.catch(() => undefined);
      await stopDemoCloud(ctx);
      logger.info('stopped');
    })();
    return disposed;
  }

  return {
    start,
    invoke,
    snapshot: snapshotNow,
    onState(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    focusDeployment,
    focusScreen,
    async activateTrayItem(itemId) {
      if (!started || disposed !== undefined) return;
      snapshotNow();
      const model = tray ?? buildTrayModel(snapshotNow());
      await activateTrayItem(ctx, model, itemId);
    },
    dispose,
  };
}

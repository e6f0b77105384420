// Commands about the app itself: preferences, notices, the console, the demo, state, quit.
import { consoleUrl } from '../../accounts/site';
import { newAccountId } from '../../accounts/ids';
import { translate } from '../../../shared/i18n';
import type { Preferences } from '../../../shared/model';
import { CommandFailure } from '../command-error';
import type { ControllerContext } from '../context';
import { budgetScopeOf, type AccountEntry } from '../registry';
import type { CommandHandlers } from './handlers';

type AppCommands = Pick<
  CommandHandlers,
  'preferences.update' | 'notice.dismiss' | 'console.open' | 'demo.start' | 'state.get' | 'app.quit'
>;

export function appCommands(ctx: ControllerContext): AppCommands {
  return {
    'preferences.update': async (patch) => {
      const merge = (base: Preferences): Preferences => ({
        ...base,
        ...patch,
        notifications: { ...base.notifications, ...patch.notifications },
      });
      const before = ctx.registry.preferences;
      const wanted = merge(before);
      if (wanted.launchAtLogin !== before.launchAtLogin) {
        // The OS setting first: a preference that says "on" while the OS says "off" helps nobody.
        await ctx.deps.window.setLaunchAtLogin(wanted.launchAtLogin);
      }
      // Applied to what is current now: another change may have landed while the OS answered.
      const current = ctx.registry.preferences;
      const next = merge(current);
      if (next.idleCadenceSeconds !== current.idleCadenceSeconds) {
        ctx.engine.setIdleCadence(next.idleCadenceSeconds * 1000);
      }
      ctx.registry.preferences = next;
      ctx.changed({ save: true });
      return structuredClone(next);
    },

    'notice.dismiss': async (req) => {
      if (ctx.notices.dismiss(req.id)) ctx.changed();
      return null;
    },

    'console.open': async (req) => {
      const entry = ctx.registry.account(req.accountId);
      if (entry === undefined) {
        throw new CommandFailure('errors.unknownAccount', { accountId: req.accountId });
      }
      const { site, baseUrl } = entry.record;
      ctx.deps.window.openExternal(consoleUrl(site, baseUrl, req.deploymentId));
      return null;
    },

    'demo.start': async () => {
      const running = ctx.registry.accounts().find((a) => a.demo);
      if (running !== undefined) return { accountId: running.record.id };
      // Two clicks in a row start one demo.
      ctx.demo.starting ??= startDemo(ctx).finally(() => delete ctx.demo.starting);
      return { accountId: await ctx.demo.starting };
    },

    'state.get': async () => ctx.snapshot(),

    'app.quit': async () => {
      ctx.deps.window.quit();
      return null;
    },
  };
}

async function startDemo(ctx: ControllerContext): Promise<string> {
  const cloud = await ctx.deps.startDemoCloud();
  ctx.demo.cloud = cloud;
  const id = newAccountId((candidate) => ctx.registry.isIdTaken(candidate), 'demo');
  try {
    const client = ctx.makeClient({ baseUrl: cloud.baseUrl, key: cloud.key, secret: cloud.secret });
    ctx.vault.hold(id, cloud.secret);
    const record = {
      id,
      label: translate(ctx.locale(), 'common.demo'),
      site: 'custom' as const,
      baseUrl: client.baseUrl,
      keyId: cloud.key,
    };
    const budgetScope = budgetScopeOf(record, true);
    const list = await ctx.countedRead(budgetScope, () => client.listDeployments());
    const entry: AccountEntry = {
      record,
      demo: true,
      active: false,
      budgetScope,
    };
    ctx.registry.addAccount(entry);
    for (const d of list) {
      ctx.registry.watch({
        accountId: id,
        deploymentId: d.deploymentID,
        muted: false,
        lastKnownName: d.deploymentName,
      });
    }
    ctx.activate(entry, client, new Map(list.map((d) => [d.deploymentID, d])));
    ctx.notices.add('demo-mode', ctx.now());
    ctx.logger.info('demo started', { accountId: id, deployments: list.length });
    ctx.changed();
    return id;
  } catch (error) {
    ctx.vault.forget(id);
    delete ctx.demo.cloud;
    await cloud.stop().catch(() => undefined);
    throw error;
  }
}

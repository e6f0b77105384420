// Commands about watched deployments: what the account has, add, remove (with undo), refresh,
// start/stop, mute.
import { InvalidInputError, NotFoundError } from '../../api/errors';
import { validateDeploymentId } from '../../api/deployment-id';
import { deploymentKey } from '../../../shared/model';
import { CommandFailure } from '../command-error';
import type { ControllerContext } from '../context';
import { runOperation } from '../operate';
import type { AccountEntry } from '../registry';
import type { CommandHandlers } from './handlers';

type DeploymentCommands = Pick<
  CommandHandlers,
  | 'deployments.available'
  | 'deployment.add'
  | 'deployment.remove'
  | 'deployment.undoRemove'
  | 'deployment.refresh'
  | 'deployment.operate'
  | 'deployment.mute'
>;

/** An account that can make requests now; otherwise the reason it cannot, as an error. */
function activeAccount(ctx: ControllerContext, accountId: string): AccountEntry {
  const entry = ctx.registry.account(accountId);
  if (entry === undefined) throw new CommandFailure('errors.unknownAccount', { accountId });
  if (!entry.active) {
    throw new CommandFailure(entry.problem?.kind ?? 'errors.accountNeedsSecret', { accountId });
  }
  return entry;
}

function validId(id: string): string {
  try {
    return validateDeploymentId(id);
  } catch (error) {
    if (error instanceof InvalidInputError) throw new CommandFailure('errors.invalidDeploymentId');
    throw error;
  }
}

function requireWatched(ctx: ControllerContext, accountId: string, deploymentId: string) {
  const key = deploymentKey(accountId, deploymentId);
  const entry = ctx.registry.find(key);
  if (entry === undefined) throw new CommandFailure('errors.unknownDeployment', { deploymentId });
  return { key, entry };
}

export function deploymentCommands(ctx: ControllerContext): DeploymentCommands {
  return {
    'deployments.available': async (req) => {
      const entry = activeAccount(ctx, req.accountId);
      const client = ctx.clientOf(req.accountId);
      let list;
      try {
        list = await ctx.countedRead(entry.budgetScope, () => client.listDeployments());
        ctx.recentLists.remember(req.accountId, ctx.now(), list);
        ctx.engine.observeList(req.accountId, list);
      } catch (error) {
        // The older API has no list: the window asks for IDs instead.
        if (error instanceof NotFoundError) return { supported: false };
        throw error;
      }
      const watched = new Set(ctx.registry.watchedOf(req.accountId).map((d) => d.deploymentId));
      return {
        supported: true,
        deployments: list.map((d) => ({
          deploymentID: d.deploymentID,
          deploymentName: d.deploymentName,
          status: d.status,
          deploymentType: d.deploymentType,
          region: d.region,
          watched: watched.has(d.deploymentID),
        })),
      };
    },

    'deployment.add': async (req) => {
      const id = validId(req.deploymentId);
      const entry = activeAccount(ctx, req.accountId);
      const key = deploymentKey(req.accountId, id);
      if (ctx.registry.find(key) !== undefined) return { key };
      // One read before anything is stored, so a mistyped ID is refused here, not polled
      // forever; a list the user just picked from already is that read.
      const client = ctx.clientOf(req.accountId);
      const initial =
        ctx.recentLists.find(req.accountId, id, ctx.now()) ??
        (await ctx.countedRead(entry.budgetScope, () => client.getDeployment(id)));
      if (ctx.registry.find(key) !== undefined) return { key };
      // The account may have been removed (or lost its secret) while the read was out.
      if (activeAccount(ctx, req.accountId) !== entry) {
        throw new CommandFailure('errors.unknownAccount', { accountId: req.accountId });
      }
      ctx.registry.watch({
        accountId: req.accountId,
        deploymentId: id,
        muted: false,
        lastKnownName: initial.deploymentName,
      });
      ctx.engine.watch(req.accountId, id, initial);
      ctx.logger.info('deployment watched', { key });
      ctx.changed({ save: true });
      return { key };
    },

    'deployment.remove': async (req) => {
      const { key } = requireWatched(ctx, req.accountId, req.deploymentId);
      const removed = ctx.registry.unwatch(key);
      if (removed === undefined) return null;
      if (ctx.registry.account(req.accountId)?.active === true) {
        ctx.engine.unwatch(req.accountId, req.deploymentId);
      }
      ctx.undo.keep(key, removed.entry, removed.index);
      ctx.logger.info('deployment unwatched', { key });
      ctx.changed({ save: true });
      return null;
    },

    'deployment.undoRemove': async (req) => {
      const key = deploymentKey(req.accountId, req.deploymentId);
      if (ctx.registry.find(key) !== undefined) return null;
      const account = ctx.registry.account(req.accountId);
      const kept = account === undefined ? undefined : ctx.undo.take(key);
      if (account === undefined || kept === undefined) {
        throw new CommandFailure('errors.undoExpired');
      }
      ctx.registry.watch(kept.entry, kept.index);
      if (account.active) ctx.engine.watch(req.accountId, req.deploymentId);
      ctx.logger.info('deployment watched again', { key });
      ctx.changed({ save: true });
      return null;
    },

    'deployment.refresh': async (req) => {
      if (req.deploymentId !== undefined && req.accountId === undefined) {
        throw new CommandFailure('errors.invalidRequest', { field: 'accountId' });
      }
      // A keychain unlocked since launch gives its secrets now, so the refresh can use them.
      await ctx.retryKeychain();
      if (req.accountId !== undefined) {
        activeAccount(ctx, req.accountId);
        if (req.deploymentId !== undefined) requireWatched(ctx, req.accountId, req.deploymentId);
      }
      const target =
        req.accountId === undefined
          ? undefined
          : {
              accountId: req.accountId,
              ...(req.deploymentId === undefined ? {} : { deploymentId: req.deploymentId }),
            };
      const outcomes = await ctx.engine.refresh(target);
      ctx.logger.info('refresh', { outcomes: outcomes.map((o) => o.result) });
      return null;
    },

    'deployment.operate': async (req) => {
      requireWatched(ctx, req.accountId, req.deploymentId);
      activeAccount(ctx, req.accountId);
      await runOperation(ctx, req.accountId, req.deploymentId, req.op);
      return { sent: true };
    },

    'deployment.mute': async (req) => {
      const { entry } = requireWatched(ctx, req.accountId, req.deploymentId);
      entry.muted = req.muted;
      ctx.changed({ save: true });
      return null;
    },
  };
}

// What a click on a tray menu item does. The item is looked up in a menu built from the current
// state, so a click on an item that has just become unavailable does nothing.
import { consoleUrl } from '../accounts/site';
import type { TrayAction, TrayModel } from '../tray/model';
import { findMenuItem } from '../tray/find';
import { toCommandError } from './command-error';
import type { ControllerContext } from './context';
import { runOperation } from './operate';

export async function activateTrayItem(
  ctx: ControllerContext,
  model: TrayModel,
  itemId: string,
): Promise<void> {
  const item = findMenuItem(model, itemId);
  if (item === undefined || !item.enabled || item.action === undefined) {
    ctx.logger.info('tray item not available', { itemId });
    return;
  }
  try {
    await perform(ctx, item.action);
  } catch (error) {
    // The outcome is in the state and the window's notices; the tray has nobody to answer.
    ctx.logger.warn('tray action failed', { itemId, code: toCommandError(error, ctx.now()).code });
  }
}

async function perform(ctx: ControllerContext, action: TrayAction): Promise<void> {
  const { window } = ctx.deps;
  switch (action.type) {
    case 'operate': {
      const target = ctx.registry.find(action.deploymentKey);
      if (target === undefined) return;
      const confirmed = await ctx.deps.window.confirm(action.confirm);
      if (!confirmed) {
        ctx.logger.info('operation cancelled', { key: action.deploymentKey, op: action.op });
        return;
      }
      await runOperation(ctx, target.accountId, target.deploymentId, action.op);
      return;
    }
    case 'refresh': {
      if (action.deploymentKey === undefined) {
        // Refresh all also asks again for secrets a locked keychain held back.
        await ctx.retryKeychain();
        await ctx.engine.refresh();
        return;
      }
      const target = ctx.registry.find(action.deploymentKey);
      if (target !== undefined) {
        await ctx.engine.refresh({
          accountId: target.accountId,
          deploymentId: target.deploymentId,
        });
      }
      return;
    }
    case 'copy-id': {
      const target = ctx.registry.find(action.deploymentKey);
      if (target !== undefined) window.copyText(target.deploymentId);
      return;
    }
    case 'open-console': {
      const target = ctx.registry.find(action.deploymentKey);
      const account = target === undefined ? undefined : ctx.registry.account(target.accountId);
      if (target === undefined || account === undefined) return;
      window.openExternal(
        consoleUrl(account.record.site, account.record.baseUrl, target.deploymentId),
      );
      return;
    }
    case 'open-window':
      ctx.showWindow(action.deploymentKey);
      return;
    case 'open-settings':
      ctx.showScreen('settings');
      return;
    case 'quit':
      window.quit();
      return;
  }
}

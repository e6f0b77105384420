// The Start or Stop entry of a deployment's submenu. Only one of the two is shown: the one a
// user would reach for in the current status. When it is not available the label itself says
// why ("Start — available at 15:42"), since not every platform shows a menu item's tooltip.
import { translate } from '../../shared/i18n';
import { formatBlock, formatBlockShort } from '../../shared/i18n/format';
import type { DeploymentView, Locale, Operation } from '../../shared/model';
import { confirmRequestFor } from './confirm';
import type { TrayMenuItem } from './model';

/**
 * An operation already sent decides; else the one the engine allows; else Stop for a deployment
 * that is up or coming up, Start for anything else.
 */
export function operationFor(deployment: DeploymentView): Operation {
  if (deployment.pendingOperation) return deployment.pendingOperation.op;
  const { start, stop } = deployment;
  if (start.allowed !== stop.allowed) return start.allowed ? 'start' : 'stop';
  return deployment.statusKind === 'running' || deployment.statusKind === 'starting'
    ? 'stop'
    : 'start';
}

export function operationItem(
  deployment: DeploymentView,
  locale: Locale,
  timeZone?: string,
): TrayMenuItem {
  const op = operationFor(deployment);
  const availability = deployment[op];
  const id = `deployment:${deployment.key}:${op}`;
  if (availability.allowed) {
    return {
      id,
      type: 'normal',
      label: translate(locale, `tray.${op}`),
      enabled: true,
      action: {
        type: 'operate',
        deploymentKey: deployment.key,
        op,
        confirm: confirmRequestFor(locale, op, deployment.name),
      },
    };
  }
  // No action on a disabled item: nothing can fire an operation the engine has refused.
  return {
    id,
    type: 'normal',
    label: translate(locale, 'tray.unavailableLabel', {
      action: translate(locale, `op.${op}`),
      reason: formatBlockShort(locale, availability, timeZone),
    }),
    enabled: false,
    hint: formatBlock(locale, availability, timeZone),
  };
}

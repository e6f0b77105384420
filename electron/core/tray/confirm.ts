// The question asked before a start or stop: it names the deployment and the consequence,
// because a confirmed operation costs the user the next hour of operations.
import { translate } from '../../shared/i18n';
import type { Locale, Operation } from '../../shared/model';
import type { ConfirmRequest } from '../app/ports';

export function confirmRequestFor(locale: Locale, op: Operation, name: string): ConfirmRequest {
  return {
    title: translate(locale, `confirm.${op}.title`),
    message: translate(locale, `confirm.${op}.message`, { name }),
    detail: translate(locale, `confirm.${op}.detail`),
    confirmLabel: translate(locale, `op.${op}`),
    cancelLabel: translate(locale, 'common.cancel'),
  };
}

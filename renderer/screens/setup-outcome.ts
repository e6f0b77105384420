// What a connection test found, in words that say what to do next.
import type { CommandResponses } from '../../electron/shared/contract';
import { formatProblem } from '../../electron/shared/i18n/format';
import type { Texts } from '../i18n/texts';

export type TestResponse = CommandResponses['account.test'];

export function testOutcomeText({ locale, t }: Texts, response: TestResponse): string {
  if (response.ok) {
    const count = response.deploymentCount;
    if (count === undefined) return t('window.setup.result.okNoCount');
    return count === 1 ? t('window.setup.result.okOne') : t('window.setup.result.ok', { count });
  }
  const { problem, hint } = response;
  if (hint === 'app-id-not-platform-key') return t('window.setup.result.appId');
  if (hint === 'check-scope' || problem.kind === 'Forbidden') return t('window.setup.result.scope');
  if (
    hint === 'check-base-url' ||
    (problem.kind === 'InvalidInput' && problem.field === 'baseUrl')
  ) {
    return t('window.setup.result.badUrl');
  }
  switch (problem.kind) {
    case 'AuthFailed':
      return t('window.setup.result.authFailed');
    case 'NetworkError':
    case 'Timeout':
    case 'Offline':
      return t('window.setup.result.unreachable');
    default:
      return formatProblem(locale, problem);
  }
}

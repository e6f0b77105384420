// What a connection test found, in words that say what to do next.
import type { CommandError, CommandResponses } from '../../electron/shared/contract';
import { formatProblem } from '../../electron/shared/i18n/format';
import type { Texts } from '../i18n/texts';
import { commandErrorText } from '../i18n/words';

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

/**
 * A refused Connect in the words a failed test would use (the same read found the same
 * problem); any other failure, such as the keychain's, in its usual words.
 */
export function connectFailureText(texts: Texts, error: CommandError): string {
  if (error.problem === undefined) return commandErrorText(texts, error);
  return testOutcomeText(texts, {
    ok: false,
    problem: error.problem,
    ...(error.hint !== undefined ? { hint: error.hint } : {}),
  });
}

// Data from the controller turned into sentences: errors of commands, problems with their
// server detail, deployment types. Statuses, problems and blocks use the shared formatters so
// the window says exactly what the tray and notifications say.
import type { CommandError } from '../../electron/shared/contract';
import { isMessageKey } from '../../electron/shared/i18n';
import { formatProblem } from '../../electron/shared/i18n/format';
import type { Problem, ProblemKind } from '../../electron/shared/model';
import { PROBLEM_KINDS } from '../../electron/shared/model';
import type { Texts } from './texts';

function isProblemKind(code: string): code is ProblemKind {
  return (PROBLEM_KINDS as string[]).includes(code);
}

/** `code` is a catalog key (`errors.*`) or a problem kind; the problem, when present, wins. */
export function commandErrorText({ locale, t }: Texts, error: CommandError): string {
  if (error.problem) return formatProblem(locale, error.problem);
  if (isProblemKind(error.code)) return formatProblem(locale, { kind: error.code });
  if (isMessageKey(error.code)) return t(error.code, error.params);
  return t('errors.unknown');
}

/** The server's own words, when it sent any, to show beside ours. */
export function serverDetail({ t }: Texts, problem: Problem | undefined): string | null {
  const message = problem?.serverMessage?.trim();
  return message ? t('window.error.serverSaid', { message }) : null;
}

export function deploymentTypeText({ t }: Texts, type: string): string {
  const key = `deploymentType.${type}`;
  // Types the catalog does not know are shown as the API wrote them.
  return isMessageKey(key) ? t(key) : type;
}

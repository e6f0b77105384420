// Banners the app wants the user to read once, each until it is dismissed.
import type { DeploymentView, Notice } from '../../electron/shared/model';
import { PROBLEM_KINDS, type ProblemKind } from '../../electron/shared/model';
import { formatProblem } from '../../electron/shared/i18n/format';
import { useCommand } from '../app/use-command';
import { useTexts, type Texts } from '../i18n/texts';
import { ErrorMessage } from './ErrorMessage';
import { PendingButton } from './PendingButton';

function text(value: string | number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

/**
 * Operation notices carry `{ deploymentKey, op, problemKind? }` (a `name` wins over the key's
 * current name, for a deployment removed since).
 */
export function noticeText({ locale, t }: Texts, notice: Notice, deployments: DeploymentView[]) {
  const p = notice.params;
  const key = text(p.deploymentKey);
  const name = text(p.name) ?? deployments.find((d) => d.key === key)?.name ?? key ?? '';
  const op = p.op === 'stop' ? 'stop' : 'start';
  const kind = text(p.problemKind);
  const problem =
    kind && (PROBLEM_KINDS as string[]).includes(kind)
      ? formatProblem(locale, {
          kind: kind as ProblemKind,
          retryAt: typeof p.retryAt === 'number' ? p.retryAt : undefined,
        })
      : '';
  switch (notice.kind) {
    case 'settings-recovered':
      return t('window.notice.settings-recovered');
    case 'settings-unreadable':
      return t('window.notice.settings-unreadable', {
        path: text(p.path) ?? '',
        reason: text(p.reason) ?? '',
      });
    case 'keychain-unavailable':
      return t('window.notice.keychain-unavailable');
    case 'demo-mode':
      return t('window.notice.demo-mode');
    case 'operation-sent':
      return t(`window.notice.operation-sent.${op}`, { name });
    case 'operation-refused':
      return t(`window.notice.operation-refused.${op}`, { name, problem });
    case 'operation-failed':
      return t(`window.notice.operation-failed.${op}`, { name, problem });
  }
}

function NoticeBanner({ notice, message }: { notice: Notice; message: string }) {
  const { t } = useTexts();
  const dismiss = useCommand('notice.dismiss');
  const tone = notice.kind === 'operation-refused' || notice.kind === 'operation-failed';
  return (
    <li className={tone ? 'notice notice--warn' : 'notice'}>
      <p className="notice__text">{message}</p>
      <PendingButton
        variant="plain"
        pending={dismiss.pending}
        aria-label={t('window.notice.dismissLabel', { notice: message })}
        onClick={() => void dismiss.run({ id: notice.id })}
      >
        {t('window.notice.dismiss')}
      </PendingButton>
      <ErrorMessage error={dismiss.error} />
    </li>
  );
}

export function Notices(props: { notices: Notice[]; deployments: DeploymentView[] }) {
  const texts = useTexts();
  if (props.notices.length === 0) return null;
  return (
    <ul className="notices" aria-label={texts.t('window.notice.label')}>
      {props.notices.map((notice) => (
        <NoticeBanner
          key={notice.id}
          notice={notice}
          message={noticeText(texts, notice, props.deployments)}
        />
      ))}
    </ul>
  );
}

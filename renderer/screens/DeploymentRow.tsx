// One watched deployment in the list: status, name, where it runs, how fresh the status is.
import type { DeploymentView } from '../../electron/shared/model';
import { formatProblem, formatRelative, formatTime } from '../../electron/shared/i18n/format';
import { useNow } from '../app/now';
import { useCommand } from '../app/use-command';
import { ErrorMessage } from '../components/ErrorMessage';
import { PendingButton } from '../components/PendingButton';
import { StatusBadge } from '../components/StatusBadge';
import { useTexts } from '../i18n/texts';
import { deploymentTypeText } from '../i18n/words';

export interface RemovedDeployment {
  accountId: string;
  deploymentId: string;
  name: string;
}

export interface DeploymentRowProps {
  deployment: DeploymentView;
  accountLabel?: string;
  /** The account's banner already states the problem; the row then only says how old it is. */
  accountProblemShown?: boolean;
  onOpen: (key: string) => void;
  onRemoved: (removed: RemovedDeployment) => void;
}

export function DeploymentRow({
  deployment: d,
  accountLabel,
  accountProblemShown = false,
  onOpen,
  onRemoved,
}: DeploymentRowProps) {
  const texts = useTexts();
  const { locale, t } = texts;
  const now = useNow();
  const remove = useCommand('deployment.remove');
  const meta = [
    d.deploymentId,
    d.fields ? deploymentTypeText(texts, d.fields.deploymentType) : undefined,
    d.fields?.region,
    accountLabel,
  ].filter((part): part is string => Boolean(part));

  const onRemove = async () => {
    const result = await remove.run({ accountId: d.accountId, deploymentId: d.deploymentId });
    if (result?.ok)
      onRemoved({ accountId: d.accountId, deploymentId: d.deploymentId, name: d.name });
  };

  return (
    <li className={d.stale ? 'deployment deployment--stale' : 'deployment'} data-key={d.key}>
      <button type="button" className="deployment__open" onClick={() => onOpen(d.key)}>
        <StatusBadge kind={d.statusKind} verbatim={d.fields?.status} />
        <span className="deployment__name" title={d.name}>
          {d.name}
        </span>
        <span className="deployment__meta">{meta.join(' · ')}</span>
        <span className="deployment__checked">
          {d.checkedAt === undefined
            ? t('window.deployments.neverChecked')
            : t('window.deployments.checked', { when: formatRelative(locale, d.checkedAt, now) })}
        </span>
      </button>
      {d.stale && (
        <p className="deployment__stale">
          <span aria-hidden="true">⚠ </span>
          {accountProblemShown
            ? t('window.deployments.stale', {
                time: formatTime(locale, d.checkedAt ?? d.stale.since),
              })
            : t('window.deployments.staleProblem', {
                problem: formatProblem(locale, d.stale.problem),
                time: formatTime(locale, d.stale.since),
              })}
        </p>
      )}
      {d.unexpectedStop && (
        <p className="deployment__note">{t('window.deployments.unexpectedStop')}</p>
      )}
      {d.muted && <p className="deployment__note">{t('window.deployments.muted')}</p>}
      <PendingButton
        className="deployment__remove"
        variant="plain"
        pending={remove.pending}
        aria-label={t('window.deployments.removeLabel', { name: d.name })}
        onClick={() => void onRemove()}
      >
        {t('window.deployments.remove')}
      </PendingButton>
      <ErrorMessage error={remove.error} />
    </li>
  );
}

// The list of watched deployments, with the way to add more and an empty state that says how.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AppSnapshot } from '../../electron/shared/model';
import { formatProblem, formatTime } from '../../electron/shared/i18n/format';
import { useTexts } from '../i18n/texts';
import { accountWideProblems } from './account-problems';
import { AddDeployments } from './AddDeployments';
import { DeploymentRow, type RemovedDeployment } from './DeploymentRow';

export interface DeploymentsScreenProps {
  snapshot: AppSnapshot;
  onOpen: (key: string) => void;
  onRemoved: (removed: RemovedDeployment) => void;
  /** The deployment whose details were just closed: its row gets focus back. */
  returnFocusKey?: string;
  /** Arriving from a screen that is gone (setup after Connect): the heading takes focus. */
  focusHeading?: boolean;
}

export function DeploymentsScreen(props: DeploymentsScreenProps) {
  const { snapshot, onOpen, onRemoved, returnFocusKey, focusHeading } = props;
  const { locale, t } = useTexts();
  const empty = snapshot.deployments.length === 0;
  const [adding, setAdding] = useState(empty);
  const list = useRef<HTMLUListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const watchedKeys = useMemo(
    () => new Set(snapshot.deployments.map((d) => d.key)),
    [snapshot.deployments],
  );
  const accountLabels = useMemo(
    () => new Map(snapshot.accounts.map((a) => [a.id, a.label])),
    [snapshot.accounts],
  );
  const manyAccounts = snapshot.accounts.length > 1;
  const accountProblems = useMemo(
    () => accountWideProblems(snapshot.deployments),
    [snapshot.deployments],
  );
  const accountsWithProblem = new Set(accountProblems.map((p) => p.accountId));

  useEffect(() => {
    if (!returnFocusKey) return;
    const rows = list.current?.querySelectorAll<HTMLElement>('li[data-key]') ?? [];
    const row = [...rows].find((li) => li.dataset.key === returnFocusKey);
    row?.querySelector<HTMLElement>('.deployment__open')?.focus();
  }, [returnFocusKey]);

  useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [focusHeading]);

  const closeAdd = () => {
    setAdding(false);
    addButton.current?.focus();
  };

  return (
    <section className="screen" aria-labelledby="deployments-heading">
      <div className="screen__header">
        <h1 id="deployments-heading" ref={heading} tabIndex={-1}>
          {t('window.deployments.heading')}
        </h1>
        <button
          ref={addButton}
          type="button"
          className="btn btn--primary"
          aria-controls={adding ? 'add-deployments' : undefined}
          aria-expanded={adding}
          onClick={() => setAdding((open) => !open)}
        >
          {t('window.deployments.add')}
        </button>
      </div>
      {empty && (
        <div className="empty">
          <p className="empty__title">{t('window.deployments.emptyTitle')}</p>
          <p>{t('window.deployments.emptyBody')}</p>
        </div>
      )}
      {adding && (
        <AddDeployments accounts={snapshot.accounts} watchedKeys={watchedKeys} onClose={closeAdd} />
      )}
      {accountProblems.map(({ accountId, problem, since }) => (
        <p key={accountId} className="stale-banner" data-account={accountId}>
          <span aria-hidden="true">⚠ </span>
          {t('window.deployments.accountProblem', {
            account: accountLabels.get(accountId) ?? accountId,
            problem: formatProblem(locale, problem),
            time: formatTime(locale, since),
          })}
        </p>
      ))}
      {!empty && (
        <ul className="deployment-list" ref={list} aria-labelledby="deployments-heading">
          {snapshot.deployments.map((deployment) => (
            <DeploymentRow
              key={deployment.key}
              deployment={deployment}
              accountLabel={manyAccounts ? accountLabels.get(deployment.accountId) : undefined}
              accountProblemShown={accountsWithProblem.has(deployment.accountId)}
              onOpen={onOpen}
              onRemoved={onRemoved}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

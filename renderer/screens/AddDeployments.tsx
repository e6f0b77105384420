// Two ways to watch more deployments: tick them in the account's list, or type an ID (which
// the app validates and checks with one read before adding).
import { useId, useRef, useState, type FormEvent } from 'react';
import type { AvailableDeployment, CommandError } from '../../electron/shared/contract';
import type { AccountView } from '../../electron/shared/model';
import { formatApiStatus } from '../../electron/shared/i18n/format';
import { useAnnounce } from '../app/announcer';
import { useApi } from '../app/api-context';
import { useCommand } from '../app/use-command';
import { ErrorMessage } from '../components/ErrorMessage';
import { PendingButton } from '../components/PendingButton';
import { useTexts } from '../i18n/texts';
import { commandErrorText, deploymentTypeText } from '../i18n/words';

interface Listed {
  accountId: string;
  deployments: AvailableDeployment[] | null;
}

interface Failure {
  id: string;
  error: CommandError;
}

export interface AddDeploymentsProps {
  accounts: AccountView[];
  /** `${accountId}/${deploymentId}` of everything watched now (fresher than the list's flag). */
  watchedKeys: Set<string>;
  onClose: () => void;
}

export function AddDeployments({ accounts, watchedKeys, onClose }: AddDeploymentsProps) {
  const texts = useTexts();
  const { locale, t } = texts;
  const api = useApi();
  const announce = useAnnounce();
  const headingId = useId();
  const accountFieldId = useId();
  const idFieldId = useId();
  const idHintId = useId();
  const idErrorId = useId();

  const [accountId, setAccountId] = useState(accounts[0]?.id ?? '');
  const account = accounts.find((a) => a.id === accountId) ?? accounts[0];
  const available = useCommand('deployments.available');
  const [listed, setListed] = useState<Listed | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const batchInFlight = useRef(false);
  const [batchPending, setBatchPending] = useState(false);
  const [failures, setFailures] = useState<Failure[]>([]);

  const addById = useCommand('deployment.add');
  const [typedId, setTypedId] = useState('');
  const [missingId, setMissingId] = useState(false);

  if (!account) return null;
  const isWatched = (id: string) => watchedKeys.has(`${account.id}/${id}`);
  const list = listed?.accountId === account.id ? listed.deployments : undefined;

  const load = async () => {
    setSelected(new Set());
    setFailures([]);
    const result = await available.run({ accountId: account.id });
    if (result?.ok) {
      const value = result.value;
      setListed({ accountId: account.id, deployments: value.supported ? value.deployments : null });
    }
  };

  const toggle = (id: string, on: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };

  const chosen = [...selected].filter((id) => !isWatched(id));

  const addSelected = async () => {
    if (batchInFlight.current || chosen.length === 0) return;
    batchInFlight.current = true;
    setBatchPending(true);
    setFailures([]);
    const failed: Failure[] = [];
    // One at a time: each add is a checked read, and the budget is the app's to spend.
    for (const id of chosen) {
      try {
        const result = await api.invoke('deployment.add', {
          accountId: account.id,
          deploymentId: id,
        });
        if (!result.ok) failed.push({ id, error: result.error });
      } catch {
        failed.push({ id, error: { code: 'errors.unknown' } });
      }
    }
    batchInFlight.current = false;
    setBatchPending(false);
    setFailures(failed);
    setSelected(new Set(failed.map((f) => f.id)));
    const added = chosen.length - failed.length;
    if (added > 0) announce(t('window.add.addedMany', { count: added }));
  };

  const submitId = async (event: FormEvent) => {
    event.preventDefault();
    const id = typedId.trim();
    if (!id) {
      setMissingId(true);
      return;
    }
    setMissingId(false);
    const result = await addById.run({ accountId: account.id, deploymentId: id });
    if (result?.ok) {
      setTypedId('');
      announce(t('window.add.added', { id }));
    }
  };

  const idInvalid = missingId || addById.error !== null;

  return (
    <section
      className="panel"
      id="add-deployments"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="panel__header">
        <h2 id={headingId}>{t('window.add.heading')}</h2>
        <button type="button" className="btn btn--plain" onClick={onClose}>
          {t('window.close')}
        </button>
      </div>

      {accounts.length > 1 && (
        <div className="field">
          <label htmlFor={accountFieldId}>{t('window.add.account')}</label>
          <select
            id={accountFieldId}
            value={account.id}
            onChange={(event) => setAccountId(event.target.value)}
          >
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
      )}

      <h3>{t('window.add.fromList')}</h3>
      <div className="row">
        <PendingButton
          pending={available.pending}
          pendingLabel={t('window.add.loading')}
          onClick={() => void load()}
        >
          {list === undefined ? t('window.add.load') : t('window.add.reload')}
        </PendingButton>
        <span className="hint">{t('window.add.loadCost')}</span>
      </div>
      <ErrorMessage error={available.error} />
      {list === null && <p className="hint">{t('window.add.unsupported')}</p>}
      {list && list.length === 0 && <p className="hint">{t('window.add.noneAvailable')}</p>}
      {list && list.length > 0 && (
        <fieldset className="available">
          <legend>{t('window.add.listLabel', { account: account.label })}</legend>
          <ul className="available__list">
            {list.map((item) => {
              const watched = isWatched(item.deploymentID) || item.watched;
              return (
                <li key={item.deploymentID}>
                  <label className="available__item">
                    <input
                      type="checkbox"
                      checked={watched || selected.has(item.deploymentID)}
                      disabled={watched}
                      onChange={(event) => toggle(item.deploymentID, event.target.checked)}
                    />
                    <span className="available__name" title={item.deploymentName}>
                      {item.deploymentName}
                    </span>
                    <span className="available__meta">
                      {[
                        item.deploymentID,
                        deploymentTypeText(texts, item.deploymentType),
                        item.region,
                        formatApiStatus(locale, item.status),
                      ].join(' · ')}
                    </span>
                    {watched && <span className="tag">{t('window.add.watched')}</span>}
                  </label>
                </li>
              );
            })}
          </ul>
          <PendingButton
            variant="primary"
            pending={batchPending}
            pendingLabel={t('window.add.adding')}
            disabled={chosen.length === 0}
            onClick={() => void addSelected()}
          >
            {t('window.add.addSelected', { count: chosen.length })}
          </PendingButton>
          {failures.length > 0 && (
            <ul className="error" role="alert">
              {failures.map((f) => (
                <li key={f.id}>
                  {t('window.add.failedOne', { id: f.id, error: commandErrorText(texts, f.error) })}
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      )}

      <h3>{t('window.add.byId')}</h3>
      <form className="inline-form" onSubmit={(event) => void submitId(event)} noValidate>
        <div className="field">
          <label htmlFor={idFieldId}>{t('window.add.idLabel')}</label>
          <input
            id={idFieldId}
            value={typedId}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={idInvalid || undefined}
            aria-describedby={idInvalid ? `${idHintId} ${idErrorId}` : idHintId}
            onChange={(event) => setTypedId(event.target.value)}
          />
          <p className="hint" id={idHintId}>
            {t('window.add.idHint')}
          </p>
        </div>
        <PendingButton
          type="submit"
          variant="primary"
          pending={addById.pending}
          pendingLabel={t('window.add.checking')}
        >
          {t('window.add.idSubmit')}
        </PendingButton>
        {missingId ? (
          <p className="error" role="alert" id={idErrorId}>
            {t('window.add.idRequired')}
          </p>
        ) : (
          <ErrorMessage error={addById.error} id={idErrorId} />
        )}
      </form>
    </section>
  );
}

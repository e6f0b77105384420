// Everything about one deployment, its recent changes, and the actions on it. Start and Stop
// go through a confirmation that states the consequence; the controller decides if they may.
import { useEffect, useId, useRef, useState } from 'react';
import type {
  AccountView,
  DeploymentFields,
  DeploymentView,
  Operation,
  StatusKind,
} from '../../electron/shared/model';
import {
  formatApiStatus,
  formatDateTime,
  formatProblem,
  formatRelative,
  formatTime,
} from '../../electron/shared/i18n/format';
import { useAnnounce } from '../app/announcer';
import { useNow } from '../app/now';
import { useCommand } from '../app/use-command';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { PendingButton } from '../components/PendingButton';
import { StatusBadge } from '../components/StatusBadge';
import { useTexts, type Texts } from '../i18n/texts';
import { deploymentTypeText, serverDetail } from '../i18n/words';
import { OperationControl, shownOperations } from './OperationControl';

const SHOWN_TRANSITIONS = 20;

export interface DetailsScreenProps {
  deployment: DeploymentView | undefined;
  account: AccountView | undefined;
  onBack: () => void;
}

function extraValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return JSON.stringify(value);
}

function fieldRows(texts: Texts, fields: DeploymentFields): [string, string][] {
  const { locale, t } = texts;
  // A field the API left out holds a placeholder ('' or 0), which would read as a real value.
  const missing = new Set(fields.missingFields);
  const given = (key: keyof DeploymentFields, value: string): string | undefined =>
    missing.has(key) ? undefined : value;
  const rows: [string, string | number | undefined][] = [
    [t('window.details.field.id'), fields.deploymentID],
    [
      t('window.details.field.type'),
      given('deploymentType', deploymentTypeText(texts, fields.deploymentType)),
    ],
    [t('window.details.field.status'), formatApiStatus(locale, fields.status)],
    [
      t('window.details.field.connections'),
      given('connections', fields.connections.toLocaleString(locale)),
    ],
    [t('window.details.field.createAt'), given('createAt', fields.createAt)],
    [t('window.details.field.platform'), given('platform', fields.platform)],
    [t('window.details.field.region'), given('region', fields.region)],
    [t('window.details.field.project'), fields.projectName],
    [t('window.details.field.version'), fields.version],
    [t('window.details.field.tps'), fields.tps?.toLocaleString(locale)],
  ];
  const known = rows.filter((row): row is [string, string | number] => row[1] !== undefined);
  const extra = Object.entries(fields.extra).map(([k, v]): [string, string] => [k, extraValue(v)]);
  return [...known.map(([k, v]): [string, string] => [k, String(v)]), ...extra];
}

interface NextOperation {
  at: number;
  /** The hourly allowance is used, or EMQX Cloud answered 429 for start/stop. */
  cause: 'window' | 'rate-limited';
}

/** The latest of the times the controller gave for start/stop opening again, if still ahead. */
function nextOperation(
  d: DeploymentView,
  account: AccountView | undefined,
  now: number,
): NextOperation | undefined {
  const writes = account?.budget.writes;
  const candidates: { at: number | undefined; cause: NextOperation['cause'] }[] = [
    { at: writes?.nextAllowedAt, cause: 'window' },
    { at: writes?.rateLimitedUntil, cause: 'rate-limited' },
  ];
  for (const a of [d.start, d.stop]) {
    if (!a.allowed && (a.reason === 'window' || a.reason === 'rate-limited')) {
      candidates.push({ at: a.availableAt, cause: a.reason });
    }
  }
  let latest: NextOperation | undefined;
  for (const { at, cause } of candidates) {
    if (at !== undefined && at > now && (latest === undefined || at > latest.at)) {
      latest = { at, cause };
    }
  }
  return latest;
}

/** One line on when start/stop is possible: sent and waiting, open again at a time, or free. */
const CHANGING_KINDS = new Set<StatusKind>(['starting', 'stopping', 'pending']);

function scheduleText({ locale, t }: Texts, d: DeploymentView, next: NextOperation | undefined) {
  const sentences: string[] = [];
  if (d.pendingOperation) {
    sentences.push(
      t(`window.details.pendingOperation.${d.pendingOperation.op}`, {
        time: formatTime(locale, d.pendingOperation.sentAt),
      }),
    );
  }
  if (next) {
    const time = formatTime(locale, next.at);
    sentences.push(
      next.cause === 'window'
        ? t('window.details.nextOperationAt', { time })
        : t('window.details.nextOperationRateLimited', { time }),
    );
  } else if (!d.pendingOperation && !CHANGING_KINDS.has(d.statusKind)) {
    // While it changes state nothing can be sent, so "available now" would not be true.
    sentences.push(t('window.details.nextOperationNow'));
  }
  return sentences.join(' ');
}

export function DetailsScreen({ deployment, account, onBack }: DetailsScreenProps) {
  const texts = useTexts();
  const { locale, t } = texts;
  const now = useNow();
  const announce = useAnnounce();
  const heading = useRef<HTMLHeadingElement>(null);
  const scheduleId = useId();
  const [confirming, setConfirming] = useState<Operation | null>(null);
  const operate = useCommand('deployment.operate');
  const refresh = useCommand('deployment.refresh');
  const openConsole = useCommand('console.open');

  useEffect(() => {
    heading.current?.focus();
  }, [deployment?.key]);

  useEffect(() => {
    if (confirming) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onBack();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [confirming, onBack]);

  const back = (
    <button type="button" className="btn btn--plain back" onClick={onBack}>
      <span aria-hidden="true">← </span>
      {t('window.details.back')}
    </button>
  );

  if (!deployment) {
    return (
      <section className="screen">
        {back}
        <h1 ref={heading} tabIndex={-1}>
          {t('window.details.gone')}
        </h1>
      </section>
    );
  }
  const d = deployment;
  const target = { accountId: d.accountId, deploymentId: d.deploymentId };
  const transitions = [...d.transitions].sort((a, b) => b.at - a.at).slice(0, SHOWN_TRANSITIONS);
  const staleDetail = serverDetail(texts, d.stale?.problem);
  const rows: [string, string][] = [
    ...(account ? [[t('window.details.field.account'), account.label] as [string, string]] : []),
    [
      t('window.details.field.checked'),
      d.checkedAt === undefined
        ? t('window.deployments.neverChecked')
        : t('window.details.checkedAt', {
            when: formatRelative(locale, d.checkedAt, now),
            time: formatDateTime(locale, d.checkedAt),
          }),
    ],
    ...(d.fields
      ? fieldRows(texts, d.fields)
      : [[t('window.details.field.id'), d.deploymentId] as [string, string]]),
  ];

  const confirm = async () => {
    if (!confirming) return;
    const op = confirming;
    const result = await operate.run({ ...target, op, confirmed: true });
    if (result?.ok) {
      setConfirming(null);
      announce(t(`window.details.sent.${op}`, { name: d.name }));
    }
  };

  const cancelConfirm = () => {
    operate.clearError();
    setConfirming(null);
  };

  const onRefresh = async () => {
    const result = await refresh.run(target);
    if (result?.ok) announce(t('window.details.refreshed', { name: d.name }));
  };

  return (
    <section className="screen details" aria-labelledby="details-heading">
      {back}
      <div className="details__title">
        <h1 id="details-heading" ref={heading} tabIndex={-1} title={d.name}>
          {d.name}
        </h1>
        <StatusBadge kind={d.statusKind} verbatim={d.fields?.status} />
      </div>

      {d.stale && (
        <p className="stale-banner">
          <span aria-hidden="true">⚠ </span>
          {t('window.deployments.staleProblem', {
            problem: formatProblem(locale, d.stale.problem),
            time: formatTime(locale, d.stale.since),
          })}
          {staleDetail && <span className="error__detail">{staleDetail}</span>}
        </p>
      )}
      {d.unexpectedStop && (
        <p className="deployment__note">{t('window.deployments.unexpectedStop')}</p>
      )}

      <h2>{t('window.details.actions')}</h2>
      <div className="actions">
        {shownOperations(d.start, d.stop).map((op) => (
          <OperationControl
            key={op}
            op={op}
            availability={op === 'start' ? d.start : d.stop}
            onRequest={setConfirming}
            scheduleId={scheduleId}
          />
        ))}
        <PendingButton
          pending={refresh.pending}
          pendingLabel={t('window.details.refreshing')}
          onClick={() => void onRefresh()}
        >
          {t('window.details.refresh')}
        </PendingButton>
        <PendingButton pending={openConsole.pending} onClick={() => void openConsole.run(target)}>
          {t('window.details.openConsole')}
        </PendingButton>
      </div>
      <p className="hint" id={scheduleId}>
        {scheduleText(texts, d, nextOperation(d, account, now))}
      </p>
      <ErrorMessage error={refresh.error} />
      <ErrorMessage error={openConsole.error} />

      <h2 id="details-fields">{t('window.details.fields')}</h2>
      <dl className="fields" aria-labelledby="details-fields">
        {rows.map(([label, value], index) => (
          <div className="fields__row" key={`${index}:${label}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {!d.fields && <p className="hint">{t('window.details.noFields')}</p>}

      <h2 id="details-transitions">{t('window.details.transitions')}</h2>
      {transitions.length === 0 ? (
        <p className="hint">{t('window.details.noTransitions')}</p>
      ) : (
        <ol className="transitions" aria-labelledby="details-transitions">
          {transitions.map((tr) => (
            <li key={`${tr.at}-${tr.to}`}>
              <time dateTime={new Date(tr.at).toISOString()}>{formatDateTime(locale, tr.at)}</time>
              <span>
                {tr.from === null
                  ? formatApiStatus(locale, tr.to)
                  : t('window.details.transition', {
                      from: formatApiStatus(locale, tr.from),
                      to: formatApiStatus(locale, tr.to),
                    })}
              </span>
              {tr.userInitiated && <span className="tag">{t('window.details.byYou')}</span>}
            </li>
          ))}
        </ol>
      )}

      {confirming && (
        <ConfirmDialog
          title={t(`confirm.${confirming}.title`)}
          body={
            <>
              <p className="dialog__message">
                {t(`confirm.${confirming}.message`, { name: d.name })}
              </p>
              <p>{t(`confirm.${confirming}.detail`)}</p>
            </>
          }
          confirmLabel={t(`op.${confirming}`)}
          confirmVariant={confirming === 'start' ? 'primary' : 'danger'}
          pendingLabel={t('window.details.sending')}
          pending={operate.pending}
          error={operate.error}
          onConfirm={() => void confirm()}
          onCancel={cancelConfirm}
        />
      )}
    </section>
  );
}

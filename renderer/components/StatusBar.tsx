// Always visible: what the request budget allows, when the next check is, and anything that
// holds checks back (a 429, no network, sleep, the demo).
import type { AccountView, AppSnapshot } from '../../electron/shared/model';
import { formatRelative, formatTime } from '../../electron/shared/i18n/format';
import { useNow } from '../app/now';
import { useTexts } from '../i18n/texts';

function rateLimitedUntil(account: AccountView, now: number): number | undefined {
  const { reads, writes } = account.budget;
  const until = Math.max(reads.rateLimitedUntil ?? 0, writes.rateLimitedUntil ?? 0);
  return until > now ? until : undefined;
}

function AccountStatus({ account, named }: { account: AccountView; named: boolean }) {
  const { locale, t } = useTexts();
  const now = useNow();
  const { limit, used } = account.budget.reads;
  const left = Math.max(0, limit - used);
  const limitedUntil = rateLimitedUntil(account, now);
  return (
    <li className="statusbar__account">
      {named && <span className="statusbar__label">{account.label}</span>}
      <span className={left === 0 ? 'statusbar__item warn' : 'statusbar__item'}>
        {t('window.status.readsLeft', { left, limit })}
      </span>
      {limitedUntil !== undefined ? (
        <span className="statusbar__item warn">
          {t('window.status.rateLimitedUntil', { time: formatTime(locale, limitedUntil) })}
        </span>
      ) : (
        account.nextCheckAt !== undefined && (
          <span className="statusbar__item">
            {t('window.status.nextCheck', {
              when: formatRelative(locale, account.nextCheckAt, now),
            })}
          </span>
        )
      )}
      {account.budget.sharedKeySuspected && (
        <span className="statusbar__item warn">{t('window.status.sharedKey')}</span>
      )}
    </li>
  );
}

export function StatusBar({ snapshot }: { snapshot: AppSnapshot }) {
  const { t } = useTexts();
  const named = snapshot.accounts.length > 1;
  return (
    <footer className="statusbar" aria-label={t('window.status.label')}>
      <ul className="statusbar__list">
        {snapshot.accounts.map((account) => (
          <AccountStatus key={account.id} account={account} named={named} />
        ))}
        {!snapshot.online && <li className="statusbar__item warn">{t('window.status.offline')}</li>}
        {snapshot.suspended && <li className="statusbar__item">{t('window.status.suspended')}</li>}
        {snapshot.demo && <li className="tag tag--demo">{t('common.demo')}</li>}
      </ul>
    </footer>
  );
}

// One account in Settings: what it is, whether it works, and rename / replace secret / remove.
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { AccountView } from '../../electron/shared/model';
import { formatProblem } from '../../electron/shared/i18n/format';
import { useAnnounce } from '../app/announcer';
import { useCommand } from '../app/use-command';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { PendingButton } from '../components/PendingButton';
import { SecretField } from '../components/SecretField';
import { useTexts } from '../i18n/texts';

type Editing = 'none' | 'rename' | 'secret';

export function AccountItem({ account }: { account: AccountView }) {
  const { locale, t } = useTexts();
  const announce = useAnnounce();
  const renameId = useId();
  const keyId = useId();
  // With several accounts every one has a Rename and a Remove: say whose they are.
  const labelId = useId();
  const [editing, setEditing] = useState<Editing>('none');
  const [label, setLabel] = useState(account.label);
  const [newKey, setNewKey] = useState(account.keyId);
  const [secret, setSecret] = useState('');
  const [secretMissing, setSecretMissing] = useState(false);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const rename = useCommand('account.rename');
  const replace = useCommand('account.replaceSecret');
  const remove = useCommand('account.remove');

  const open = (what: Editing) => {
    rename.clearError();
    replace.clearError();
    setLabel(account.label);
    setNewKey(account.keyId);
    setSecret('');
    setSecretMissing(false);
    setEditing((current) => (current === what ? 'none' : what));
  };

  const submitRename = async (event: FormEvent) => {
    event.preventDefault();
    const result = await rename.run({ accountId: account.id, label: label.trim() });
    if (result?.ok) {
      setEditing('none');
      announce(t('window.account.renamed'));
    }
  };

  const submitSecret = async (event: FormEvent) => {
    event.preventDefault();
    if (!secret) {
      setSecretMissing(true);
      return;
    }
    setSecretMissing(false);
    const key = newKey.trim();
    const result = await replace.run({
      accountId: account.id,
      ...(key && key !== account.keyId ? { key } : {}),
      secret,
    });
    if (result?.ok) {
      setSecret('');
      setEditing('none');
      announce(t('window.account.secretReplaced'));
    }
  };

  const confirmRemove = async () => {
    const result = await remove.run({ accountId: account.id });
    if (result?.ok) {
      setConfirmingRemove(false);
      announce(t('window.account.removed', { account: account.label }));
    }
  };

  const escapeCloses = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      setEditing('none');
    }
  };

  return (
    <li className="account">
      <div className="account__summary">
        <span className="account__label" id={labelId} title={account.label}>
          {account.label}
        </span>
        {account.demo && <span className="tag tag--demo">{t('common.demo')}</span>}
        {account.sessionOnly && <span className="tag">{t('window.account.sessionOnly')}</span>}
      </div>
      <p className="account__meta">
        {[
          t(`site.${account.site}`),
          account.baseUrl,
          t('window.account.key', { key: account.keyId }),
        ].join(' · ')}
      </p>
      <p className={account.health === 'ok' ? 'account__health' : 'account__health warn'}>
        {t(`window.account.health.${account.health}`)}
        {account.problem && account.health !== 'ok' && (
          <span className="error__detail">{formatProblem(locale, account.problem)}</span>
        )}
      </p>
      <div className="actions">
        <button
          type="button"
          className="btn"
          aria-expanded={editing === 'rename'}
          aria-describedby={labelId}
          onClick={() => open('rename')}
        >
          {t('window.account.rename')}
        </button>
        {!account.demo && (
          <button
            type="button"
            className="btn"
            aria-expanded={editing === 'secret'}
            aria-describedby={labelId}
            onClick={() => open('secret')}
          >
            {t('window.account.replaceSecret')}
          </button>
        )}
        <button
          type="button"
          className="btn btn--danger"
          aria-describedby={labelId}
          onClick={() => setConfirmingRemove(true)}
        >
          {t('window.account.remove')}
        </button>
      </div>

      {editing === 'rename' && (
        <form
          className="inline-form"
          onSubmit={(event) => void submitRename(event)}
          onKeyDown={escapeCloses}
          noValidate
        >
          <div className="field">
            <label htmlFor={renameId}>
              {t('window.account.renameLabel', { account: account.label })}
            </label>
            <input
              id={renameId}
              value={label}
              maxLength={100}
              onChange={(event) => setLabel(event.target.value)}
            />
          </div>
          <PendingButton type="submit" variant="primary" pending={rename.pending}>
            {t('window.account.save')}
          </PendingButton>
          <ErrorMessage error={rename.error} />
        </form>
      )}

      {editing === 'secret' && (
        <form
          className="inline-form"
          onSubmit={(event) => void submitSecret(event)}
          onKeyDown={escapeCloses}
          noValidate
        >
          <div className="field">
            <label htmlFor={keyId}>{t('window.setup.key')}</label>
            <input
              id={keyId}
              value={newKey}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => setNewKey(event.target.value)}
            />
          </div>
          <SecretField
            label={t('window.account.newSecret')}
            value={secret}
            onChange={setSecret}
            invalid={secretMissing}
          />
          <PendingButton type="submit" variant="primary" pending={replace.pending}>
            {t('window.account.save')}
          </PendingButton>
          {secretMissing && (
            <p className="error" role="alert">
              {t('window.setup.missing.secret')}
            </p>
          )}
          <ErrorMessage error={replace.error} />
        </form>
      )}

      {confirmingRemove && (
        <ConfirmDialog
          title={t('window.account.removeTitle', { account: account.label })}
          body={
            <p>{t(account.demo ? 'window.account.removeBodyDemo' : 'window.account.removeBody')}</p>
          }
          confirmLabel={t('window.account.removeConfirm')}
          pending={remove.pending}
          error={remove.error}
          onConfirm={() => void confirmRemove()}
          onCancel={() => {
            remove.clearError();
            setConfirmingRemove(false);
          }}
        />
      )}
    </li>
  );
}

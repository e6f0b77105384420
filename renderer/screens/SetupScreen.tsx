// Connecting an account: site, Platform API key and secret, a test that says what is wrong in
// words, and the way out when the keychain is missing. The demo is offered on first run.
import { useId, useState, type FormEvent } from 'react';
import type { SiteSetting } from '../../electron/shared/model';
import { useAnnounce } from '../app/announcer';
import { useCommand } from '../app/use-command';
import { ErrorMessage } from '../components/ErrorMessage';
import { PendingButton } from '../components/PendingButton';
import { SecretField } from '../components/SecretField';
import { useTexts } from '../i18n/texts';
import { serverDetail } from '../i18n/words';
import { connectFailureText, testOutcomeText, type TestResponse } from './setup-outcome';

const SITES: SiteSetting[] = ['international', 'china', 'custom'];

type Field = 'baseUrl' | 'key' | 'secret';

export interface SetupScreenProps {
  mode: 'first-run' | 'add';
  /** Known up front (a notice said so): offer session-only before the first attempt. */
  keychainUnavailable: boolean;
  onDone: () => void;
  onCancel?: () => void;
}

export function SetupScreen({ mode, keychainUnavailable, onDone, onCancel }: SetupScreenProps) {
  const texts = useTexts();
  const { t } = texts;
  const announce = useAnnounce();
  const ids = { baseUrl: useId(), key: useId(), label: useId(), missing: useId(), result: useId() };
  const [site, setSite] = useState<SiteSetting>('international');
  const [baseUrl, setBaseUrl] = useState('');
  const [key, setKey] = useState('');
  const [secret, setSecret] = useState('');
  const [label, setLabel] = useState('');
  const [sessionOnly, setSessionOnly] = useState(false);
  const [missing, setMissing] = useState<Field[]>([]);
  const [tested, setTested] = useState<TestResponse | null>(null);
  const test = useCommand('account.test');
  const add = useCommand('account.add');
  const demo = useCommand('demo.start');

  const addProblem = add.error?.problem?.kind ?? add.error?.code;
  const keychainFailed = addProblem === 'KeychainUnavailable' || addProblem === 'KeychainLocked';
  const offerSessionOnly = keychainUnavailable || keychainFailed;

  const connection = () => ({
    site,
    ...(site === 'custom' ? { baseUrl: baseUrl.trim() } : {}),
    key: key.trim(),
    secret,
  });

  const checkFilled = (): boolean => {
    const empty: Field[] = [];
    if (site === 'custom' && !baseUrl.trim()) empty.push('baseUrl');
    if (!key.trim()) empty.push('key');
    if (!secret) empty.push('secret');
    setMissing(empty);
    return empty.length === 0;
  };

  const runTest = async () => {
    if (!checkFilled()) return;
    setTested(null);
    const result = await test.run(connection());
    if (result?.ok) {
      setTested(result.value);
      announce(testOutcomeText(texts, result.value));
    }
  };

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    if (!checkFilled()) return;
    // Connecting checks the credentials again (or reuses a fresh test): its outcome is the news.
    setTested(null);
    const result = await add.run({
      ...connection(),
      label: label.trim(),
      ...(offerSessionOnly && sessionOnly ? { sessionOnly: true } : {}),
    });
    if (result?.ok) {
      announce(t('window.setup.connected'));
      onDone();
    }
  };

  const startDemo = async () => {
    const result = await demo.run({});
    if (result?.ok) onDone();
  };

  const missingText: Record<Field, string> = {
    baseUrl: t('window.setup.missing.baseUrl'),
    key: t('window.setup.missing.key'),
    secret: t('window.setup.missing.secret'),
  };
  const testDetail = tested && !tested.ok ? serverDetail(texts, tested.problem) : null;

  return (
    <section
      className="screen setup"
      aria-labelledby="setup-heading"
      onKeyDown={(event) => {
        if (onCancel && event.key === 'Escape' && !event.defaultPrevented) onCancel();
      }}
    >
      {onCancel && (
        <button type="button" className="btn btn--plain back" onClick={onCancel}>
          <span aria-hidden="true">← </span>
          {t('window.details.back')}
        </button>
      )}
      <h1 id="setup-heading" tabIndex={-1}>
        {mode === 'add' ? t('window.setup.addHeading') : t('window.setup.heading')}
      </h1>
      <p>{t('window.setup.intro')}</p>

      <form onSubmit={(event) => void connect(event)} noValidate>
        <fieldset className="choices">
          <legend>{t('window.setup.site')}</legend>
          {SITES.map((s) => (
            <label key={s} className="choice">
              <input
                type="radio"
                name="site"
                value={s}
                checked={site === s}
                onChange={() => setSite(s)}
              />
              {t(`window.setup.siteOption.${s}`)}
            </label>
          ))}
        </fieldset>

        {site === 'custom' && (
          <div className="field">
            <label htmlFor={ids.baseUrl}>{t('window.setup.baseUrl')}</label>
            <input
              id={ids.baseUrl}
              type="url"
              value={baseUrl}
              placeholder="https://…/public_api/v1"
              spellCheck={false}
              aria-invalid={missing.includes('baseUrl') || undefined}
              onChange={(event) => setBaseUrl(event.target.value)}
            />
            <p className="hint">{t('window.setup.baseUrlHint')}</p>
          </div>
        )}

        <div className="field">
          <label htmlFor={ids.key}>{t('window.setup.key')}</label>
          <input
            id={ids.key}
            value={key}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={missing.includes('key') || undefined}
            onChange={(event) => setKey(event.target.value)}
          />
        </div>
        <SecretField
          label={t('window.setup.secret')}
          value={secret}
          onChange={setSecret}
          invalid={missing.includes('secret')}
        />
        <div className="field">
          <label htmlFor={ids.label}>{t('window.setup.label')}</label>
          <input
            id={ids.label}
            value={label}
            maxLength={100}
            placeholder={t('window.setup.labelPlaceholder')}
            onChange={(event) => setLabel(event.target.value)}
          />
        </div>

        {missing.length > 0 && (
          <ul className="error" role="alert" id={ids.missing}>
            {missing.map((field) => (
              <li key={field}>{missingText[field]}</li>
            ))}
          </ul>
        )}

        {offerSessionOnly && (
          <div className="note" role="note">
            <p className="note__title">{t('window.setup.keychain.title')}</p>
            <p>{t('window.setup.keychain.body')}</p>
            <label className="choice">
              <input
                type="checkbox"
                checked={sessionOnly}
                onChange={(event) => setSessionOnly(event.target.checked)}
              />
              {t('window.setup.keychain.sessionOnly')}
            </label>
          </div>
        )}

        <div className="actions">
          <PendingButton
            pending={test.pending}
            pendingLabel={t('window.setup.testing')}
            onClick={() => void runTest()}
          >
            {t('window.setup.test')}
          </PendingButton>
          <PendingButton
            type="submit"
            variant="primary"
            pending={add.pending}
            pendingLabel={t('window.setup.connecting')}
          >
            {t('window.setup.connect')}
          </PendingButton>
        </div>

        {tested && (
          <p className={tested.ok ? 'success' : 'error'} id={ids.result}>
            {testOutcomeText(texts, tested)}
            {testDetail && <span className="error__detail">{testDetail}</span>}
          </p>
        )}
        <ErrorMessage error={test.error} />
        <ErrorMessage error={add.error} describe={connectFailureText} />
      </form>

      {mode === 'first-run' && (
        <aside className="demo-offer" aria-labelledby="demo-heading">
          <h2 id="demo-heading">{t('window.setup.demo.heading')}</h2>
          <p>{t('window.setup.demo.body')}</p>
          <PendingButton
            pending={demo.pending}
            pendingLabel={t('window.setup.demo.starting')}
            onClick={() => void startDemo()}
          >
            {t('window.setup.demo.start')}
          </PendingButton>
          <ErrorMessage error={demo.error} />
        </aside>
      )}
    </section>
  );
}

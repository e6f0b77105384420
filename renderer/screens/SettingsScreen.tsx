// Preferences (each saved on change), per-deployment mutes and the accounts.
import type {
  AppSnapshot,
  DeploymentView,
  LanguageSetting,
  ThemeSetting,
} from '../../electron/shared/model';
import { NOTIFICATION_KINDS } from '../../electron/shared/model';
import { useCommand } from '../app/use-command';
import { ErrorMessage } from '../components/ErrorMessage';
import { useTexts } from '../i18n/texts';
import { AccountItem } from './AccountItem';
import {
  CommandToggle,
  PreferenceSelect,
  PreferenceToggle,
  type Option,
} from './PreferenceControls';

// No 1-minute choice: background checks are paced at about 112 s per account anyway, so it would
// promise something the request budget cannot keep.
const CADENCE_MINUTES = [2, 5, 10, 15, 30, 60];

function MuteToggle({ deployment }: { deployment: DeploymentView }) {
  const { t } = useTexts();
  const mute = useCommand('deployment.mute');
  return (
    <CommandToggle
      label={t('window.settings.notifyFor', { name: deployment.name })}
      checked={!deployment.muted}
      pending={mute.pending}
      error={<ErrorMessage error={mute.error} />}
      onToggle={async (notify) => {
        await mute.run({
          accountId: deployment.accountId,
          deploymentId: deployment.deploymentId,
          muted: !notify,
        });
      }}
    />
  );
}

export function SettingsScreen(props: { snapshot: AppSnapshot; onAddAccount: () => void }) {
  const { snapshot, onAddAccount } = props;
  const { t } = useTexts();
  const prefs = snapshot.preferences;

  const cadenceSeconds = CADENCE_MINUTES.map((m) => m * 60);
  // A value set elsewhere (an older settings file) stays selectable rather than vanishing.
  if (!cadenceSeconds.includes(prefs.idleCadenceSeconds)) {
    cadenceSeconds.push(prefs.idleCadenceSeconds);
    cadenceSeconds.sort((a, b) => a - b);
  }
  const cadenceOptions: Option<number>[] = cadenceSeconds.map((seconds) => ({
    value: seconds,
    label: t('window.settings.cadenceOption', { count: Math.round(seconds / 6) / 10 }),
  }));
  const languageOptions: Option<LanguageSetting>[] = [
    { value: 'system', label: t('window.settings.language.system') },
    { value: 'en', label: t('window.settings.language.en') },
    { value: 'zh-CN', label: t('window.settings.language.zh-CN') },
  ];
  const themeOptions: Option<ThemeSetting>[] = [
    { value: 'system', label: t('window.settings.theme.system') },
    { value: 'light', label: t('window.settings.theme.light') },
    { value: 'dark', label: t('window.settings.theme.dark') },
  ];

  return (
    <section className="screen settings" aria-labelledby="settings-heading">
      <h1 id="settings-heading" tabIndex={-1}>
        {t('window.settings.heading')}
      </h1>

      <h2>{t('window.settings.checks')}</h2>
      <PreferenceSelect
        label={t('window.settings.cadence')}
        hint={t('window.settings.cadenceHint')}
        value={prefs.idleCadenceSeconds}
        options={cadenceOptions}
        patch={(idleCadenceSeconds) => ({ idleCadenceSeconds })}
      />

      <h2>{t('window.settings.notifications')}</h2>
      <fieldset className="choices choices--stacked">
        <legend>{t('window.settings.notifyWhen')}</legend>
        {NOTIFICATION_KINDS.map((kind) => (
          <PreferenceToggle
            key={kind}
            label={t(`window.settings.notify.${kind}`)}
            checked={prefs.notifications[kind]}
            patch={(on) => ({ notifications: { [kind]: on } })}
          />
        ))}
      </fieldset>
      <fieldset className="choices choices--stacked">
        <legend>{t('window.settings.perDeployment')}</legend>
        {snapshot.deployments.length === 0 ? (
          <p className="hint">{t('window.settings.noDeployments')}</p>
        ) : (
          snapshot.deployments.map((d) => <MuteToggle key={d.key} deployment={d} />)
        )}
      </fieldset>

      <h2>{t('window.settings.startup')}</h2>
      {snapshot.platform.loginItemSupported && (
        <PreferenceToggle
          label={t('window.settings.launchAtLogin')}
          checked={prefs.launchAtLogin}
          patch={(launchAtLogin) => ({ launchAtLogin })}
        />
      )}
      <PreferenceToggle
        label={t('window.settings.startHidden')}
        checked={prefs.startHidden}
        patch={(startHidden) => ({ startHidden })}
      />

      <h2>{t('window.settings.appearance')}</h2>
      <PreferenceSelect
        label={t('window.settings.language')}
        value={prefs.language}
        options={languageOptions}
        patch={(language) => ({ language })}
      />
      <PreferenceSelect
        label={t('window.settings.theme')}
        value={prefs.theme}
        options={themeOptions}
        patch={(theme) => ({ theme })}
      />

      <div className="screen__header">
        <h2 id="settings-accounts">{t('window.settings.accounts')}</h2>
        <button type="button" className="btn" onClick={onAddAccount}>
          {t('window.settings.addAccount')}
        </button>
      </div>
      {snapshot.accounts.length === 0 ? (
        <p className="hint">{t('window.settings.noAccounts')}</p>
      ) : (
        <ul className="accounts" aria-labelledby="settings-accounts">
          {snapshot.accounts.map((account) => (
            <AccountItem key={account.id} account={account} />
          ))}
        </ul>
      )}
    </section>
  );
}

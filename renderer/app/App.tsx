// The window: top bar, notices, the current screen, the status bar. The newest snapshot is the
// whole truth; the only state kept here is which screen is showing.
import { useCallback, useState } from 'react';
import type { CommandError } from '../../electron/shared/contract';
import type { AppSnapshot } from '../../electron/shared/model';
import { resolveLocale } from '../../electron/shared/i18n';
import { Notices } from '../components/Notices';
import { StatusBar } from '../components/StatusBar';
import { TopBar } from '../components/TopBar';
import { TextsProvider, textsFor, useTexts } from '../i18n/texts';
import { commandErrorText } from '../i18n/words';
import type { RemovedDeployment } from '../screens/DeploymentRow';
import { DeploymentsScreen } from '../screens/DeploymentsScreen';
import { DetailsScreen } from '../screens/DetailsScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import { SetupScreen } from '../screens/SetupScreen';
import { UndoToast } from '../screens/UndoToast';
import { AnnouncerProvider, useAnnounce } from './announcer';
import { NowProvider } from './now';
import { useDocumentSettings } from './use-document';
import { useSnapshot } from './use-snapshot';
import { useStatusAnnouncements } from './use-status-announcements';

type View =
  | { name: 'deployments'; returnFocusKey?: string; focusHeading?: boolean }
  | { name: 'details'; key: string }
  | { name: 'settings' }
  | { name: 'add-account' };

function Shell({ snapshot }: { snapshot: AppSnapshot }) {
  const { t } = useTexts();
  const announce = useAnnounce();
  const [view, setView] = useState<View>({ name: 'deployments' });
  const [seenFocusKey, setSeenFocusKey] = useState<string | undefined>(undefined);
  const [seenScreenSeq, setSeenScreenSeq] = useState<number | undefined>(undefined);
  const [removed, setRemoved] = useState<RemovedDeployment | null>(null);

  // A new focus request (e.g. a notification was clicked) opens that deployment's details.
  if (snapshot.focusDeploymentKey !== seenFocusKey) {
    setSeenFocusKey(snapshot.focusDeploymentKey);
    if (snapshot.focusDeploymentKey) setView({ name: 'details', key: snapshot.focusDeploymentKey });
  }
  // A screen asked for from outside (the tray's Settings…); each request has its own number.
  const focusScreen = snapshot.focusScreen;
  if (focusScreen !== undefined && focusScreen.seq !== seenScreenSeq) {
    setSeenScreenSeq(focusScreen.seq);
    setView(focusScreen.screen === 'settings' ? { name: 'settings' } : { name: 'deployments' });
  }

  useDocumentSettings({
    title: snapshot.demo ? t('window.titleDemo') : t('window.title'),
    locale: snapshot.locale,
    theme: snapshot.preferences.theme,
  });
  useStatusAnnouncements(snapshot.deployments);

  const toList = useCallback(
    () =>
      setView((v) => ({
        name: 'deployments',
        returnFocusKey: v.name === 'details' ? v.key : undefined,
      })),
    [],
  );
  // The setup form that had focus is gone after Connect; its result, the list, takes focus.
  const connected = useCallback(() => setView({ name: 'deployments', focusHeading: true }), []);
  const closeToast = useCallback(() => setRemoved(null), []);
  const onRemoved = (item: RemovedDeployment) => {
    setRemoved(item);
    announce(t('window.deployments.removed', { name: item.name }));
  };

  const keychainUnavailable = snapshot.notices.some((n) => n.kind === 'keychain-unavailable');
  const noAccount = snapshot.accounts.length === 0;

  let screen;
  switch (view.name) {
    case 'details': {
      const deployment = snapshot.deployments.find((d) => d.key === view.key);
      const account = snapshot.accounts.find((a) => a.id === deployment?.accountId);
      screen = <DetailsScreen deployment={deployment} account={account} onBack={toList} />;
      break;
    }
    case 'settings':
      screen = (
        <SettingsScreen snapshot={snapshot} onAddAccount={() => setView({ name: 'add-account' })} />
      );
      break;
    case 'add-account':
      screen = (
        <SetupScreen
          mode="add"
          keychainUnavailable={keychainUnavailable}
          onDone={connected}
          onCancel={() => setView({ name: 'settings' })}
        />
      );
      break;
    case 'deployments':
      screen = noAccount ? (
        <SetupScreen
          mode="first-run"
          keychainUnavailable={keychainUnavailable}
          onDone={connected}
        />
      ) : (
        <DeploymentsScreen
          snapshot={snapshot}
          onOpen={(key) => setView({ name: 'details', key })}
          onRemoved={onRemoved}
          returnFocusKey={view.returnFocusKey}
          focusHeading={view.focusHeading}
        />
      );
      break;
  }

  return (
    <div className="app">
      <TopBar
        current={
          view.name === 'settings' || view.name === 'add-account' ? 'settings' : 'deployments'
        }
        onNavigate={(to) =>
          setView(to === 'settings' ? { name: 'settings' } : { name: 'deployments' })
        }
      />
      <Notices notices={snapshot.notices} deployments={snapshot.deployments} />
      <main className="main">{screen}</main>
      {removed && <UndoToast removed={removed} onClose={closeToast} />}
      <StatusBar snapshot={snapshot} />
    </div>
  );
}

/** Before the first snapshot: the system's language is the best guess. */
function Boot({ error, onRetry }: { error: CommandError | null; onRetry: () => void }) {
  const texts = textsFor(resolveLocale('system', navigator.language));
  const { t } = texts;
  return (
    <main className="boot">
      {error ? (
        <>
          <p className="error" role="alert">
            {t('window.loadFailed', { error: commandErrorText(texts, error) })}
          </p>
          <button type="button" className="btn" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </>
      ) : (
        <p role="status">{t('window.loading')}</p>
      )}
    </main>
  );
}

export function App() {
  const { state, loadError, reload } = useSnapshot();
  if (!state) return <Boot error={loadError} onRetry={reload} />;
  const { snapshot, receivedAt } = state;
  return (
    <TextsProvider locale={snapshot.locale}>
      <NowProvider snapshotNow={snapshot.now} receivedAt={receivedAt}>
        <AnnouncerProvider>
          <Shell snapshot={snapshot} />
        </AnnouncerProvider>
      </NowProvider>
    </TextsProvider>
  );
}

// The two places of the window. Plain buttons: a router would be more code than the app.
import { useTexts } from '../i18n/texts';

export type Section = 'deployments' | 'settings';

export function TopBar(props: { current: Section; onNavigate: (to: Section) => void }) {
  const { current, onNavigate } = props;
  const { t } = useTexts();
  const item = (section: Section, label: string) => (
    <button
      type="button"
      className="topbar__item"
      aria-current={current === section ? 'page' : undefined}
      onClick={() => onNavigate(section)}
    >
      {label}
    </button>
  );
  return (
    <header className="topbar">
      <nav aria-label={t('window.nav.label')} className="topbar__nav">
        {item('deployments', t('window.nav.deployments'))}
        {item('settings', t('window.nav.settings'))}
      </nav>
    </header>
  );
}

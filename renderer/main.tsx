import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ApiProvider } from './app/api-context';
import { resolveLocale, translate } from '../electron/shared/i18n';
import './styles/app.css';

const root = document.getElementById('root');
if (root) {
  if (window.api) {
    createRoot(root).render(
      <StrictMode>
        <ApiProvider api={window.api}>
          <App />
        </ApiProvider>
      </StrictMode>,
    );
  } else {
    // Opened outside the app (no preload, no bridge): nothing to talk to.
    root.textContent = translate(resolveLocale('system', navigator.language), 'window.noApi');
  }
}

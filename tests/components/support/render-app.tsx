// Renders the whole window against a fake api and waits for the first snapshot.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AppSnapshot } from '../../../electron/shared/model';
import { App } from '../../../renderer/app/App';
import { ApiProvider } from '../../../renderer/app/api-context';
import { FakeApi } from './fake-api';

export async function renderApp(snapshotOrApi: AppSnapshot | FakeApi) {
  const api = snapshotOrApi instanceof FakeApi ? snapshotOrApi : new FakeApi(snapshotOrApi);
  const user = userEvent.setup();
  const view = render(
    <ApiProvider api={api}>
      <App />
    </ApiProvider>,
  );
  await screen.findByRole('navigation');
  return { api, user, ...view };
}

/** Like renderApp, for tests on fake timers (findBy* polls with real ones). */
export async function renderAppWithFakeTimers(snapshot: AppSnapshot) {
  const api = new FakeApi(snapshot);
  const view = render(
    <ApiProvider api={api}>
      <App />
    </ApiProvider>,
  );
  await act(async () => {});
  return { api, ...view };
}

/** The button that opens a deployment's details (its row, not the row's Remove). */
export function rowButton(name: string): HTMLElement {
  const button = screen
    .getAllByRole('button', { name: new RegExp(name) })
    .find((b) => b.classList.contains('deployment__open'));
  if (!button) throw new Error(`no row button for ${name}`);
  return button;
}

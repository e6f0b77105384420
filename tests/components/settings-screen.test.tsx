import { screen, within } from '@testing-library/react';
import type { AppSnapshot } from '../../electron/shared/model';
import { FakeApi } from './support/fake-api';
import { renderApp } from './support/render-app';
import {
  makeAccount,
  makeDeployment,
  makePreferences,
  makeSnapshot,
  manyDeployments,
  NOW,
} from './support/snapshots';

async function openSettings(snapshotOrApi: AppSnapshot | FakeApi = makeSnapshot()) {
  const rendered = await renderApp(snapshotOrApi);
  await rendered.user.click(screen.getByRole('button', { name: 'Settings' }));
  return rendered;
}

describe('settings: preferences', () => {
  it('offers the idle cadences and saves the chosen one', async () => {
    const { api, user } = await openSettings();
    const cadence = screen.getByRole('combobox', { name: 'Check deployments every' });
    expect(cadence).toHaveValue('300');
    expect(
      within(cadence)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['2 min', '5 min', '10 min', '15 min', '30 min', '60 min']);
    expect(cadence).toHaveAccessibleDescription(/60 requests per hour; 20 are kept/);
    expect(cadence).toHaveAccessibleDescription(/can be less frequent than chosen/);
    await user.selectOptions(cadence, '10 min');
    expect(api.calls('preferences.update')).toEqual([{ idleCadenceSeconds: 600 }]);
  });

  it('keeps a cadence it does not offer selectable', async () => {
    await openSettings(makeSnapshot({ preferences: makePreferences({ idleCadenceSeconds: 180 }) }));
    expect(screen.getByRole('combobox', { name: 'Check deployments every' })).toHaveValue('180');
    expect(screen.getByRole('option', { name: '3 min' })).toBeInTheDocument();
  });

  it('keeps a saved 1-minute cadence selectable although it is no longer offered', async () => {
    await openSettings(makeSnapshot({ preferences: makePreferences({ idleCadenceSeconds: 60 }) }));
    const cadence = screen.getByRole('combobox', { name: 'Check deployments every' });
    expect(cadence).toHaveValue('60');
    expect(within(cadence).getAllByRole('option')[0]).toHaveTextContent('1 min');
  });

  it('shows the new value as saving until the app answers, then what the snapshot says', async () => {
    const api = new FakeApi(makeSnapshot());
    const held = api.hold('preferences.update');
    const { user } = await openSettings(api);
    const theme = screen.getByRole('combobox', { name: 'Theme' });
    await user.selectOptions(theme, 'Dark');
    expect(theme).toHaveValue('dark');
    expect(theme).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('Saving…')).toBeVisible();
    await user.selectOptions(theme, 'Light');
    expect(api.calls('preferences.update')).toEqual([{ theme: 'dark' }]);
    await held.resolve({ ok: true, value: makePreferences({ theme: 'dark' }) });
    api.push({ ...api.snapshot, revision: 2, preferences: makePreferences({ theme: 'dark' }) });
    expect(theme).toHaveValue('dark');
    expect(screen.queryByText('Saving…')).not.toBeInTheDocument();
  });

  it('falls back and says why when saving fails', async () => {
    const api = new FakeApi(makeSnapshot()).fail('preferences.update', {
      ok: false,
      error: { code: 'errors.invalidRequest', params: { field: 'language' } },
    });
    const { user } = await openSettings(api);
    const language = screen.getByRole('combobox', { name: 'Language' });
    await user.selectOptions(language, '简体中文');
    expect(language).toHaveValue('system');
    expect(screen.getByRole('alert')).toHaveTextContent('Invalid value for language.');
  });

  it('switches the language and theme', async () => {
    const { api, user } = await openSettings();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), '简体中文');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'Light');
    expect(api.calls('preferences.update')).toEqual([{ language: 'zh-CN' }, { theme: 'light' }]);
  });

  it('turns one kind of notification off', async () => {
    const { api, user } = await openSettings();
    const group = screen.getByRole('group', { name: 'Notify me when' });
    expect(within(group).getAllByRole('checkbox')).toHaveLength(7);
    const failed = within(group).getByRole('checkbox', { name: 'a deployment failed' });
    expect(failed).toBeChecked();
    await user.click(failed);
    expect(api.calls('preferences.update')).toEqual([{ notifications: { failed: false } }]);
  });

  it('mutes one deployment', async () => {
    const deployments = [makeDeployment(), makeDeployment({ id: 'e1', name: 'edge', muted: true })];
    const { api, user } = await openSettings(makeSnapshot({ deployments }));
    const group = screen.getByRole('group', { name: 'Notifications for each deployment' });
    expect(within(group).getByRole('checkbox', { name: 'Notify about edge' })).not.toBeChecked();
    await user.click(within(group).getByRole('checkbox', { name: 'Notify about factory-broker' }));
    expect(api.calls('deployment.mute')).toEqual([
      { accountId: 'acc-1', deploymentId: 'w41b11c0', muted: true },
    ]);
  });

  it('offers a mute for each of many deployments', async () => {
    await openSettings(makeSnapshot({ deployments: manyDeployments(50) }));
    const group = screen.getByRole('group', { name: 'Notifications for each deployment' });
    expect(within(group).getAllByRole('checkbox')).toHaveLength(50);
    expect(within(group).getByRole('checkbox', { name: 'Notify about broker-50' })).toBeChecked();
  });

  it('says what is missing before anything is connected', async () => {
    const { user } = await openSettings(makeSnapshot({ accounts: [], deployments: [] }));
    expect(screen.getByText('No account connected yet.')).toBeVisible();
    expect(screen.getByText('No deployments watched yet.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Add an account' })).toBeVisible();
  });

  it('offers launch at login only where the platform supports it', async () => {
    const { api, user } = await openSettings();
    await user.click(screen.getByRole('checkbox', { name: 'Open at login' }));
    expect(api.calls('preferences.update')).toEqual([{ launchAtLogin: true }]);
    api.push({
      ...api.snapshot,
      revision: 2,
      platform: { os: 'other', loginItemSupported: false },
    });
    expect(screen.queryByRole('checkbox', { name: 'Open at login' })).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /Start in the tray/ })).toBeInTheDocument();
  });

  it('speaks Chinese', async () => {
    const { user } = await renderApp(makeSnapshot({ locale: 'zh-CN' }));
    await user.click(screen.getByRole('button', { name: '设置' }));
    expect(screen.getByRole('combobox', { name: '检查部署的间隔' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: '5 分钟' })).toBeInTheDocument();
    const language = screen.getByRole('combobox', { name: '语言' });
    expect(within(language).getByRole('option', { selected: true })).toHaveTextContent('跟随系统');
    expect(screen.getByRole('checkbox', { name: '部署出现异常' })).toBeChecked();
  });
});

describe('settings: accounts', () => {
  it('shows each account with its site, key and health', async () => {
    const accounts = [
      makeAccount(),
      makeAccount({
        id: 'acc-2',
        label: 'Staging',
        site: 'china',
        health: 'auth-failed',
        sessionOnly: true,
        problem: { kind: 'AuthFailed', message: '401', at: NOW },
      }),
    ];
    await openSettings(makeSnapshot({ accounts }));
    const items = within(screen.getByRole('list', { name: 'Accounts' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const [production, staging] = items;
    expect(staging).toHaveTextContent('China');
    expect(staging).toHaveTextContent('Key key-123');
    expect(staging).toHaveTextContent('Secret kept for this session only');
    expect(staging).toHaveTextContent('EMQX Cloud rejects the key or secret: replace the secret.');
    expect(production).toHaveTextContent('Working');
  });

  it('says whose buttons they are, and keeps a long name whole', async () => {
    const long = `Plant ${'North-East '.repeat(10)}Line 7`;
    const accounts = [makeAccount(), makeAccount({ id: 'acc-2', label: long })];
    const { user } = await openSettings(makeSnapshot({ accounts }));
    const [first, second] = within(screen.getByRole('list', { name: 'Accounts' })).getAllByRole(
      'listitem',
    );
    if (!first || !second) throw new Error('two accounts expected');
    expect(within(first).getByRole('button', { name: 'Remove' })).toHaveAccessibleDescription(
      'Production',
    );
    expect(within(second).getByRole('button', { name: 'Rename' })).toHaveAccessibleDescription(
      long,
    );
    expect(within(second).getByText(long)).toHaveAttribute('title', long);
    await user.click(within(second).getByRole('button', { name: 'Remove' }));
    expect(screen.getByRole('dialog', { name: `Remove ${long}?` })).toBeVisible();
  });

  it('renames an account on Enter', async () => {
    const { api, user } = await openSettings();
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    const field = screen.getByRole('textbox', { name: 'New name for Production' });
    await user.clear(field);
    await user.type(field, 'Plant A{Enter}');
    expect(api.calls('account.rename')).toEqual([{ accountId: 'acc-1', label: 'Plant A' }]);
    expect(
      screen.queryByRole('textbox', { name: 'New name for Production' }),
    ).not.toBeInTheDocument();
  });

  it('replaces the secret, sending the key only when it changed', async () => {
    const { api, user } = await openSettings();
    await user.click(screen.getByRole('button', { name: 'Replace secret' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter the secret.');
    await user.type(screen.getByLabelText('New secret'), 'fresh{Enter}');
    expect(api.calls('account.replaceSecret')).toEqual([{ accountId: 'acc-1', secret: 'fresh' }]);
  });

  it('closes an edit form with Escape', async () => {
    const { user } = await openSettings();
    await user.click(screen.getByRole('button', { name: 'Replace secret' }));
    await user.click(screen.getByLabelText('New secret'));
    await user.keyboard('{Escape}');
    expect(screen.queryByLabelText('New secret')).not.toBeInTheDocument();
  });

  it('removes an account after a confirmation that names the keychain entry', async () => {
    const { api, user } = await openSettings();
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove Production?' });
    expect(dialog).toHaveAccessibleDescription(
      /secret saved for this key in the system keychain will be deleted/,
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.calls('account.remove')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove account' }),
    );
    expect(api.calls('account.remove')).toEqual([{ accountId: 'acc-1' }]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('says why removing failed, in the dialog', async () => {
    const api = new FakeApi(makeSnapshot()).fail('account.remove', {
      ok: false,
      error: {
        code: 'KeychainLocked',
        problem: { kind: 'KeychainLocked', message: 'locked', at: NOW },
      },
    });
    const { user } = await openSettings(api);
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove account' }),
    );
    expect(within(screen.getByRole('dialog')).getByRole('alert')).toHaveTextContent(
      'The system keychain is locked. Unlock it, then try again.',
    );
  });
});

import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../renderer/app/App';
import { ApiProvider } from '../../renderer/app/api-context';
import { FakeApi } from './support/fake-api';
import { renderApp } from './support/render-app';
import { makeDeployment, makeFields, makeSnapshot, next } from './support/snapshots';

describe('window shell', () => {
  it('shows loading until the first snapshot arrives, then the window', async () => {
    const api = new FakeApi(makeSnapshot());
    const held = api.hold('state.get');
    render(
      <ApiProvider api={api}>
        <App />
      </ApiProvider>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    await held.resolve({ ok: true, value: api.snapshot });
    expect(screen.getByRole('navigation', { name: 'Sections' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Watched deployments' })).toBeInTheDocument();
  });

  it('says in words when the state cannot be read, and tries again on request', async () => {
    const api = new FakeApi(makeSnapshot());
    api.fail('state.get', { ok: false, error: { code: 'errors.unknown' } });
    render(
      <ApiProvider api={api}>
        <App />
      </ApiProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Something went wrong. Please try again.',
    );
    api.answer('state.get', { ok: true, value: api.snapshot });
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('navigation')).toBeInTheDocument();
    expect(api.calls('state.get')).toHaveLength(2);
  });

  it('renders pushed snapshots and ignores one older than what it shows', async () => {
    const first = makeSnapshot({ revision: 4 });
    const { api } = await renderApp(first);
    const renamed = next(first, {
      deployments: [makeDeployment({ name: 'renamed-broker' })],
    });
    api.push(renamed);
    expect(screen.getByText('renamed-broker')).toBeInTheDocument();
    api.push({ ...first, revision: 3 });
    expect(screen.getByText('renamed-broker')).toBeInTheDocument();
    expect(screen.queryByText('factory-broker')).not.toBeInTheDocument();
  });

  it('unsubscribes from pushes when it goes away', async () => {
    const { api, unmount } = await renderApp(makeSnapshot());
    expect(api.listenerCount).toBe(1);
    unmount();
    expect(api.listenerCount).toBe(0);
  });

  it('titles the window, and says Demo when the demo runs', async () => {
    const { api } = await renderApp(makeSnapshot());
    expect(document.title).toBe('EMQX Cloud Tray');
    api.push(next(api.snapshot, { demo: true }));
    expect(document.title).toBe('EMQX Cloud Tray — Demo');
    const statusBar = screen.getByRole('contentinfo', { name: 'Status' });
    expect(within(statusBar).getByText('Demo')).toBeInTheDocument();
  });

  it('follows the theme preference and the language on the document', async () => {
    const snapshot = makeSnapshot();
    const { api } = await renderApp(snapshot);
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(document.documentElement.lang).toBe('en');
    api.push(
      next(snapshot, {
        locale: 'zh-CN',
        preferences: { ...snapshot.preferences, theme: 'dark' },
      }),
    );
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('speaks Chinese when the snapshot says so', async () => {
    const { api } = await renderApp(makeSnapshot());
    expect(screen.getByRole('button', { name: 'Settings' })).toBeInTheDocument();
    api.push(next(api.snapshot, { locale: 'zh-CN' }));
    expect(screen.getByRole('button', { name: '设置' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '关注的部署' })).toBeInTheDocument();
    expect(screen.getByText('运行中')).toBeInTheDocument();
  });

  it('moves between sections with the keyboard', async () => {
    const { user } = await renderApp(makeSnapshot());
    const deployments = screen.getByRole('button', { name: 'Deployments' });
    expect(deployments).toHaveAttribute('aria-current', 'page');
    await user.tab();
    expect(deployments).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Settings' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('heading', { name: 'Settings', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Settings' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('announces status changes politely', async () => {
    const snapshot = makeSnapshot();
    const { api } = await renderApp(snapshot);
    const region = screen.getByTestId('live-region');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toBeEmptyDOMElement();
    api.push(
      next(snapshot, {
        deployments: [
          makeDeployment({ statusKind: 'stopping', fields: makeFields({ status: 'stopping' }) }),
        ],
      }),
    );
    expect(region).toHaveTextContent('factory-broker: Stopping.');
  });

  it('opens the details a focus request names, at start and when it changes', async () => {
    const second = makeDeployment({ id: 'x9y8z7w6', name: 'edge-broker' });
    const snapshot = makeSnapshot({
      deployments: [makeDeployment(), second],
      focusDeploymentKey: 'acc-1/w41b11c0',
    });
    const { api } = await renderApp(snapshot);
    expect(screen.getByRole('heading', { level: 1, name: 'factory-broker' })).toBeInTheDocument();
    api.push(next(snapshot, { focusDeploymentKey: 'acc-1/x9y8z7w6' }));
    expect(screen.getByRole('heading', { level: 1, name: 'edge-broker' })).toBeInTheDocument();
  });

  it('opens Settings when the tray asks, again after the user left it, but not twice for one ask', async () => {
    const snapshot = makeSnapshot();
    const { api, user } = await renderApp(snapshot);
    const settingsHeading = () => screen.queryByRole('heading', { level: 1, name: 'Settings' });
    expect(settingsHeading()).not.toBeInTheDocument();

    const asked = next(snapshot, { focusScreen: { screen: 'settings', seq: 1 } });
    api.push(asked);
    expect(settingsHeading()).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(nav).getByRole('button', { name: 'Settings' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    await user.click(within(nav).getByRole('button', { name: 'Deployments' }));
    // A newer snapshot still carrying the request it followed leaves the window where it is.
    api.push(next(asked, {}));
    expect(screen.getByRole('heading', { name: 'Watched deployments' })).toBeInTheDocument();

    // The same screen asked for again: a new request, so Settings again.
    api.push(next(next(asked, {}), { focusScreen: { screen: 'settings', seq: 2 } }));
    expect(settingsHeading()).toBeInTheDocument();
  });

  it('goes to the list when asked for it, from details', async () => {
    const snapshot = makeSnapshot({ focusDeploymentKey: 'acc-1/w41b11c0' });
    const { api } = await renderApp(snapshot);
    expect(screen.getByRole('heading', { level: 1, name: 'factory-broker' })).toBeInTheDocument();
    api.push(next(snapshot, { focusScreen: { screen: 'deployments', seq: 1 } }));
    expect(screen.getByRole('heading', { name: 'Watched deployments' })).toBeInTheDocument();
  });

  it('does not reopen details for a focus request it already followed', async () => {
    const snapshot = makeSnapshot({ focusDeploymentKey: 'acc-1/w41b11c0' });
    const { api, user } = await renderApp(snapshot);
    await user.click(screen.getByRole('button', { name: /Back/ }));
    api.push(next(snapshot, {}));
    expect(screen.getByRole('heading', { name: 'Watched deployments' })).toBeInTheDocument();
  });
});

describe('notices', () => {
  it('shows each notice in words and dismisses it', async () => {
    const snapshot = makeSnapshot({
      notices: [{ id: 'n1', kind: 'settings-recovered', at: 0, params: {} }],
    });
    const { api, user } = await renderApp(snapshot);
    const notices = screen.getByRole('list', { name: 'Notices' });
    expect(notices).toHaveTextContent('Your settings file could not be read');
    await user.click(within(notices).getByRole('button', { name: /^Dismiss/ }));
    expect(api.calls('notice.dismiss')).toEqual([{ id: 'n1' }]);
  });

  it('says which settings file could not be read, and why', async () => {
    const snapshot = makeSnapshot({
      notices: [
        {
          id: 'n3',
          kind: 'settings-unreadable',
          at: 0,
          params: { path: '/home/u/.config/app/config.json', reason: 'permission denied' },
        },
      ],
    });
    await renderApp(snapshot);
    const notices = screen.getByRole('list', { name: 'Notices' });
    expect(notices).toHaveTextContent('/home/u/.config/app/config.json');
    expect(notices).toHaveTextContent('permission denied');
  });

  it('names the deployment and the problem of an operation notice', async () => {
    const snapshot = makeSnapshot({
      notices: [
        {
          id: 'n2',
          kind: 'operation-refused',
          at: 0,
          params: { deploymentKey: 'acc-1/w41b11c0', op: 'stop', problemKind: 'InvalidState' },
        },
      ],
    });
    await renderApp(snapshot);
    const notices = screen.getByRole('list', { name: 'Notices' });
    expect(notices).toHaveTextContent(
      'EMQX Cloud refused to stop factory-broker. EMQX Cloud refused because the deployment is not in a state that allows this (422).',
    );
  });

  it('shows the dismiss as pending at once and sends it only once', async () => {
    const snapshot = makeSnapshot({
      notices: [{ id: 'n3', kind: 'keychain-unavailable', at: 0, params: {} }],
    });
    const api = new FakeApi(snapshot);
    const held = api.hold('notice.dismiss');
    const { user } = await renderApp(api);
    const button = screen.getByRole('button', { name: /^Dismiss/ });
    await user.dblClick(button);
    expect(button).toHaveAttribute('aria-busy', 'true');
    expect(api.calls('notice.dismiss')).toHaveLength(1);
    await held.resolve({ ok: true, value: null });
    expect(button).not.toHaveAttribute('aria-busy');
  });

  it('says why a dismiss failed', async () => {
    const snapshot = makeSnapshot({
      notices: [{ id: 'n4', kind: 'demo-mode', at: 0, params: {} }],
    });
    const api = new FakeApi(snapshot).fail('notice.dismiss', {
      ok: false,
      error: { code: 'errors.invalidRequest', params: { field: 'id' } },
    });
    const { user } = await renderApp(api);
    await user.click(screen.getByRole('button', { name: /^Dismiss/ }));
    expect(screen.getByRole('alert')).toHaveTextContent('Invalid value for id.');
  });

  it('renders notices in Chinese', async () => {
    await renderApp(
      makeSnapshot({
        locale: 'zh-CN',
        notices: [{ id: 'n5', kind: 'demo-mode', at: 0, params: {} }],
      }),
    );
    expect(screen.getByText(/当前为演示模式/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^关闭提示/ })).toBeInTheDocument();
  });
});

describe('the page outside the app', () => {
  it('says it needs the app when there is no window.api', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    expect(window.api).toBeUndefined();
    await act(async () => {
      await import('../../renderer/main');
    });
    expect(document.getElementById('root')).toHaveTextContent(
      'This page only works inside EMQX Cloud Tray.',
    );
  });
});

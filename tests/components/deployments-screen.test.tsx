import { act, fireEvent, screen, within } from '@testing-library/react';
import { FakeApi } from './support/fake-api';
import { renderApp, renderAppWithFakeTimers } from './support/render-app';
import {
  makeAccount,
  makeDeployment,
  makeFields,
  makeSnapshot,
  manyDeployments,
  MINUTE,
  next,
  NOW,
} from './support/snapshots';

const list = () => screen.getByRole('list', { name: 'Watched deployments' });
const rowOf = (name: string) => {
  const row = within(list())
    .getAllByRole('listitem')
    .find((li) => li.textContent?.includes(name));
  if (!row) throw new Error(`no row for ${name}`);
  return row;
};

describe('deployments: the list', () => {
  it('shows status, name, ID, type, region and when it was checked', async () => {
    await renderApp(makeSnapshot());
    const row = rowOf('factory-broker');
    expect(row).toHaveTextContent('●Running');
    expect(row).toHaveTextContent('w41b11c0 · Dedicated · N. Virginia (us-east-1)');
    expect(row).toHaveTextContent('Checked 2 min. ago');
  });

  it('gives each status its own shape beside the words', async () => {
    const deployments = [
      makeDeployment({ id: 'a', name: 'one', statusKind: 'stopped' }),
      makeDeployment({ id: 'b', name: 'two', statusKind: 'starting' }),
      makeDeployment({ id: 'c', name: 'three', statusKind: 'failed' }),
      makeDeployment({ id: 'd', name: 'four', statusKind: 'not-found' }),
    ];
    await renderApp(makeSnapshot({ deployments }));
    expect(rowOf('one')).toHaveTextContent('○Stopped');
    expect(rowOf('two')).toHaveTextContent('◐Starting');
    expect(rowOf('three')).toHaveTextContent('✕Failed');
    expect(rowOf('four')).toHaveTextContent('⊘Not found');
  });

  it('shows an unknown status verbatim', async () => {
    const deployment = makeDeployment({
      statusKind: 'unknown',
      fields: makeFields({ status: 'hibernating' }),
    });
    await renderApp(makeSnapshot({ deployments: [deployment] }));
    expect(rowOf('factory-broker')).toHaveTextContent('?Unknown (hibernating)');
  });

  const offline = (since: number) => ({
    since,
    problem: { kind: 'NetworkError' as const, message: 'ECONNREFUSED', at: since },
  });
  const banners = () => document.querySelectorAll('.stale-banner');

  it('states a problem of the whole account once, above its rows, and each row’s age', async () => {
    const deployments = [
      makeDeployment({ checkedAt: NOW - 20 * MINUTE, stale: offline(NOW - 18 * MINUTE) }),
      makeDeployment({
        id: 'x0000002',
        name: 'lab-broker',
        checkedAt: NOW - 25 * MINUTE,
        stale: offline(NOW - 15 * MINUTE),
      }),
    ];
    await renderApp(makeSnapshot({ deployments }));
    expect(banners()).toHaveLength(1);
    expect(banners()[0]).toHaveTextContent(
      'Production: EMQX Cloud cannot be reached. Check your internet connection, proxy settings and the base URL. (since 09:12)',
    );
    expect(banners()[0]?.compareDocumentPosition(list())).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(rowOf('factory-broker')).toHaveTextContent('Status as of 09:10');
    expect(rowOf('lab-broker')).toHaveTextContent('Status as of 09:05');
    expect(list()).not.toHaveTextContent('cannot be reached');
  });

  it('keeps the problem on the row when only some of the account’s deployments have it', async () => {
    const deployments = [
      makeDeployment({ stale: offline(NOW - 18 * MINUTE) }),
      makeDeployment({ id: 'x0000002', name: 'lab-broker' }),
    ];
    await renderApp(makeSnapshot({ deployments }));
    expect(banners()).toHaveLength(0);
    expect(rowOf('factory-broker')).toHaveTextContent(
      'EMQX Cloud cannot be reached. Check your internet connection, proxy settings and the base URL. (since 09:12)',
    );
    expect(rowOf('lab-broker')).not.toHaveTextContent('Status as of');
  });

  it('gives each failing account its own banner', async () => {
    const staging = makeAccount({ id: 'acc-2', label: 'Staging' });
    const deployments = [
      makeDeployment({ stale: offline(NOW - 18 * MINUTE) }),
      makeDeployment({
        accountId: 'acc-2',
        id: 'x0000002',
        name: 'lab-broker',
        stale: {
          since: NOW - 5 * MINUTE,
          problem: { kind: 'AuthFailed', message: '401', at: NOW - 5 * MINUTE },
        },
      }),
    ];
    await renderApp(makeSnapshot({ accounts: [makeAccount(), staging], deployments }));
    expect([...banners()].map((b) => b.textContent?.split(':')[0]?.replace('⚠ ', ''))).toEqual([
      'Production',
      'Staging',
    ]);
  });

  it('says when checks resume while rate limited', async () => {
    const deployment = makeDeployment({
      stale: {
        since: NOW - 5 * MINUTE,
        problem: { kind: 'RateLimited', message: '429', at: NOW, retryAt: NOW + 30 * MINUTE },
      },
    });
    await renderApp(makeSnapshot({ deployments: [deployment] }));
    expect(banners()[0]).toHaveTextContent(
      'EMQX Cloud’s request limit is reached. Checks resume at 10:00. (since 09:25)',
    );
    expect(rowOf('factory-broker')).toHaveTextContent('Status as of 09:28');
  });

  it('lists fifty deployments', async () => {
    await renderApp(makeSnapshot({ deployments: manyDeployments(50) }));
    expect(within(list()).getAllByRole('listitem')).toHaveLength(50);
    expect(screen.getByText('broker-50')).toBeInTheDocument();
  });

  it('keeps a long name whole in its tooltip', async () => {
    const name = `${'very-long-deployment-name-'.repeat(8)}end`;
    await renderApp(makeSnapshot({ deployments: [makeDeployment({ name })] }));
    expect(screen.getByText(name)).toHaveAttribute('title', name);
    expect(screen.getByText(name)).toHaveClass('deployment__name');
  });

  it('names the account of each row when several accounts are watched', async () => {
    const accounts = [makeAccount(), makeAccount({ id: 'acc-2', label: 'Staging' })];
    const deployments = [
      makeDeployment(),
      makeDeployment({ id: 'e1', name: 'edge', accountId: 'acc-2' }),
    ];
    await renderApp(makeSnapshot({ accounts, deployments }));
    expect(rowOf('edge')).toHaveTextContent('e1 · Dedicated · N. Virginia (us-east-1) · Staging');
  });

  it('speaks Chinese', async () => {
    await renderApp(makeSnapshot({ locale: 'zh-CN' }));
    expect(screen.getByRole('heading', { name: '关注的部署' })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: '关注的部署' })).toHaveTextContent('专有版');
    expect(screen.getByRole('button', { name: '不再关注 factory-broker' })).toBeInTheDocument();
  });

  it('guides the first steps when nothing is watched', async () => {
    await renderApp(makeSnapshot({ deployments: [] }));
    expect(screen.getByText('No deployments watched yet')).toBeInTheDocument();
    expect(screen.getByText(/The ID is on the deployment’s overview page/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Add deployments' })).toBeInTheDocument();
  });
});

describe('deployments: remove with undo', () => {
  it('removes at once and offers Undo, which puts it back', async () => {
    const { api, user } = await renderApp(makeSnapshot());
    await user.click(screen.getByRole('button', { name: 'Stop watching factory-broker' }));
    expect(api.calls('deployment.remove')).toEqual([
      { accountId: 'acc-1', deploymentId: 'w41b11c0' },
    ]);
    const undo = screen.getByRole('button', { name: 'Undo' });
    expect(undo).toHaveFocus();
    expect(screen.getByText('Stopped watching factory-broker.', { selector: 'p' })).toBeVisible();
    expect(screen.getByTestId('live-region')).toHaveTextContent('Stopped watching factory-broker.');
    await user.keyboard('{Enter}');
    expect(api.calls('deployment.undoRemove')).toEqual([
      { accountId: 'acc-1', deploymentId: 'w41b11c0' },
    ]);
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Watched deployments' })).toHaveFocus();
  });

  it('sends one remove for two quick clicks', async () => {
    const api = new FakeApi(makeSnapshot());
    const held = api.hold('deployment.remove');
    const { user } = await renderApp(api);
    const remove = screen.getByRole('button', { name: 'Stop watching factory-broker' });
    await user.click(remove);
    await user.click(remove);
    expect(remove).toHaveAttribute('aria-busy', 'true');
    expect(api.calls('deployment.remove')).toHaveLength(1);
    await held.resolve({ ok: true, value: null });
  });

  it('says why a remove failed', async () => {
    const api = new FakeApi(makeSnapshot()).fail('deployment.remove', {
      ok: false,
      error: { code: 'errors.unknown' },
    });
    const { user } = await renderApp(api);
    await user.click(screen.getByRole('button', { name: 'Stop watching factory-broker' }));
    expect(within(rowOf('factory-broker')).getByRole('alert')).toHaveTextContent(
      'Something went wrong. Please try again.',
    );
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  });

  describe('on a fake clock', () => {
    beforeEach(() => {
      vi.useFakeTimers({ now: NOW });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('lets the Undo go after ten seconds', async () => {
      await renderAppWithFakeTimers(makeSnapshot());
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: 'Stop watching factory-broker' }));
      });
      expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
      act(() => {
        vi.advanceTimersByTime(9_000);
      });
      expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
      act(() => {
        vi.advanceTimersByTime(1_000);
      });
      expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    });
  });
});

describe('deployments: adding', () => {
  const available = {
    ok: true as const,
    value: {
      supported: true as const,
      deployments: [
        {
          deploymentID: 'w41b11c0',
          deploymentName: 'factory-broker',
          status: 'running',
          deploymentType: 'dedicated',
          region: 'us-east-1',
          watched: true,
        },
        {
          deploymentID: 'k2m3n4p5',
          deploymentName: 'lab-broker',
          status: 'stopped',
          deploymentType: 'serverless',
          region: 'eu-west-1',
          watched: false,
        },
      ],
    },
  };

  it('picks from the account’s list, with watched ones marked', async () => {
    const api = new FakeApi(makeSnapshot()).answer('deployments.available', available);
    const { user } = await renderApp(api);
    await user.click(screen.getByRole('button', { name: 'Add deployments' }));
    await user.click(screen.getByRole('button', { name: 'Show the deployments of this account' }));
    expect(api.calls('deployments.available')).toEqual([{ accountId: 'acc-1' }]);
    const group = screen.getByRole('group', { name: 'Deployments of Production' });
    const watched = within(group).getByRole('checkbox', { name: /factory-broker/ });
    expect(watched).toBeChecked();
    expect(watched).toBeDisabled();
    expect(within(group).getByText('already watched')).toBeInTheDocument();
    const lab = within(group).getByRole('checkbox', { name: /lab-broker/ });
    expect(lab).toHaveAccessibleName(/k2m3n4p5 · Serverless · eu-west-1 · Stopped/);
    const addSelected = within(group).getByRole('button', { name: 'Add selected (0)' });
    expect(addSelected).toBeDisabled();
    await user.click(lab);
    await user.click(within(group).getByRole('button', { name: 'Add selected (1)' }));
    expect(api.calls('deployment.add')).toEqual([{ accountId: 'acc-1', deploymentId: 'k2m3n4p5' }]);
    expect(screen.getByTestId('live-region')).toHaveTextContent('Now watching 1 more.');
  });

  it('says so when the API cannot list deployments', async () => {
    const api = new FakeApi(makeSnapshot()).answer('deployments.available', {
      ok: true,
      value: { supported: false },
    });
    const { user } = await renderApp(api);
    await user.click(screen.getByRole('button', { name: 'Add deployments' }));
    await user.click(screen.getByRole('button', { name: 'Show the deployments of this account' }));
    expect(
      screen.getByText(/cannot list deployments\. Type a deployment ID below/),
    ).toBeInTheDocument();
  });

  it('shows the list as loading and says why it failed', async () => {
    const api = new FakeApi(makeSnapshot());
    const held = api.hold('deployments.available');
    const { user } = await renderApp(api);
    await user.click(screen.getByRole('button', { name: 'Add deployments' }));
    await user.click(screen.getByRole('button', { name: 'Show the deployments of this account' }));
    const loading = screen.getByRole('button', { name: 'Loading…' });
    expect(loading).toHaveAttribute('aria-busy', 'true');
    await held.resolve({
      ok: false,
      error: {
        code: 'RateLimited',
        problem: { kind: 'RateLimited', message: '429', at: NOW, retryAt: NOW + 20 * MINUTE },
      },
    });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'EMQX Cloud’s request limit is reached. Checks resume at 09:50.',
    );
  });

  it('adds a typed ID on Enter, showing the check as pending', async () => {
    const api = new FakeApi(makeSnapshot());
    const held = api.hold('deployment.add');
    const { user } = await renderApp(api);
    await user.click(screen.getByRole('button', { name: 'Add deployments' }));
    const input = screen.getByRole('textbox', { name: 'Deployment ID' });
    await user.type(input, ' q1w2e3r4 {Enter}');
    expect(screen.getByRole('button', { name: 'Checking…' })).toHaveAttribute('aria-busy', 'true');
    await user.keyboard('{Enter}');
    expect(api.calls('deployment.add')).toEqual([{ accountId: 'acc-1', deploymentId: 'q1w2e3r4' }]);
    await held.resolve({ ok: true, value: { key: 'acc-1/q1w2e3r4' } });
    expect(input).toHaveValue('');
    expect(screen.getByTestId('live-region')).toHaveTextContent('Now watching q1w2e3r4.');
  });

  it('shows why a typed ID was refused, on the field', async () => {
    const api = new FakeApi(makeSnapshot()).fail('deployment.add', {
      ok: false,
      error: { code: 'errors.invalidDeploymentId' },
    });
    const { user } = await renderApp(api);
    await user.click(screen.getByRole('button', { name: 'Add deployments' }));
    const input = screen.getByRole('textbox', { name: 'Deployment ID' });
    await user.type(input, 'not an id{Enter}');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/That is not a valid deployment ID/);
  });

  it('asks for an ID before sending anything', async () => {
    const { api, user } = await renderApp(makeSnapshot());
    await user.click(screen.getByRole('button', { name: 'Add deployments' }));
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Type a deployment ID first.');
    expect(api.calls('deployment.add')).toHaveLength(0);
  });

  it('closes the add panel with Escape and returns focus to its button', async () => {
    const { user } = await renderApp(makeSnapshot());
    const open = screen.getByRole('button', { name: 'Add deployments' });
    await user.click(open);
    expect(open).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('textbox', { name: 'Deployment ID' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Add deployments' })).not.toBeInTheDocument();
    expect(open).toHaveFocus();
  });

  it('picks the account first when there are several', async () => {
    const accounts = [makeAccount(), makeAccount({ id: 'acc-2', label: 'Staging' })];
    const { api, user } = await renderApp(makeSnapshot({ accounts }));
    await user.click(screen.getByRole('button', { name: 'Add deployments' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Account' }), 'Staging');
    await user.type(screen.getByRole('textbox', { name: 'Deployment ID' }), 'abc12345{Enter}');
    expect(api.calls('deployment.add')).toEqual([{ accountId: 'acc-2', deploymentId: 'abc12345' }]);
  });

  it('counts a deployment as watched as soon as a snapshot says so', async () => {
    const api = new FakeApi(makeSnapshot()).answer('deployments.available', available);
    const { user } = await renderApp(api);
    await user.click(screen.getByRole('button', { name: 'Add deployments' }));
    await user.click(screen.getByRole('button', { name: 'Show the deployments of this account' }));
    api.push(
      next(api.snapshot, {
        deployments: [makeDeployment(), makeDeployment({ id: 'k2m3n4p5', name: 'lab-broker' })],
      }),
    );
    const group = screen.getByRole('group', { name: 'Deployments of Production' });
    expect(within(group).getByRole('checkbox', { name: /lab-broker/ })).toBeDisabled();
  });
});

import { screen, within } from '@testing-library/react';
import type { DeploymentView } from '../../electron/shared/model';
import { FakeApi } from './support/fake-api';
import { renderApp, rowButton } from './support/render-app';
import {
  makeAccount,
  makeBudget,
  makeDeployment,
  makeFields,
  makeSnapshot,
  MINUTE,
  next,
  NOW,
} from './support/snapshots';

async function openDetails(deployment: DeploymentView = makeDeployment(), api?: FakeApi) {
  const fake = api ?? new FakeApi(makeSnapshot({ deployments: [deployment] }));
  const rendered = await renderApp(fake);
  await rendered.user.click(rowButton(deployment.name));
  return rendered;
}

const fieldsList = () =>
  screen.getByRole('heading', { name: 'Details' }).nextElementSibling as HTMLElement;
const valueOf = (label: string) => {
  const term = within(fieldsList()).getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent;
};

describe('details', () => {
  it('shows every field, extra ones included', async () => {
    const deployment = makeDeployment({
      fields: makeFields({
        connections: 10000,
        projectName: 'Default project',
        version: '5.8.1',
        tps: 2500,
        extra: { clusterName: 'c-1', tags: ['a', 'b'] },
      }),
    });
    await openDetails(deployment);
    expect(screen.getByRole('heading', { level: 1, name: 'factory-broker' })).toHaveFocus();
    expect(valueOf('ID')).toBe('w41b11c0');
    expect(valueOf('Type')).toBe('Dedicated');
    expect(valueOf('Status reported')).toBe('Running');
    expect(valueOf('Connections (plan capacity)')).toBe('10,000');
    expect(valueOf('Created')).toBe('2024-07-22 05:32');
    expect(valueOf('Platform')).toBe('AWS');
    expect(valueOf('Region')).toBe('N. Virginia (us-east-1)');
    expect(valueOf('Project')).toBe('Default project');
    expect(valueOf('Version')).toBe('5.8.1');
    expect(valueOf('TPS')).toBe('2,500');
    expect(valueOf('clusterName')).toBe('c-1');
    expect(valueOf('tags')).toBe('["a","b"]');
    expect(valueOf('Account')).toBe('Production');
    expect(valueOf('Last checked')).toBe('2 min. ago (Jan 15, 2026, 09:28)');
  });

  it('leaves out the rows of fields the API did not give, instead of a 0 or a blank', async () => {
    const deployment = makeDeployment({
      fields: makeFields({
        deploymentType: '',
        connections: 0,
        createAt: '',
        region: '',
        missingFields: ['deploymentType', 'connections', 'createAt', 'region'],
        // Sent with a type the client could not use: kept as the API wrote it.
        extra: { connections: 'lots' },
      }),
    });
    await openDetails(deployment);
    const terms = within(fieldsList())
      .getAllByRole('term')
      .map((dt) => dt.textContent);
    expect(terms).toEqual([
      'Account',
      'Last checked',
      'ID',
      'Status reported',
      'Platform',
      'connections',
    ]);
    expect(valueOf('Platform')).toBe('AWS');
    expect(valueOf('connections')).toBe('lots');
    expect(within(fieldsList()).queryByText('0')).not.toBeInTheDocument();
  });

  it('shows a 0 the API did send', async () => {
    await openDetails(
      makeDeployment({ fields: makeFields({ connections: 0, missingFields: [] }) }),
    );
    expect(valueOf('Connections (plan capacity)')).toBe('0');
  });

  it('shows an unknown status verbatim', async () => {
    await openDetails(
      makeDeployment({ statusKind: 'unknown', fields: makeFields({ status: 'hibernating' }) }),
    );
    expect(valueOf('Status reported')).toBe('Unknown (hibernating)');
    expect(screen.getByRole('heading', { level: 1 }).nextElementSibling).toHaveTextContent(
      '?Unknown (hibernating)',
    );
  });

  it('lists recent changes, newest first, with the ones you asked for marked', async () => {
    const deployment = makeDeployment({
      transitions: [
        { at: NOW - 90 * MINUTE, from: null, to: 'running', userInitiated: false },
        { at: NOW - 60 * MINUTE, from: 'running', to: 'stopping', userInitiated: true },
        { at: NOW - 55 * MINUTE, from: 'stopping', to: 'stopped', userInitiated: false },
      ],
    });
    await openDetails(deployment);
    const items = within(screen.getByRole('list', { name: 'Recent changes' })).getAllByRole(
      'listitem',
    );
    expect(items.map((li) => li.textContent)).toEqual([
      'Jan 15, 2026, 08:35Stopping → Stopped',
      'Jan 15, 2026, 08:30Running → Stoppingby you',
      'Jan 15, 2026, 08:00Running',
    ]);
  });

  it('says when it has nothing yet', async () => {
    await openDetails(
      makeDeployment({
        statusKind: 'unchecked',
        fields: undefined,
        checkedAt: undefined,
        start: { allowed: false, reason: 'not-checked' },
        stop: { allowed: false, reason: 'not-checked' },
      }),
    );
    expect(screen.getByText('More details appear after the first successful check.')).toBeVisible();
    expect(screen.getByText('No changes seen yet.')).toBeVisible();
    expect(valueOf('ID')).toBe('w41b11c0');
    expect(screen.getByRole('button', { name: 'Start' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Stop' })).toHaveAccessibleDescription(
      'Available once the status has been checked',
    );
  });

  it('says once when a disabled Start becomes available, and describes the button with it', async () => {
    const deployment = makeDeployment({
      statusKind: 'stopped',
      fields: makeFields({ status: 'stopped' }),
      start: { allowed: false, reason: 'window', availableAt: NOW + 40 * MINUTE },
      stop: { allowed: false, reason: 'wrong-state', status: 'stopped' },
    });
    await openDetails(deployment);
    const start = screen.getByRole('button', { name: 'Start' });
    expect(start).toBeDisabled();
    const line =
      'This account can start or stop a deployment again at 10:10 (once every 60 minutes).';
    expect(start).toHaveAccessibleDescription(line);
    expect(screen.getByText(line)).toBeVisible();
    const details = screen.getByRole('region', { name: 'factory-broker' });
    expect(within(details).getAllByText(/10:10/)).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument();
  });

  it('keeps a reason without a time beside its button', async () => {
    await openDetails(
      makeDeployment({
        start: { allowed: false, reason: 'wrong-state', status: 'running' },
        stop: { allowed: false, reason: 'offline' },
      }),
    );
    expect(screen.getByRole('button', { name: 'Stop' })).toHaveAccessibleDescription(
      'Not available while offline',
    );
    expect(screen.getByText('Not available while offline')).toBeVisible();
  });

  it('says when the hourly start/stop opens again, from the account’s budget', async () => {
    const account = makeAccount({
      budget: makeBudget({
        writes: { limit: 1, used: 1, reserved: 0, nextAllowedAt: NOW + 25 * MINUTE },
      }),
    });
    const api = new FakeApi(makeSnapshot({ accounts: [account] }));
    await openDetails(makeDeployment(), api);
    expect(
      screen.getByText(
        'This account can start or stop a deployment again at 09:55 (once every 60 minutes).',
      ),
    ).toBeVisible();
  });

  it('says until when EMQX Cloud’s limit holds start and stop back', async () => {
    const account = makeAccount({
      budget: makeBudget({
        writes: { limit: 1, used: 0, reserved: 0, rateLimitedUntil: NOW + 12 * MINUTE },
      }),
    });
    const deployment = makeDeployment({
      stop: { allowed: false, reason: 'rate-limited', availableAt: NOW + 12 * MINUTE },
    });
    const api = new FakeApi(makeSnapshot({ accounts: [account], deployments: [deployment] }));
    await openDetails(deployment, api);
    const line = 'EMQX Cloud’s request limit is reached: start or stop possible again at 09:42.';
    expect(screen.getByText(line)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Stop' })).toHaveAccessibleDescription(line);
    // Once in the details; the status bar says it for the whole account as well.
    const details = screen.getByRole('region', { name: 'factory-broker' });
    expect(within(details).getAllByText(/09:42/)).toHaveLength(1);
  });

  it('says start or stop is available now, once every 60 minutes per account', async () => {
    await openDetails();
    expect(
      screen.getByText('Start or stop is available now (once every 60 minutes per account).'),
    ).toBeVisible();
  });

  it('shows an operation in flight', async () => {
    await openDetails(
      makeDeployment({
        statusKind: 'stopping',
        pendingOperation: { op: 'stop', sentAt: NOW - 3 * MINUTE },
        start: { allowed: false, reason: 'in-flight' },
        stop: { allowed: false, reason: 'in-flight' },
      }),
    );
    expect(screen.getByText('Stop sent at 09:27; waiting for EMQX Cloud.')).toBeVisible();
    expect(screen.queryByText(/available now/)).not.toBeInTheDocument();
    // The pending line explains; no disabled Start and Stop repeating one reason.
    expect(screen.queryByRole('button', { name: 'Start' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument();
    expect(screen.queryByText(/already in progress/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeEnabled();
  });

  it('offers neither Start nor Stop while a deployment started elsewhere is starting', async () => {
    await openDetails(
      makeDeployment({
        statusKind: 'starting',
        fields: makeFields({ status: 'starting' }),
        start: { allowed: false, reason: 'wrong-state', status: 'starting' },
        stop: { allowed: false, reason: 'wrong-state', status: 'starting' },
      }),
    );
    expect(screen.queryByText(/available now/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument();
  });

  it('still shows both, with the reason, when neither applies to a failed deployment', async () => {
    await openDetails(
      makeDeployment({
        statusKind: 'failed',
        fields: makeFields({ status: 'failed' }),
        start: { allowed: false, reason: 'wrong-state', status: 'failed' },
        stop: { allowed: false, reason: 'wrong-state', status: 'failed' },
      }),
    );
    expect(screen.getByRole('button', { name: 'Start' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Stop' })).toBeDisabled();
  });

  it('says both that a start is under way and when the next one is possible', async () => {
    const account = makeAccount({
      budget: makeBudget({
        writes: { limit: 1, used: 1, reserved: 0, nextAllowedAt: NOW + 58 * MINUTE },
      }),
    });
    const deployment = makeDeployment({
      statusKind: 'starting',
      fields: makeFields({ status: 'starting' }),
      pendingOperation: { op: 'start', sentAt: NOW - 2 * MINUTE },
      start: { allowed: false, reason: 'in-flight' },
      stop: { allowed: false, reason: 'in-flight' },
    });
    const api = new FakeApi(makeSnapshot({ accounts: [account], deployments: [deployment] }));
    await openDetails(deployment, api);
    expect(
      screen.getByText(
        'Start sent at 09:28; waiting for EMQX Cloud. This account can start or stop a deployment again at 10:28 (once every 60 minutes).',
      ),
    ).toBeVisible();
  });

  it('shows the twenty newest of many changes', async () => {
    const transitions = Array.from({ length: 30 }, (_, i) => ({
      at: NOW - (30 - i) * MINUTE,
      from: i % 2 === 0 ? 'stopped' : 'running',
      to: i % 2 === 0 ? 'running' : 'stopped',
      userInitiated: false,
    }));
    await openDetails(makeDeployment({ transitions }));
    const items = within(screen.getByRole('list', { name: 'Recent changes' })).getAllByRole(
      'listitem',
    );
    expect(items).toHaveLength(20);
    expect(items[0]).toHaveTextContent('Jan 15, 2026, 09:29Running → Stopped');
    expect(items[19]).toHaveTextContent('Jan 15, 2026, 09:10Stopped → Running');
  });

  it('keeps a long name whole for its tooltip and its heading', async () => {
    const name = `edge-${'very-long-'.repeat(12)}broker`;
    await openDetails(makeDeployment({ name }));
    const heading = screen.getByRole('heading', { level: 1, name });
    expect(heading).toHaveAttribute('title', name);
    expect(screen.getByRole('region', { name })).toBeInTheDocument();
  });

  it('marks a stale status with its reason', async () => {
    await openDetails(
      makeDeployment({
        stale: {
          since: NOW - 10 * MINUTE,
          problem: {
            kind: 'ServerError',
            message: 'HTTP 503',
            serverMessage: 'maintenance window',
            at: NOW,
          },
        },
      }),
    );
    expect(screen.getByText(/EMQX Cloud reported a server error/)).toHaveTextContent(
      '(since 09:20)EMQX Cloud said: “maintenance window”',
    );
  });

  it('goes back with Escape and gives the row its focus back', async () => {
    const { user } = await openDetails();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('heading', { name: 'Watched deployments' })).toBeInTheDocument();
    expect(rowButton('factory-broker')).toHaveFocus();
  });

  it('refreshes and opens the console', async () => {
    const api = new FakeApi(makeSnapshot());
    const held = api.hold('deployment.refresh');
    const { user } = await openDetails(makeDeployment(), api);
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    const pending = screen.getByRole('button', { name: 'Checking…' });
    expect(pending).toHaveAttribute('aria-busy', 'true');
    await user.click(pending);
    expect(api.calls('deployment.refresh')).toEqual([
      { accountId: 'acc-1', deploymentId: 'w41b11c0' },
    ]);
    await held.resolve({ ok: true, value: null });
    expect(screen.getByTestId('live-region')).toHaveTextContent('factory-broker checked.');
    await user.click(screen.getByRole('button', { name: 'Open in console' }));
    expect(api.calls('console.open')).toEqual([{ accountId: 'acc-1', deploymentId: 'w41b11c0' }]);
  });

  it('says why a refresh failed', async () => {
    const api = new FakeApi(makeSnapshot()).fail('deployment.refresh', {
      ok: false,
      error: {
        code: 'RateLimited',
        problem: { kind: 'RateLimited', message: '429', at: NOW },
      },
    });
    const { user } = await openDetails(makeDeployment(), api);
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'EMQX Cloud’s request limit is reached. Checks resume automatically once it allows them.',
    );
  });

  it('says when the deployment is no longer watched', async () => {
    const { api } = await openDetails();
    api.push(next(api.snapshot, { deployments: [] }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'This deployment is no longer watched.',
    );
  });

  it('speaks Chinese', async () => {
    const api = new FakeApi(makeSnapshot({ locale: 'zh-CN' }));
    const { user } = await renderApp(api);
    await user.click(rowButton('factory-broker'));
    expect(screen.getByRole('heading', { name: '详细信息' })).toBeInTheDocument();
    expect(screen.getByText('连接数规格')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '停止' }));
    const dialog = screen.getByRole('dialog', { name: '停止部署' });
    expect(dialog).toHaveTextContent('确定要停止“factory-broker”吗？');
    expect(within(dialog).getByRole('button', { name: '取消' })).toHaveFocus();
  });
});

describe('details: start and stop', () => {
  it('asks first, stating the consequence, and sends the confirmed stop', async () => {
    const { api, user } = await openDetails();
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    const dialog = screen.getByRole('dialog', { name: 'Stop deployment' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription(/Every client of this deployment is disconnected/);
    expect(dialog).toHaveAccessibleDescription(/no deployment in this account can be started/);
    expect(dialog).toHaveTextContent('Stop “factory-broker”?');
    // Stopping disconnects clients: the confirm button carries the warning colour.
    expect(within(dialog).getByRole('button', { name: 'Stop' })).toHaveClass('btn--danger');
    expect(api.calls('deployment.operate')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Stop' }));
    expect(api.calls('deployment.operate')).toEqual([
      { accountId: 'acc-1', deploymentId: 'w41b11c0', op: 'stop', confirmed: true },
    ]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByTestId('live-region')).toHaveTextContent('Stop sent for factory-broker.');
  });

  it('starts a stopped deployment after confirmation', async () => {
    const deployment = makeDeployment({
      statusKind: 'stopped',
      fields: makeFields({ status: 'stopped' }),
      start: { allowed: true },
      stop: { allowed: false, reason: 'wrong-state', status: 'stopped' },
    });
    const { api, user } = await openDetails(deployment);
    await user.click(screen.getByRole('button', { name: 'Start' }));
    const dialog = screen.getByRole('dialog', { name: 'Start deployment' });
    expect(dialog).toHaveAccessibleDescription(/Starting takes a few minutes/);
    // Starting harms nothing, so it is the ordinary primary action, not a red one.
    const confirm = within(dialog).getByRole('button', { name: 'Start' });
    expect(confirm).toHaveClass('btn--primary');
    await user.click(confirm);
    expect(api.calls('deployment.operate')).toEqual([
      { accountId: 'acc-1', deploymentId: 'w41b11c0', op: 'start', confirmed: true },
    ]);
  });

  it('cancels with Escape, sends nothing, and puts focus back on the button', async () => {
    const { api, user } = await openDetails();
    const stop = screen.getByRole('button', { name: 'Stop' });
    await user.click(stop);
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(stop).toHaveFocus();
    expect(api.calls('deployment.operate')).toHaveLength(0);
    // The Escape closed the dialog only; the details stay open.
    expect(screen.getByRole('heading', { level: 1, name: 'factory-broker' })).toBeInTheDocument();
  });

  it('keeps focus inside the dialog and the rest of the window inert', async () => {
    const { user } = await openDetails();
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    const dialog = screen.getByRole('dialog');
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    const confirm = within(dialog).getByRole('button', { name: 'Stop' });
    await user.tab();
    expect(confirm).toHaveFocus();
    await user.tab();
    expect(cancel).toHaveFocus();
    await user.tab({ shift: true });
    expect(confirm).toHaveFocus();
    expect(document.querySelector('#root, body > div:not(.dialog-backdrop)')).toHaveAttribute(
      'inert',
    );
  });

  it('sends one operation for two quick clicks, showing it as pending', async () => {
    const api = new FakeApi(makeSnapshot());
    const held = api.hold('deployment.operate');
    const { user } = await openDetails(makeDeployment(), api);
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    const confirm = within(screen.getByRole('dialog')).getByRole('button', { name: 'Stop' });
    await user.dblClick(confirm);
    const sending = within(screen.getByRole('dialog')).getByRole('button', { name: 'Sending…' });
    expect(sending).toHaveAttribute('aria-busy', 'true');
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(api.calls('deployment.operate')).toHaveLength(1);
    await held.resolve({ ok: true, value: { sent: true } });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('says in the dialog why the cloud refused', async () => {
    const api = new FakeApi(makeSnapshot()).fail('deployment.operate', {
      ok: false,
      error: {
        code: 'InvalidState',
        problem: {
          kind: 'InvalidState',
          message: '422',
          at: NOW,
          serverMessage: 'deployment busy',
        },
      },
    });
    const { user } = await openDetails(makeDeployment(), api);
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Stop' }));
    const alert = within(screen.getByRole('dialog')).getByRole('alert');
    expect(alert).toHaveTextContent('EMQX Cloud refused because the deployment is not in a state');
    expect(alert).toHaveTextContent('EMQX Cloud said: “deployment busy”');
  });
});

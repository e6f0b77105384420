import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { CommandResponses, ConnectionHint } from '../../electron/shared/contract';
import type { ProblemKind } from '../../electron/shared/model';
import { FakeApi } from './support/fake-api';
import { renderApp } from './support/render-app';
import { makeAccount, makeDeployment, makeSnapshot, next, NOW } from './support/snapshots';

const firstRun = () => makeSnapshot({ accounts: [], deployments: [] });

async function fillIn(user: UserEvent, key = 'key-abc', secret = 's3cret') {
  await user.type(screen.getByRole('textbox', { name: 'API key' }), key);
  await user.type(screen.getByLabelText('Secret'), secret);
}

/** What `account.add` answers when the credentials do not work. */
interface Refusal {
  code: string;
  kind: ProblemKind;
  hint?: ConnectionHint;
}

function failedTest(
  kind: ProblemKind,
  hint?: ConnectionHint,
  extra: { field?: string; serverMessage?: string; retryAt?: number } = {},
): { ok: true; value: CommandResponses['account.test'] } {
  return {
    ok: true,
    value: {
      ok: false,
      problem: { kind, message: kind, at: NOW, ...extra },
      ...(hint ? { hint } : {}),
    },
  };
}

describe('setup: first run', () => {
  it('asks for the account and offers the demo, clearly labelled', async () => {
    await renderApp(firstRun());
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Connect your EMQX Cloud account',
    );
    expect(screen.getByText(/Settings → Platform API Key/)).toBeVisible();
    // Each preset names its host, so the choice can be matched to the console's address.
    expect(
      screen.getByRole('radio', { name: 'International (cloud-intl.emqx.com)' }),
    ).toBeChecked();
    expect(screen.getByRole('radio', { name: 'China (cloud.emqx.com)' })).not.toBeChecked();
    expect(screen.getByLabelText('Secret')).toHaveAttribute('type', 'password');
    const demo = screen.getByRole('complementary', { name: 'Just looking?' });
    expect(demo).toHaveTextContent('simulated EMQX Cloud');
    expect(within(demo).getByRole('button', { name: 'Try the demo' })).toBeVisible();
  });

  it('tests the connection and reports how many deployments the key sees', async () => {
    const api = new FakeApi(firstRun()).answer('account.test', {
      ok: true,
      value: { ok: true, deploymentCount: 3 },
    });
    const { user } = await renderApp(api);
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(api.calls('account.test')).toEqual([
      { site: 'international', key: 'key-abc', secret: 's3cret' },
    ]);
    expect(screen.getByText('Connected: 3 deployments visible.', { selector: 'p' })).toHaveClass(
      'success',
    );
    expect(screen.getByTestId('live-region')).toHaveTextContent(
      'Connected: 3 deployments visible.',
    );
  });

  it('shows the test as pending and runs it once for two quick clicks', async () => {
    const api = new FakeApi(firstRun());
    const held = api.hold('account.test');
    const { user } = await renderApp(api);
    await fillIn(user);
    await user.dblClick(screen.getByRole('button', { name: 'Test connection' }));
    expect(screen.getByRole('button', { name: 'Testing…' })).toHaveAttribute('aria-busy', 'true');
    expect(api.calls('account.test')).toHaveLength(1);
    await held.resolve({ ok: true, value: { ok: true, deploymentCount: 1 } });
    expect(screen.getByText('Connected: 1 deployment visible.', { selector: 'p' })).toHaveClass(
      'success',
    );
  });

  it.each([
    [
      failedTest('AuthFailed', 'app-id-not-platform-key'),
      /looks like a deployment App ID, not a Platform API key.*Settings → Platform API Key/,
    ],
    [
      failedTest('AuthFailed'),
      /The key or secret was not accepted\. Check both.*Also check that Site matches the console/,
    ],
    [
      failedTest('Forbidden', 'check-scope'),
      /lacks a permission.*Functionality Scope.*Deployment Management.*Project Scope/,
    ],
    [failedTest('NetworkError'), /could not be reached\. Check your internet connection/],
    [failedTest('Timeout'), /could not be reached/],
    [failedTest('BadResponse', 'check-base-url'), /base URL does not look right.*\/public_api\/v1/],
    [failedTest('InvalidInput', undefined, { field: 'baseUrl' }), /base URL does not look right/],
    [
      failedTest('ServerError', undefined, { serverMessage: 'upstream down' }),
      /reported a server error/,
    ],
    [
      failedTest('RateLimited', undefined, { retryAt: NOW + 15 * 60_000 }),
      /request limit is reached\. Checks resume at 09:45\./,
    ],
  ])('explains a failed test in words that say what to do (%#)', async (answer, text) => {
    const api = new FakeApi(firstRun()).answer('account.test', answer);
    const { user } = await renderApp(api);
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(screen.getByText(text, { selector: 'p' })).toHaveClass('error');
  });

  it('adds the server’s own words to a failed test', async () => {
    const api = new FakeApi(firstRun()).answer(
      'account.test',
      failedTest('ServerError', undefined, { serverMessage: 'upstream down' }),
    );
    const { user } = await renderApp(api);
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(screen.getByText(/reported a server error/, { selector: 'p' })).toHaveTextContent(
      'EMQX Cloud said: “upstream down”',
    );
  });

  it('shows a rejected request in words', async () => {
    const api = new FakeApi(firstRun()).fail('account.test', {
      ok: false,
      error: { code: 'errors.invalidBaseUrl' },
    });
    const { user } = await renderApp(api);
    await user.click(screen.getByRole('radio', { name: 'Custom' }));
    await user.type(screen.getByRole('textbox', { name: 'Base URL' }), 'http://example.test');
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(api.calls('account.test')).toEqual([
      { site: 'custom', baseUrl: 'http://example.test', key: 'key-abc', secret: 's3cret' },
    ]);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The base URL must start with https:// and end with /public_api/v1.',
    );
  });

  it.each<[Refusal, RegExp]>([
    [
      { code: 'AuthFailed', kind: 'AuthFailed' },
      /The key or secret was not accepted\. Check both.*Also check that Site matches the console/,
    ],
    [
      { code: 'Forbidden', kind: 'Forbidden', hint: 'check-scope' },
      /lacks a permission.*Functionality Scope.*Deployment Management.*Project Scope/,
    ],
    [
      { code: 'AuthFailed', kind: 'AuthFailed', hint: 'app-id-not-platform-key' },
      /looks like a deployment App ID/,
    ],
    [
      { code: 'NotFound', kind: 'NotFound', hint: 'check-base-url' },
      /base URL does not look right/,
    ],
    [{ code: 'NetworkError', kind: 'NetworkError' }, /could not be reached/],
  ])(
    'explains a refused connect as the test would, nothing else shown (%#)',
    async (refusal, text) => {
      const api = new FakeApi(firstRun())
        .answer('account.test', failedTest(refusal.kind, refusal.hint))
        .fail('account.add', {
          ok: false,
          error: {
            code: refusal.code,
            problem: { kind: refusal.kind, message: refusal.kind, at: NOW, serverMessage: 'nope' },
            ...(refusal.hint ? { hint: refusal.hint } : {}),
          },
        });
      const { user } = await renderApp(api);
      await fillIn(user);
      await user.click(screen.getByRole('button', { name: 'Test connection' }));
      await user.click(screen.getByRole('button', { name: 'Connect' }));
      expect(api.calls('account.add')).toHaveLength(1);
      const alert = screen.getByRole('alert');
      expect(alert).toHaveTextContent(text);
      expect(alert).toHaveTextContent('EMQX Cloud said: “nope”');
      // Said once: the test's own line gave way to the connect's answer.
      expect(screen.getAllByText(text, { selector: 'p' })).toHaveLength(1);
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
        'Connect your EMQX Cloud account',
      );
    },
  );

  it('asks for what is missing before sending anything', async () => {
    const { api, user } = await renderApp(firstRun());
    await user.click(screen.getByRole('radio', { name: 'Custom' }));
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Enter the base URL.');
    expect(alert).toHaveTextContent('Enter the API key.');
    expect(alert).toHaveTextContent('Enter the secret.');
    expect(screen.getByRole('textbox', { name: 'API key' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(api.calls('account.add')).toHaveLength(0);
  });

  it('connects on Enter, with the optional name', async () => {
    const { api, user } = await renderApp(firstRun());
    await user.click(screen.getByRole('radio', { name: 'China (cloud.emqx.com)' }));
    await user.type(
      screen.getByRole('textbox', { name: 'Name for this account (optional)' }),
      'Plant',
    );
    await fillIn(user, 'key-abc', 's3cret{Enter}');
    expect(api.calls('account.add')).toEqual([
      { site: 'china', key: 'key-abc', secret: 's3cret', label: 'Plant' },
    ]);
    expect(screen.getByTestId('live-region')).toHaveTextContent('Account connected.');
  });

  it('shows connecting as pending and sends one add for a double Enter', async () => {
    const api = new FakeApi(firstRun());
    const held = api.hold('account.add');
    const { user } = await renderApp(api);
    await fillIn(user, 'key-abc', 's3cret{Enter}{Enter}');
    expect(screen.getByRole('button', { name: 'Connecting…' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
    expect(api.calls('account.add')).toHaveLength(1);
    await held.resolve({ ok: true, value: { accountId: 'acc-1', sessionOnly: false } });
  });

  it('shows and hides the secret', async () => {
    const { user } = await renderApp(firstRun());
    const secret = screen.getByLabelText('Secret');
    const toggle = screen.getByRole('button', { name: 'Show the secret' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(secret).toHaveAttribute('type', 'text');
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(toggle).toHaveTextContent('Hide');
    await user.click(toggle);
    expect(secret).toHaveAttribute('type', 'password');
  });

  it('offers session-only when the keychain refuses, and explains the secret is forgotten at quit', async () => {
    const api = new FakeApi(firstRun()).answer('account.add', (request) =>
      request.sessionOnly
        ? { ok: true, value: { accountId: 'acc-1', sessionOnly: true } }
        : {
            ok: false,
            error: {
              code: 'KeychainUnavailable',
              problem: { kind: 'KeychainUnavailable', message: 'no secret service', at: NOW },
            },
          },
    );
    const { user } = await renderApp(api);
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
    await fillIn(user, 'key-abc', 's3cret{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('The system keychain is not available');
    const note = screen.getByRole('note');
    expect(note).toHaveTextContent('forgotten when the app quits');
    await user.click(
      within(note).getByRole('checkbox', { name: 'Keep the secret for this session only' }),
    );
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(api.calls('account.add')).toEqual([
      { site: 'international', key: 'key-abc', secret: 's3cret', label: '' },
      { site: 'international', key: 'key-abc', secret: 's3cret', label: '', sessionOnly: true },
    ]);
  });

  it('offers session-only up front when a notice says the keychain is missing', async () => {
    await renderApp(
      makeSnapshot({
        accounts: [],
        deployments: [],
        notices: [{ id: 'k', kind: 'keychain-unavailable', at: NOW, params: {} }],
      }),
    );
    expect(within(screen.getByRole('note')).getByRole('checkbox')).not.toBeChecked();
  });

  it('starts the demo', async () => {
    const api = new FakeApi(firstRun());
    const held = api.hold('demo.start');
    const { user } = await renderApp(api);
    await user.click(screen.getByRole('button', { name: 'Try the demo' }));
    expect(screen.getByRole('button', { name: 'Starting the demo…' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
    expect(api.calls('demo.start')).toEqual([{}]);
    await held.resolve({ ok: false, error: { code: 'errors.unknown' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong. Please try again.');
  });

  it('speaks Chinese', async () => {
    await renderApp(makeSnapshot({ locale: 'zh-CN', accounts: [], deployments: [] }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('连接 EMQX Cloud 账号');
    expect(screen.getByRole('radio', { name: '国际站（cloud-intl.emqx.com）' })).toBeChecked();
    expect(screen.getByRole('button', { name: '测试连接' })).toBeVisible();
    expect(screen.getByRole('button', { name: '试用演示' })).toBeVisible();
  });
});

describe('setup: adding another account', () => {
  it('opens from Settings, has no demo, and Escape goes back', async () => {
    const { user } = await renderApp(makeSnapshot());
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Add an account');
    expect(screen.queryByRole('button', { name: 'Try the demo' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('textbox', { name: 'API key' }));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Settings');
  });

  it('returns to the deployments once connected', async () => {
    const { api, user } = await renderApp(makeSnapshot());
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    await fillIn(user, 'key-2', 'secret-2{Enter}');
    expect(api.calls('account.add')).toHaveLength(1);
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent('Watched deployments');
    expect(heading).toHaveFocus();
  });
});

describe('setup: focus after connecting', () => {
  const connectedSnapshot = (api: FakeApi) =>
    next(api.snapshot, { accounts: [makeAccount()], deployments: [makeDeployment()] });

  it('moves to the list’s heading when the account’s snapshot comes after the answer', async () => {
    const api = new FakeApi(firstRun());
    const held = api.hold('account.add');
    const { user } = await renderApp(api);
    await fillIn(user, 'key-abc', 's3cret{Enter}');
    await held.resolve({ ok: true, value: { accountId: 'acc-1', sessionOnly: false } });
    api.push(connectedSnapshot(api));
    const heading = screen.getByRole('heading', { level: 1, name: 'Watched deployments' });
    expect(heading).toHaveFocus();
    expect(document.body).not.toHaveFocus();
  });

  it('moves to the list’s heading when the snapshot came first', async () => {
    const api = new FakeApi(firstRun());
    const held = api.hold('account.add');
    const { user } = await renderApp(api);
    await fillIn(user, 'key-abc', 's3cret{Enter}');
    api.push(connectedSnapshot(api));
    await held.resolve({ ok: true, value: { accountId: 'acc-1', sessionOnly: false } });
    expect(screen.getByRole('heading', { level: 1, name: 'Watched deployments' })).toHaveFocus();
  });
});

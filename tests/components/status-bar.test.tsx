import { act, screen, within } from '@testing-library/react';
import { renderApp, renderAppWithFakeTimers } from './support/render-app';
import { makeAccount, makeBudget, makeSnapshot, MINUTE, next, NOW } from './support/snapshots';

const statusBar = () => screen.getByRole('contentinfo', { name: 'Status' });

describe('status bar', () => {
  it('shows the reads left this hour and when the next check is', async () => {
    await renderApp(makeSnapshot());
    expect(statusBar()).toHaveTextContent('Checks left this hour: 48 of 60');
    expect(statusBar()).toHaveTextContent('Next check in 3 min.');
  });

  it('says until when a 429 holds checks back, instead of the next check', async () => {
    const account = makeAccount({
      budget: makeBudget({
        reads: { limit: 60, used: 60, reserved: 0, rateLimitedUntil: NOW + 45 * MINUTE },
      }),
    });
    await renderApp(makeSnapshot({ accounts: [account] }));
    expect(statusBar()).toHaveTextContent('Checks left this hour: 0 of 60');
    expect(statusBar()).toHaveTextContent('Rate limited until 10:15');
    expect(statusBar()).not.toHaveTextContent('Next check');
  });

  it('names each account when there are several', async () => {
    const accounts = [
      makeAccount(),
      makeAccount({
        id: 'acc-2',
        label: 'Staging',
        budget: makeBudget({ reads: { limit: 60, used: 59, reserved: 0 } }),
      }),
    ];
    await renderApp(makeSnapshot({ accounts }));
    const items = within(statusBar()).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('ProductionChecks left this hour: 48 of 60');
    expect(items[1]).toHaveTextContent('StagingChecks left this hour: 1 of 60');
  });

  it('says when the computer is offline or asleep, and when a key seems shared', async () => {
    const account = makeAccount({ budget: makeBudget({ sharedKeySuspected: true }) });
    const { api } = await renderApp(makeSnapshot({ accounts: [account] }));
    expect(statusBar()).toHaveTextContent(
      'This API key seems to be used elsewhere too, so checks were slowed. Give this app its own Platform API key.',
    );
    expect(statusBar()).not.toHaveTextContent('Offline');
    api.push(next(api.snapshot, { online: false, suspended: true }));
    expect(statusBar()).toHaveTextContent('Offline: checks paused');
    expect(statusBar()).toHaveTextContent('Paused while the computer sleeps');
  });

  it('speaks Chinese', async () => {
    await renderApp(makeSnapshot({ locale: 'zh-CN' }));
    expect(screen.getByRole('contentinfo', { name: '状态' })).toHaveTextContent(
      '本小时剩余检查次数：48 / 60',
    );
  });

  describe('on a fake clock', () => {
    beforeEach(() => {
      vi.useFakeTimers({ now: NOW });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('re-renders relative times every 30 seconds without asking the app', async () => {
      const { api } = await renderAppWithFakeTimers(makeSnapshot());
      expect(statusBar()).toHaveTextContent('Next check in 3 min.');
      expect(screen.getByText('Checked 2 min. ago')).toBeInTheDocument();
      const calls = api.invocations.length;
      act(() => {
        vi.advanceTimersByTime(60_000);
      });
      expect(statusBar()).toHaveTextContent('Next check in 2 min.');
      expect(screen.getByText('Checked 3 min. ago')).toBeInTheDocument();
      expect(api.invocations).toHaveLength(calls);
    });

    it('says a check due within the minute is ahead, not past', async () => {
      await renderAppWithFakeTimers(makeSnapshot());
      act(() => {
        vi.advanceTimersByTime(150_000);
      });
      expect(statusBar()).toHaveTextContent('Next check in under a minute');
      expect(statusBar()).not.toHaveTextContent('just now');
    });
  });
});

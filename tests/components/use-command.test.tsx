import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ApiProvider } from '../../renderer/app/api-context';
import { useCommand } from '../../renderer/app/use-command';
import { FakeApi } from './support/fake-api';
import { makeSnapshot } from './support/snapshots';

function setup(api: FakeApi) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApiProvider api={api}>{children}</ApiProvider>
  );
  return renderHook(() => useCommand('deployment.refresh'), { wrapper });
}

describe('useCommand', () => {
  it('sends once when run twice in the same frame, before any re-render', async () => {
    const api = new FakeApi(makeSnapshot());
    const held = api.hold('deployment.refresh');
    const { result } = setup(api);
    let second: unknown;
    act(() => {
      void result.current.run({});
      second = result.current.run({});
    });
    await expect(second).resolves.toBeNull();
    expect(api.calls('deployment.refresh')).toHaveLength(1);
    expect(result.current.pending).toBe(true);
    await held.resolve({ ok: true, value: null });
    expect(result.current.pending).toBe(false);
  });

  it('keeps the error as data and clears it on the next run', async () => {
    const api = new FakeApi(makeSnapshot()).fail('deployment.refresh', {
      ok: false,
      error: { code: 'Offline' },
    });
    const { result } = setup(api);
    await act(() => result.current.run({}));
    expect(result.current.error).toEqual({ code: 'Offline' });
    api.answer('deployment.refresh', { ok: true, value: null });
    await act(() => result.current.run({}));
    expect(result.current.error).toBeNull();
  });

  it('turns a failing bridge into an error in words', async () => {
    const api = new FakeApi(makeSnapshot()).answer('deployment.refresh', () => {
      throw new Error('socket closed');
    });
    const { result } = setup(api);
    const outcome = await act(() => result.current.run({}));
    expect(outcome).toEqual({ ok: false, error: { code: 'errors.unknown' } });
    expect(result.current.error).toEqual({ code: 'errors.unknown' });
    expect(result.current.pending).toBe(false);
  });
});

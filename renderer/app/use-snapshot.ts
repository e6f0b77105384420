// The controller's state as the window shows it: the newest snapshot by revision, whether it
// came from the initial `state.get` or a push. Nothing here asks again on its own.
import { useCallback, useEffect, useState } from 'react';
import type { CommandError } from '../../electron/shared/contract';
import type { AppSnapshot } from '../../electron/shared/model';
import { useApi } from './api-context';

export interface SnapshotState {
  snapshot: AppSnapshot;
  /** Wall-clock time this window received it, to age `snapshot.now` between pushes. */
  receivedAt: number;
}

export interface SnapshotSource {
  state: SnapshotState | null;
  loadError: CommandError | null;
  reload: () => void;
}

export function useSnapshot(): SnapshotSource {
  const api = useApi();
  const [state, setState] = useState<SnapshotState | null>(null);
  const [loadError, setLoadError] = useState<CommandError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    const accept = (snapshot: AppSnapshot) => {
      if (!active) return;
      const receivedAt = Date.now();
      setState((prev) =>
        prev && prev.snapshot.revision >= snapshot.revision ? prev : { snapshot, receivedAt },
      );
    };
    // Subscribe first so a push that races the initial read is not lost.
    const unsubscribe = api.onState(accept);
    api.invoke('state.get', {}).then(
      (result) => {
        if (!active) return;
        if (result.ok) accept(result.value);
        else setLoadError(result.error);
      },
      () => {
        if (active) setLoadError({ code: 'errors.unknown' });
      },
    );
    return () => {
      active = false;
      unsubscribe();
    };
  }, [api, attempt]);

  const reload = useCallback(() => {
    setLoadError(null);
    setAttempt((n) => n + 1);
  }, []);

  return { state, loadError, reload };
}

// One command behind one control: a pending flag set on the click itself (feedback at once),
// a guard that drops a second submission while the first is in flight, and the error in data.
import { useCallback, useRef, useState } from 'react';
import type {
  CommandError,
  CommandName,
  CommandRequest,
  CommandResult,
} from '../../electron/shared/contract';
import { useApi } from './api-context';

export interface Command<C extends CommandName> {
  /** Resolves to null when a previous run is still pending (nothing was sent). */
  run: (request: CommandRequest<C>) => Promise<CommandResult<C> | null>;
  pending: boolean;
  error: CommandError | null;
  clearError: () => void;
}

export function useCommand<C extends CommandName>(command: C): Command<C> {
  const api = useApi();
  // A ref, not state: two clicks in the same frame both see the state before either render.
  const inFlight = useRef(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<CommandError | null>(null);

  const run = useCallback(
    async (request: CommandRequest<C>): Promise<CommandResult<C> | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      setPending(true);
      setError(null);
      try {
        const result = await api.invoke(command, request);
        if (!result.ok) setError(result.error);
        return result;
      } catch {
        // The bridge itself failed (e.g. the window outlived main); say so in the usual words.
        const failure: CommandError = { code: 'errors.unknown' };
        setError(failure);
        return { ok: false, error: failure };
      } finally {
        inFlight.current = false;
        setPending(false);
      }
    },
    [api, command],
  );

  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}

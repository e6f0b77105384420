// One polite live region for the whole window: status changes and the outcome of actions are
// read out without moving focus.
import { createContext, useCallback, useContext, useRef, type ReactNode } from 'react';

type Announce = (message: string) => void;

const AnnouncerContext = createContext<Announce>(() => undefined);

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const region = useRef<HTMLDivElement>(null);
  const announce = useCallback<Announce>((message) => {
    // Written to the DOM directly: a re-render per announcement would be wasted work.
    if (region.current) region.current.textContent = message;
  }, []);
  return (
    <AnnouncerContext value={announce}>
      {children}
      <div
        ref={region}
        className="visually-hidden"
        role="status"
        aria-live="polite"
        data-testid="live-region"
      />
    </AnnouncerContext>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnouncerContext);
}

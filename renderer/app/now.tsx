// "Now" for relative times: the controller's clock from the snapshot, aged by the wall time
// since it arrived, re-rendered every 30 s. Rendering only: nothing is asked of the app.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

export const RELATIVE_TIME_REFRESH_MS = 30_000;

const NowContext = createContext<number>(0);

interface Tick {
  receivedAt: number;
  wall: number;
}

export function NowProvider(props: {
  snapshotNow: number;
  receivedAt: number;
  children: ReactNode;
}) {
  const { snapshotNow, receivedAt, children } = props;
  const [tick, setTick] = useState<Tick | null>(null);

  useEffect(() => {
    const id = setInterval(
      () => setTick({ receivedAt, wall: Date.now() }),
      RELATIVE_TIME_REFRESH_MS,
    );
    return () => clearInterval(id);
  }, [receivedAt]);

  // A tick from before the latest snapshot would age the new one by the old one's age.
  const elapsed = tick && tick.receivedAt === receivedAt ? Math.max(0, tick.wall - receivedAt) : 0;
  return <NowContext value={snapshotNow + elapsed}>{children}</NowContext>;
}

export function useNow(): number {
  return useContext(NowContext);
}

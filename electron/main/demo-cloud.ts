// "Try the demo": the built-in simulator in this process, on loopback, with transitions short
// enough to watch a start or stop finish.
import type { DemoCloud } from '../core/app/controller-types';
import { DEFAULT_KEY, DEFAULT_SECRET, startSimulatorServer } from '../simulator';

export const DEMO_START_SECONDS = 20;
export const DEMO_STOP_SECONDS = 15;

export async function startDemoCloud(): Promise<DemoCloud> {
  const server = await startSimulatorServer({
    host: '127.0.0.1',
    port: 0,
    key: DEFAULT_KEY,
    secret: DEFAULT_SECRET,
    startSeconds: DEMO_START_SECONDS,
    stopSeconds: DEMO_STOP_SECONDS,
  });
  return {
    baseUrl: server.url,
    key: DEFAULT_KEY,
    secret: DEFAULT_SECRET,
    stop: () => server.close(),
  };
}

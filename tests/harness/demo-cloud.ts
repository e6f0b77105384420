// "Try the demo" in the headless shell: the same built-in simulator the Electron shell starts,
// on a free loopback port, with its well-known demo credentials.
import type { DemoCloud } from '../../electron/core/app/controller-types';
import {
  DEFAULT_KEY,
  DEFAULT_SECRET,
  startSimulatorServer,
  type SimulatorServerOptions,
} from '../../electron/simulator';

export async function startDemoSimulator(opts: SimulatorServerOptions = {}): Promise<DemoCloud> {
  const server = await startSimulatorServer({ ...opts, port: 0 });
  return {
    baseUrl: server.url,
    key: opts.key ?? DEFAULT_KEY,
    secret: opts.secret ?? DEFAULT_SECRET,
    stop: () => server.close(),
  };
}

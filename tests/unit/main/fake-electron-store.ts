// electron-store is a thin Electron subclass of `conf` that fills in `cwd` from the app's
// userData; conf does the reading and writing, so the shell's tests run the adapters on conf
// itself: `vi.mock('electron-store', () => import('./fake-electron-store'))`.
import Conf from 'conf';

export default class Store extends Conf<Record<string, unknown>> {
  constructor({ name, ...rest }: { name?: string } & Record<string, unknown>) {
    super({ ...rest, configName: name ?? 'config' });
  }
}

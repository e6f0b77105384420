// The PowerEvents port on powerMonitor: polling pauses while the machine sleeps.
import { powerMonitor } from 'electron';
import type { PowerEvents } from '../core/app/ports';

export function createElectronPowerEvents(): PowerEvents {
  return {
    on(event, listener) {
      const handler = (): void => listener();
      if (event === 'suspend') {
        powerMonitor.on('suspend', handler);
        return () => powerMonitor.off('suspend', handler);
      }
      powerMonitor.on('resume', handler);
      return () => powerMonitor.off('resume', handler);
    },
  };
}

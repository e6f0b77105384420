// The preload (or the test shell's bridge) defines `window.api`; opened anywhere else it is
// missing, which main.tsx reports instead of crashing.
import type { WindowApi } from '../electron/shared/contract';

declare global {
  interface Window {
    api?: WindowApi;
  }
}

export {};

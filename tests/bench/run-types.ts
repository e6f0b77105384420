import type { SimulatedCloud } from '../../electron/simulator/cloud';
import type { Observer } from './observe';

/** What one strategy's run leaves behind for the figures. */
export interface StrategyRun {
  cloud: SimulatedCloud;
  observer: Observer;
  /** User clicks the strategy could not carry out (the app refused or failed): must be 0. */
  userOpsRefused: number;
  /** Clicks dropped because the deployment was mid-transition (same for every strategy). */
  userOpsSkipped: number;
}

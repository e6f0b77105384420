import { describe, expect, it } from 'vitest';
import { STATUS_MARKS } from '../../../electron/shared/status-marks';

describe('status marks', () => {
  it('gives each kind of status its own shape; only the statuses in between share one', () => {
    const inBetween = new Set([STATUS_MARKS.starting, STATUS_MARKS.stopping, STATUS_MARKS.pending]);
    expect(inBetween.size).toBe(1);
    const shapes = [
      STATUS_MARKS.running,
      STATUS_MARKS.stopped,
      STATUS_MARKS.starting,
      STATUS_MARKS.failed,
      STATUS_MARKS.unknown,
      STATUS_MARKS['not-found'],
      STATUS_MARKS.unchecked,
    ];
    expect(new Set(shapes).size).toBe(shapes.length);
  });
});

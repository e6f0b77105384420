import { describe, expect, it } from 'vitest';
import { createScrubber, MIN_SCRUBBED_LENGTH } from '../../../electron/core/log/redact';

describe('scrubbing very short secrets', () => {
  it('leaves ordinary words alone when a secret is shorter than the minimum', () => {
    const scrub = createScrubber(['s']);
    expect(scrub('stopped')).toBe('stopped');
  });

  it('still scrubs a secret of the minimum length', () => {
    const secret = 'x'.repeat(MIN_SCRUBBED_LENGTH);
    expect(createScrubber([secret])(`value ${secret} end`)).toBe('value *** end');
  });
});

// Times in assertions are written for UTC; the renderer uses the system zone, so pin it.
process.env.TZ = 'UTC';

import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = join(__dirname, '..', '..', '..', 'scripts', 'launch-electron.mjs');

describe('launch-electron', () => {
  it('says in one sentence that Electron is unavailable, and exits 1', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-electron-'));
    try {
      const result = spawnSync(process.execPath, [script], {
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toEqual([
        'Electron could not be downloaded here, so the app cannot start on this machine; everything else runs with `npm test`.',
      ]);
      expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

// The core, the simulator and the shared contract must load under plain Node, where
// `require('electron')` tries a download and throws. ESLint enforces this too; this test makes
// `npm test` fail on its own when someone slips an import through.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const platformFree = ['electron/core', 'electron/simulator', 'electron/shared'];
const forbidden = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](electron|electron-store)['"]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

describe('layering', () => {
  it('finds the platform-free sources', () => {
    expect(platformFree.flatMap(sourceFiles).length).toBeGreaterThan(5);
  });

  it.each(platformFree)('%s never imports electron or electron-store', (dir) => {
    const offenders = sourceFiles(dir).filter((f) => forbidden.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('recognises the forbidden import forms', () => {
    expect(forbidden.test("import { app } from 'electron';")).toBe(true);
    expect(forbidden.test('const Store = require("electron-store")')).toBe(true);
    expect(forbidden.test("await import('electron')")).toBe(true);
    expect(forbidden.test("import type { X } from './electron-things';")).toBe(false);
  });
});

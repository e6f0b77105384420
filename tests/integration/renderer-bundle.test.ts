// The production window UI stays small: all of its JavaScript, gzipped, within 150 kB. Measures
// the built dist/renderer (which `npm test` builds first); builds it when it is missing.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT_DIR = join(ROOT, 'dist', 'renderer');
/** kB as the build prints them: 1 kB = 1000 bytes. */
const LIMIT_BYTES = 150 * 1000;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** zlib's default level, the one a web server would use. */
function gzipSize(path: string): number {
  return gzipSync(readFileSync(path)).length;
}

beforeAll(async () => {
  if (!existsSync(join(OUT_DIR, 'index.html'))) {
    await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  }
}, 120_000);

describe('the production renderer bundle', () => {
  it('keeps its JavaScript within 150 kB gzipped', () => {
    const scripts = filesUnder(OUT_DIR).filter((f) => /\.m?js$/.test(f));
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = scripts.map((file) => ({ file: relative(ROOT, file), gzip: gzipSize(file) }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
    console.log(
      [
        ...sizes.map((s) => `renderer bundle: ${s.file} ${kB(s.gzip)} gzip`),
        `renderer bundle: JavaScript total ${kB(total)} gzip (limit ${kB(LIMIT_BYTES)})`,
      ].join('\n'),
    );
    expect(total).toBeLessThanOrEqual(LIMIT_BYTES);
  });

  it('loads every script the page names, so none escapes the measurement', () => {
    const html = readFileSync(join(OUT_DIR, 'index.html'), 'utf8');
    const sources = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(sources.length).toBeGreaterThan(0);
    for (const src of sources) {
      expect(src).toMatch(/^\.\/.+\.m?js$/);
      expect(existsSync(join(OUT_DIR, src))).toBe(true);
    }
  });
});

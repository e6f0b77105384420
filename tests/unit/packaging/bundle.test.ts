// The bundles load under CommonJS: electron-store and its dependencies are ESM, bundled into
// the CommonJS main, and anything they do at load time must still work there.
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface BuildScript {
  mainBuildOptions(outdir: string): BuildOptions;
  preloadBuildOptions(outdir: string): BuildOptions;
  MAIN_EXTERNAL: string[];
}

const root = join(__dirname, '..', '..', '..');
const rootRequire = createRequire(join(root, 'package.json'));

// The controller is another module's concern; the bundle is checked with a stand-in for it.
const controllerStub: Plugin = {
  name: 'controller-stub',
  setup(b) {
    b.onResolve({ filter: /\/core\/app\/controller$/ }, () => ({
      path: 'controller',
      namespace: 'stub',
    }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: 'export function createController() { throw new Error("not in this test"); }',
      loader: 'ts',
    }));
  },
};

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleWithLoad = Module as unknown as { _load: Loader };

/** Requires a bundle with `electron` answered by `fake` and native modules from the project. */
function requireWith(file: string, fake: object): void {
  const original = moduleWithLoad._load;
  moduleWithLoad._load = function (request, parent, isMain) {
    if (request === 'electron') return fake;
    if (request.startsWith('@napi-rs/')) {
      return original.call(this, rootRequire.resolve(request), parent, isMain);
    }
    return original.call(this, request, parent, isMain);
  };
  try {
    createRequire(file)(file);
  } finally {
    moduleWithLoad._load = original;
  }
}

describe('bundles', () => {
  let out: string;
  let script: BuildScript;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'bundle-'));
    const spec = pathToFileURL(join(root, 'scripts', 'build-electron.mjs')).href;
    script = (await import(spec)) as BuildScript;
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('main bundles to one CommonJS file that loads and gives way to a running instance', async () => {
    const result = await build({
      ...script.mainBuildOptions(out),
      plugins: [controllerStub],
      logLevel: 'silent',
    });
    expect(result.warnings.filter((w) => w.text.includes('import.meta'))).toEqual([]);
    const file = join(out, 'main', 'index.cjs');
    const code = readFileSync(file, 'utf8');
    expect(code).not.toMatch(/\bimport\.meta\b/);
    expect(code).toContain('require("@napi-rs/keyring")');

    const calls: string[] = [];
    const app = Object.assign(new EventEmitter(), {
      requestSingleInstanceLock: () => {
        calls.push('lock');
        return false;
      },
      quit: () => calls.push('quit'),
    });
    requireWith(file, { app });
    expect(calls).toEqual(['lock', 'quit']);
  });

  it('preload bundles to one CommonJS file that needs nothing but electron', async () => {
    await build({ ...script.preloadBuildOptions(out), logLevel: 'silent' });
    const file = join(out, 'preload', 'index.cjs');
    const requires = [...readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map(
      (m) => m[1],
    );
    expect(new Set(requires)).toEqual(new Set(['electron']));
    // The request schemas (and zod with them) stay in main, which validates every payload.
    const code = readFileSync(file, 'utf8');
    expect(code).not.toMatch(/safeParse|ZodError/);
    expect(code.length).toBeLessThan(8 * 1024);

    const exposed = new Map<string, unknown>();
    requireWith(file, {
      contextBridge: { exposeInMainWorld: (k: string, v: unknown) => exposed.set(k, v) },
      ipcRenderer: new EventEmitter(),
    });
    expect([...exposed.keys()]).toEqual(['api']);
    expect(Object.keys(exposed.get('api') as object).sort()).toEqual(['invoke', 'onState']);
  });

  it('keeps native modules and electron out of the main bundle', () => {
    expect(script.MAIN_EXTERNAL).toEqual(
      expect.arrayContaining(['electron', '@napi-rs/keyring', '@napi-rs/keyring-*']),
    );
  });
});

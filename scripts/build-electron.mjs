// Bundles the Electron main process and the preload with esbuild:
//   electron/main/index.ts    -> dist/main/index.cjs     (Node, CommonJS)
//   electron/preload/index.ts -> dist/preload/index.cjs  (one CommonJS file: a sandboxed
//                                                         preload cannot require siblings)
// electron-store and its dependencies are ESM; they are bundled into the CommonJS main, and a
// use of import.meta (which CommonJS lacks) fails the build instead of breaking at run time.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Native modules stay outside the bundle; Electron provides `electron` itself. */
export const MAIN_EXTERNAL = ['electron', '@napi-rs/keyring', '@napi-rs/keyring-*'];

/** One CommonJS file per entry for Electron's Node; what differs is added per bundle. */
function commonJsBundle(entryPoints, outdir) {
  return {
    absWorkingDir: root,
    entryPoints,
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    logLevel: 'warning',
  };
}

export function mainBuildOptions(outdir = join(root, 'dist')) {
  return {
    ...commonJsBundle({ 'main/index': 'electron/main/index.ts' }, outdir),
    external: MAIN_EXTERNAL,
    sourcemap: 'linked',
  };
}

export function preloadBuildOptions(outdir = join(root, 'dist')) {
  return {
    ...commonJsBundle({ 'preload/index': 'electron/preload/index.ts' }, outdir),
    external: ['electron'],
    // Loaded with every window; the preload imports only the schema-free half of the contract,
    // so this is a few kilobytes.
    minify: true,
  };
}

export async function buildElectron(outdir) {
  const results = await Promise.all([
    build(mainBuildOptions(outdir)),
    build(preloadBuildOptions(outdir)),
  ]);
  const warnings = results.flatMap((r) => r.warnings);
  // esbuild would replace import.meta with an empty object in CommonJS output: anything that
  // reads import.meta.url would then fail only when it runs.
  const importMeta = warnings.filter((w) => w.text.includes('import.meta'));
  if (importMeta.length > 0) {
    throw new Error('a bundled module uses import.meta, which CommonJS output cannot provide');
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await buildElectron();
    console.log('Built dist/main/index.cjs and dist/preload/index.cjs');
  } catch (error) {
    // esbuild has already printed the details; one line here is enough.
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

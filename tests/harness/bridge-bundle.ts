// The page-side bridge is TypeScript (browser/bridge.ts), type-checked with the rest; it is
// bundled into one classic script when the harness first serves it.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

let bundled: Promise<string> | undefined;

export function bridgeScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [fileURLToPath(new URL('./browser/bridge.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  }).then((r) => {
    const out = r.outputFiles[0];
    if (out === undefined) throw new Error('esbuild produced no bridge script');
    return out.text;
  });
  return bundled;
}

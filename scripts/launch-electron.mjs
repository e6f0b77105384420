// Starts the built app in Electron (`npm start`). The `electron` package fetches its binary on
// first use; where that cannot happen (no network) this says so in one sentence and exits 1
// instead of printing the downloader's stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(appDir, 'package.json'));

export const UNAVAILABLE_MESSAGE =
  'Electron could not be downloaded here, so the app cannot start on this machine; everything else runs with `npm test`.';

function platformExecutable() {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (process.platform === 'win32') return 'electron.exe';
  return 'electron';
}

function readPathFile(electronDir) {
  try {
    return readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The Electron binary, downloading it first when needed; undefined when it cannot be had. */
function resolveElectronBinary() {
  let electronDir;
  try {
    electronDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override !== undefined && override !== '') {
    // A binary the user provides is used as is, never downloaded over.
    const binary = join(override, readPathFile(electronDir) ?? platformExecutable());
    return existsSync(binary) ? binary : undefined;
  }
  const installed = () => {
    const rel = readPathFile(electronDir);
    const binary = rel === undefined ? undefined : join(electronDir, 'dist', rel);
    return binary !== undefined && existsSync(binary) ? binary : undefined;
  };
  const present = installed();
  if (present !== undefined) return present;
  // The package's own installer; its output is kept back because a failure is reported below.
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: 'ignore',
    timeout: 10 * 60_000,
  });
  return result.status === 0 ? installed() : undefined;
}

const binary = resolveElectronBinary();
if (binary === undefined) {
  process.stderr.write(`${UNAVAILABLE_MESSAGE}\n`);
  process.exit(1);
}

const child = spawn(binary, [appDir, ...process.argv.slice(2)], {
  stdio: 'inherit',
  windowsHide: false,
});
child.on('error', () => {
  process.stderr.write(`${UNAVAILABLE_MESSAGE}\n`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('exit', (code, signal) => {
  if (signal !== null) {
    // Die of the same signal, so whoever started us sees what happened to the app.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});

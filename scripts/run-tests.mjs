#!/usr/bin/env node
// `npm test`: every suite that runs on this machine, in one command.
// On Linux the keychain tests need a Secret Service. Rather than touching the developer's real
// keychain, this re-runs itself inside a private D-Bus session with a throwaway, unlocked
// gnome-keyring whose files live in a temporary HOME, and tears both down afterwards.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`npm test needs Node.js 22.12 or newer (this is ${process.version}).`);
  process.exit(1);
}

function have(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function run(cmd, cmdArgs, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { stdio: 'inherit', cwd: root, env });
    const forward = (sig) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function insidePrivateSession() {
  if (existsSync(join(root, 'renderer', 'index.html'))) {
    // The end-to-end tests drive the built window UI; build it fresh so they test this tree.
    const built = await run(process.execPath, [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--logLevel',
      'warn',
    ]);
    if (built !== 0) return built;
  }
  // A JSON report beside the usual one, for a plain closing line that any CI can read.
  const report = join(mkdtempSync(join(tmpdir(), 'emqx-tray-report-')), 'vitest.json');
  const reporters = args.some((a) => a.startsWith('--reporter'))
    ? []
    : ['--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  const code = await run(process.execPath, [
    join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    ...reporters,
    ...args,
  ]);
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    console.log(
      `tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`,
    );
  }
  rmSync(dirname(report), { recursive: true, force: true });
  return code;
}

async function main() {
  if (process.platform !== 'linux' || process.env.EMQX_TRAY_PRIVATE_BUS === '1') {
    return insidePrivateSession();
  }
  const missing = ['dbus-run-session', 'dbus-send', 'gnome-keyring-daemon'].filter((c) => !have(c));
  if (missing.length > 0) {
    console.error(
      `The keychain tests need a Secret Service; install the Debian packages dbus and gnome-keyring (missing: ${missing.join(', ')}).`,
    );
    return 1;
  }
  const home = mkdtempSync(join(tmpdir(), 'emqx-tray-test-home-'));
  const runtime = join(home, 'run');
  mkdirSync(runtime, { mode: 0o700 });
  // The daemon runs in the foreground as a child of this shell so it can be stopped for sure;
  // the loop waits until it owns the Secret Service name, so no second copy is bus-activated.
  const script = `
    printf 'throwaway' | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
    keyring=$!
    for i in $(seq 1 100); do
      dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \\
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true' && break
      sleep 0.1
    done
    "$0" "$@"
    rc=$?
    kill $keyring 2>/dev/null
    wait $keyring 2>/dev/null
    exit $rc`;
  const env = {
    ...process.env,
    HOME: home,
    XDG_RUNTIME_DIR: runtime,
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CONFIG_HOME: join(home, '.config'),
    EMQX_TRAY_PRIVATE_BUS: '1',
  };
  try {
    return await run(
      'dbus-run-session',
      ['--', 'bash', '-c', script, process.execPath, fileURLToPath(import.meta.url), ...args],
      env,
    );
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

process.exitCode = await main();

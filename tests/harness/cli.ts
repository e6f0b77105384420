// `npm run harness -- --profile DIR [--port N] [--keyring-service NAME] [--locale L]`
// Runs the headless shell until SIGINT or SIGTERM. The first line on stdout is
// `harness ready http://127.0.0.1:PORT/`; log lines go to stderr.
// Exit codes: 0 after a clean stop, 2 for bad options, 1 when it cannot start.
import { parseArgs } from 'node:util';
import { startHarness, type Harness } from './harness';

const HELP = `Usage: npm run harness -- --profile DIR [options]

The headless shell: the app's controller with the real keychain and a settings file in DIR,
a recorded tray and notifications, and the window UI (dist/renderer) served on 127.0.0.1 with
window.api over a WebSocket. Test routes (JSON, this computer only):
  GET  /__harness/tray                the tray model (render count in x-harness-render-count)
  POST /__harness/tray/click          {"id": "<menu item>", "confirm"?: true|false}
  GET  /__harness/notifications       every notification shown
  POST /__harness/notifications/click {"index": N}
  POST /__harness/power               {"event": "suspend"|"resume"}
  POST /__harness/network             {"online": true|false}
  GET  /__harness/state | /window | /log | /tray.html

Options:
  --profile DIR             profile directory (settings, harness.log); required
  --port N                  port to listen on; 0 picks a free one (default 0)
  --keyring-service NAME    keychain service name (default emqx-cloud-tray)
  --locale L                the system locale the app sees (default en-US)
  -h, --help                show this help`;

function fail(message: string, code: number): never {
  process.stderr.write(`harness: ${message}\n`);
  process.exit(code);
}

function parse(argv: string[]) {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        profile: { type: 'string' },
        port: { type: 'string' },
        'keyring-service': { type: 'string' },
        locale: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    return values;
  } catch (e) {
    return fail(`${(e as Error).message.split('\n')[0]} (see --help)`, 2);
  }
}

async function main(): Promise<void> {
  const values = parse(process.argv.slice(2));
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  if (values.profile === undefined || values.profile === '') {
    fail('--profile DIR is required (see --help)', 2);
  }
  const portText = values.port ?? '0';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    fail(`--port must be a whole number from 0 to 65535, got "${portText}"`, 2);
  }
  if (values['keyring-service'] === '') fail('--keyring-service must not be empty', 2);

  let harness: Harness | undefined;
  let stopping = false;
  const shutdown = (running: Harness) =>
    running.close().then(
      () => process.exit(0),
      (e: unknown) =>
        fail(`error while stopping: ${e instanceof Error ? e.message : String(e)}`, 1),
    );
  // A signal during start-up is honoured once the harness is up, so it still shuts down cleanly.
  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (harness !== undefined) void shutdown(harness);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  try {
    harness = await startHarness({
      profileDir: values.profile,
      port,
      keyringService: values['keyring-service'],
      systemLocale: values.locale,
      onLog: (line) => process.stderr.write(`${line}\n`),
      onQuit: stop,
    });
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e), 1);
  }
  if (stopping) return void shutdown(harness);
  process.stdout.write(`harness ready ${harness.url}\n`);
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e), 1));

// `npm run simulator -- [options]`: serves the simulated cloud until SIGINT or SIGTERM.
// Exit codes: 0 after a clean stop, 2 for bad options or a bad --deployments file, 1 otherwise.
import { readFileSync } from 'node:fs';
import { CliUsageError, HELP, parseCliArgs } from './cli-options';
import { DEFAULT_KEY, DEFAULT_SECRET } from './cloud';
import { parseDeploymentList } from './deployment-data';
import { startSimulatorServer } from './http-server';

function fail(message: string, code: number): never {
  process.stderr.write(`simulator: ${message.replace(/\s+/g, ' ').trim()}\n`);
  process.exit(code);
}

function loadDeployments(file: string) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    fail(
      `--deployments ${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      2,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    fail(`--deployments ${file}: not valid JSON (${(e as Error).message})`, 2);
  }
  try {
    return parseDeploymentList(json);
  } catch (e) {
    fail(`--deployments ${file}: not a list of deployments (${(e as Error).message})`, 2);
  }
}

async function main(argv: string[]): Promise<void> {
  let command;
  try {
    command = parseCliArgs(argv);
  } catch (e) {
    if (e instanceof CliUsageError) fail(`${e.message} (see --help)`, 2);
    throw e;
  }
  if (command.kind === 'help') {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const options = { ...command.options };
  if (command.deploymentsFile !== undefined) {
    options.deployments = loadDeployments(command.deploymentsFile);
  }

  const server = await startSimulatorServer(options);
  process.stdout.write(`listening on ${server.url}\n`);
  if (options.key === undefined && options.secret === undefined) {
    process.stdout.write(`credentials: key ${DEFAULT_KEY}, secret ${DEFAULT_SECRET} (defaults)\n`);
  }
  if (options.admin) {
    process.stdout.write(`control routes: http://127.0.0.1:${server.port}/__sim/\n`);
  }

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (e: unknown) => fail(`error while closing: ${String(e)}`, 1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// A closed pipe (`... | head -1`) is the reader's choice, not a crash.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).catch((e: unknown) => {
  fail(e instanceof Error ? e.message : String(e), 1);
});

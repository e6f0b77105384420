// Command-line options of the simulator, parsed and checked without side effects so they can be
// tested on their own. Every problem becomes a CliUsageError with a one-line message.
import { parseArgs } from 'node:util';
import {
  DEFAULT_KEY,
  DEFAULT_SECRET,
  type LimitScope,
  type ListEndpointMode,
  type RetryAfterMode,
} from './cloud';
import type { SimulatorServerOptions } from './http-server';

export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

export const HELP = `Usage: npm run simulator -- [options]

A local HTTP server that behaves like EMQX Cloud's Platform API (/public_api/v1), for the demo
mode and tests. It listens on 127.0.0.1 only and prints, as its first line:
  listening on http://127.0.0.1:PORT/public_api/v1

Options:
  --port N                  port to listen on; 0 picks a free one (default 0)
  --key K                   Platform API key accepted (default ${DEFAULT_KEY})
  --secret S                its secret (default ${DEFAULT_SECRET})
  --deployments FILE        JSON array of deployment objects (default: three demo deployments)
  --start-seconds N         how long "starting" lasts before "running" (default 90)
  --stop-seconds N          how long "stopping" lasts before "stopped" (default 60)
  --list-endpoint on|off    whether GET /deployments exists (default on)
  --limit-scope key|deployment
                            count rate limits per API key or per deployment (default key)
  --retry-after none|seconds|date
                            Retry-After header on 429 (default seconds)
  --latency-ms N            delay every answer by N milliseconds (default 0)
  --fail-rate P             share 0..1 of requests answered 500/502/503 (default 0)
  --seed N                  seed of the failure generator, an integer (default 1)
  --admin                   enable the control routes under /__sim/
  -h, --help                show this help

Stop it with Ctrl+C (SIGINT) or SIGTERM.`;

export type CliCommand =
  { kind: 'help' } | { kind: 'run'; options: SimulatorServerOptions; deploymentsFile?: string };

function number(
  name: string,
  text: string,
  opts: { integer?: boolean; max?: number } = {},
): number {
  const pattern = opts.integer ? /^\d+$/ : /^\d+(\.\d+)?$/;
  const value = Number(text);
  if (
    !pattern.test(text.trim()) ||
    !Number.isFinite(value) ||
    (opts.max !== undefined && value > opts.max)
  ) {
    const what = opts.integer ? 'a whole number' : 'a number';
    const range = opts.max !== undefined ? ` from 0 to ${opts.max}` : ' >= 0';
    throw new CliUsageError(`--${name} must be ${what}${range}, got "${text}"`);
  }
  return value;
}

function oneOf<T extends string>(name: string, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) {
    throw new CliUsageError(`--${name} must be one of ${allowed.join(', ')}, got "${text}"`);
  }
  return text as T;
}

export function parseCliArgs(argv: string[]): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        key: { type: 'string' },
        secret: { type: 'string' },
        deployments: { type: 'string' },
        'start-seconds': { type: 'string' },
        'stop-seconds': { type: 'string' },
        'list-endpoint': { type: 'string' },
        'limit-scope': { type: 'string' },
        'retry-after': { type: 'string' },
        'latency-ms': { type: 'string' },
        'fail-rate': { type: 'string' },
        seed: { type: 'string' },
        admin: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new CliUsageError((e as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  if (values.help) return { kind: 'help' };

  const options: SimulatorServerOptions = { host: '127.0.0.1' };
  if (values.port !== undefined) {
    options.port = number('port', values.port, { integer: true, max: 65535 });
  }
  if (values.key !== undefined) {
    if (values.key === '') throw new CliUsageError('--key must not be empty');
    options.key = values.key;
  }
  if (values.secret !== undefined) {
    if (values.secret === '') throw new CliUsageError('--secret must not be empty');
    options.secret = values.secret;
  }
  if (values['start-seconds'] !== undefined) {
    options.startSeconds = number('start-seconds', values['start-seconds']);
  }
  if (values['stop-seconds'] !== undefined) {
    options.stopSeconds = number('stop-seconds', values['stop-seconds']);
  }
  if (values['list-endpoint'] !== undefined) {
    options.listEndpoint = oneOf<ListEndpointMode>('list-endpoint', values['list-endpoint'], [
      'on',
      'off',
    ]);
  }
  if (values['limit-scope'] !== undefined) {
    options.limitScope = oneOf<LimitScope>('limit-scope', values['limit-scope'], [
      'key',
      'deployment',
    ]);
  }
  if (values['retry-after'] !== undefined) {
    options.retryAfter = oneOf<RetryAfterMode>('retry-after', values['retry-after'], [
      'none',
      'seconds',
      'date',
    ]);
  }
  if (values['latency-ms'] !== undefined) {
    options.latencyMs = number('latency-ms', values['latency-ms']);
  }
  if (values['fail-rate'] !== undefined) {
    options.failRate = number('fail-rate', values['fail-rate'], { max: 1 });
  }
  if (values.seed !== undefined) {
    options.seed = number('seed', values.seed, { integer: true, max: 2 ** 32 - 1 });
  }
  if (values.admin) options.admin = true;

  return values.deployments !== undefined
    ? { kind: 'run', options, deploymentsFile: values.deployments }
    : { kind: 'run', options };
}

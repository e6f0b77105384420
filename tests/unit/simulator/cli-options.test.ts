import { describe, expect, it } from 'vitest';
import { CliUsageError, HELP, parseCliArgs } from '../../../electron/simulator/cli-options';

describe('simulator command-line options', () => {
  it('parses every option', () => {
    expect(
      parseCliArgs([
        '--port',
        '0',
        '--key',
        'K',
        '--secret',
        'S',
        '--deployments',
        'd.json',
        '--start-seconds',
        '5',
        '--stop-seconds',
        '2.5',
        '--list-endpoint',
        'off',
        '--limit-scope',
        'deployment',
        '--retry-after',
        'date',
        '--latency-ms',
        '20',
        '--fail-rate',
        '0.25',
        '--admin',
        '--seed',
        '9',
      ]),
    ).toEqual({
      kind: 'run',
      deploymentsFile: 'd.json',
      options: {
        host: '127.0.0.1',
        port: 0,
        key: 'K',
        secret: 'S',
        startSeconds: 5,
        stopSeconds: 2.5,
        listEndpoint: 'off',
        limitScope: 'deployment',
        retryAfter: 'date',
        latencyMs: 20,
        failRate: 0.25,
        admin: true,
        seed: 9,
      },
    });
  });

  it('leaves omitted options to the defaults, which the help states', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'run', options: { host: '127.0.0.1' } });
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['-h'])).toEqual({ kind: 'help' });
    expect(HELP).toContain('default demo-key');
    expect(HELP).toContain('default demo-secret');
  });

  it.each([
    [['--port', 'abc'], /--port/],
    [['--port', '70000'], /--port/],
    [['--port', '-1'], /--port/],
    [['--start-seconds', '-5'], /--start-seconds/],
    [['--stop-seconds', 'soon'], /--stop-seconds/],
    [['--list-endpoint', 'maybe'], /--list-endpoint must be one of on, off/],
    [['--limit-scope', 'account'], /--limit-scope/],
    [['--retry-after', 'http'], /--retry-after/],
    [['--latency-ms', '1e3'], /--latency-ms/],
    [['--fail-rate', '1.5'], /--fail-rate/],
    [['--seed', '1.5'], /--seed/],
    [['--key', ''], /--key/],
    [['--bogus'], /bogus/],
    [['extra'], /extra/],
    [['--port'], /port/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});

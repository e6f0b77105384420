// The simulator's command line as a user runs it: a real process, the first stdout line, a real
// request, a clean exit on SIGTERM / SIGINT, and exit 2 with one clear line for bad input.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const CLI = join(process.cwd(), 'electron/simulator/cli.ts');
const FIXTURE = join(process.cwd(), 'tests/fixtures/simulator-deployments.json');

const children: ChildProcessWithoutNullStreams[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'simulator-cli-'));

function run(args: string[]): ChildProcessWithoutNullStreams {
  const child = spawn(TSX, [CLI, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      lines.close();
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing`)));
  });
}

function exited(
  child: ChildProcessWithoutNullStreams,
): Promise<{ code: number | null; signal: string | null; stderr: string; stdout: string }> {
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve({ code: child.exitCode, signal: null, stderr, stdout });
    child.once('exit', (code, signal) => resolve({ code, signal, stderr, stdout }));
  });
}

const auth = (key: string, secret: string) =>
  `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;

afterEach(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
});

describe('npm run simulator', () => {
  it('prints the URL first, serves with the given credentials, exits 0 on SIGTERM', async () => {
    const child = run(['--port', '0', '--key', 'K', '--secret', 'S']);
    const done = exited(child);
    const line = await firstLine(child);
    expect(line).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+\/public_api\/v1$/);
    const url = line.slice('listening on '.length);

    const ok = await fetch(`${url}/deployments/w41b11c0`, {
      headers: { authorization: auth('K', 'S') },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ deploymentID: 'w41b11c0', region: '杭州' });
    const refused = await fetch(`${url}/deployments`, {
      headers: { authorization: auth('demo-key', 'demo-secret') },
    });
    expect(refused.status).toBe(401);

    child.kill('SIGTERM');
    const end = await done;
    expect(end).toMatchObject({ code: 0, signal: null });
    expect(end.stderr).toBe('');
  });

  it('uses demo-key / demo-secret by default, takes a deployments file and options, exits 0 on SIGINT', async () => {
    const child = run([
      '--port',
      '0',
      '--deployments',
      FIXTURE,
      '--list-endpoint',
      'off',
      '--admin',
      '--retry-after',
      'none',
      '--start-seconds',
      '1',
    ]);
    const done = exited(child);
    const url = (await firstLine(child)).slice('listening on '.length);
    const headers = { authorization: auth('demo-key', 'demo-secret') };

    const flex = await fetch(`${url}/deployments/f5x6t7r8`, { headers });
    expect(await flex.json()).toMatchObject({
      status: 'quarantined',
      maintenanceWindow: 'Sun 02:00-04:00',
    });
    expect((await fetch(`${url}/deployments`, { headers })).status).toBe(404);
    const changes = await fetch(url.replace('/public_api/v1', '/__sim/changes'));
    expect(changes.status).toBe(200);

    child.kill('SIGINT');
    expect(await done).toMatchObject({ code: 0, signal: null });
  });

  it('prints help, naming the default credentials, and exits 0', async () => {
    const end = await exited(run(['--help']));
    expect(end.code).toBe(0);
    expect(end.stdout).toContain('demo-key');
    expect(end.stdout).toContain('demo-secret');
  });

  it.each([
    [['--port', 'x']],
    [['--fail-rate', '2']],
    [['--limit-scope', 'account']],
    [['--unknown-option']],
  ])('refuses %j with one line on stderr and exit 2', async (args) => {
    const end = await exited(run(args));
    expect(end.code).toBe(2);
    expect(end.stdout).toBe('');
    expect(end.stderr.trim().split('\n')).toHaveLength(1);
    expect(end.stderr).toMatch(/^simulator: /);
  });

  it.each([
    ['not JSON', '[{"deploymentID": '],
    ['not a list', '{"deploymentID": "a"}'],
    ['a deployment missing a field', '[{"deploymentID": "abcd1234"}]'],
  ])('refuses a deployments file that is %s with one line and exit 2', async (_what, content) => {
    const file = join(tmp, `bad-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, content);
    const end = await exited(run(['--port', '0', '--deployments', file]));
    expect(end.code).toBe(2);
    expect(end.stdout).toBe('');
    expect(end.stderr.trim().split('\n')).toHaveLength(1);
    expect(end.stderr).toContain('--deployments');
  });

  it('refuses a deployments file that does not exist', async () => {
    const end = await exited(run(['--deployments', join(tmp, 'missing.json')]));
    expect(end.code).toBe(2);
    expect(end.stderr).toMatch(/cannot read it \(ENOENT\)/);
  });
});

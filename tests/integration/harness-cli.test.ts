// `npm run harness` as a process: the ready line first, the routes answering, a clean exit 0 on
// SIGTERM and SIGINT with the settings saved, and exit 2 with one clear line for bad options.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const CLI = join(process.cwd(), 'tests/harness/cli.ts');
const SERVICE = `emqx-cloud-tray-test-${process.pid}-${randomBytes(4).toString('hex')}`;
const children: ChildProcessWithoutNullStreams[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'harness-cli-'));

// One process (tsx as a loader, not its wrapper), so a signal reaches the harness itself.
function run(args: string[]): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

function collect(child: ChildProcessWithoutNullStreams) {
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { out, exit };
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

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
});

describe('npm run harness', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints the ready line first, serves the routes and exits 0 on ${signal}`, async () => {
      const profile = join(tmp, signal);
      const child = run(['--profile', profile, '--port', '0', '--keyring-service', SERVICE]);
      const line = await firstLine(child);
      const { out, exit } = collect(child);
      expect(line).toMatch(/^harness ready http:\/\/127\.0\.0\.1:\d+\/$/);
      const url = line.slice('harness ready '.length);
      const reply = await fetch(`${url}__harness/tray`);
      const tray = (await reply.json()) as { icon: string; menu: { id: string }[] };
      expect(tray.icon).toBe('not-set-up');
      expect(tray.menu.map((i) => i.id)).toContain('quit');
      expect(Number(reply.headers.get('x-harness-render-count'))).toBeGreaterThan(0);
      child.kill(signal);
      expect(await exit).toBe(0);
      expect(out.stderr).toMatch(/INFO +stopped/);
      expect(existsSync(join(profile, 'settings.json'))).toBe(true);
    });
  }

  it('exits 2 with one line for bad options', async () => {
    const missing = run(['--port', '0']);
    const a = collect(missing);
    expect(await a.exit).toBe(2);
    expect(a.out.stderr).toBe('harness: --profile DIR is required (see --help)\n');

    const badPort = run(['--profile', join(tmp, 'x'), '--port', 'eighty']);
    const b = collect(badPort);
    expect(await b.exit).toBe(2);
    expect(b.out.stderr).toBe(
      'harness: --port must be a whole number from 0 to 65535, got "eighty"\n',
    );
  });
});

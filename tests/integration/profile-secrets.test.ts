// Credentials live only in the keychain. After a session that adds an account with a custom
// base URL, checks, starts and fails, every byte the app left in its profile directory and every
// log line it wrote is searched for the secret (and the encodings it travels in); the keychain
// itself must still hold it, or this test could not tell a missing secret from a hidden one.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeyringSecretStore } from '../../electron/core/accounts/keyring-secret-store';
import type { CommandName, CommandRequest, CommandResult } from '../../electron/shared/contract';
import { parseCommand } from '../../electron/shared/contract';
import { startSimulatorServer, type SimulatorServer } from '../../electron/simulator';
import { startHarness, type Harness } from '../harness/harness';

const SERVICE = `emqx-cloud-tray-test-${process.pid}-${randomBytes(4).toString('hex')}`;
const KEY = 'profile-key';
const SECRET = `Zq7-${randomBytes(12).toString('hex')}-secret`;
const WRONG_SECRET = `Wr0ng-${randomBytes(12).toString('hex')}`;

/** Every spelling a secret could be written in by accident. */
function spellings(secret: string): string[] {
  return [
    secret,
    Buffer.from(secret).toString('base64'),
    Buffer.from(`${KEY}:${secret}`).toString('base64'),
    encodeURIComponent(`${KEY}:${secret}`),
  ];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** Where any spelling of any secret occurs, as `place: spelling` lines. */
function leaks(places: Map<string, string>, secrets: string[]): string[] {
  const found: string[] = [];
  for (const [place, text] of places) {
    for (const s of secrets.flatMap(spellings)) if (text.includes(s)) found.push(`${place}: ${s}`);
  }
  return found;
}

let sim: SimulatorServer;
let profileDir: string;
const logLines: string[] = [];
const consoleOutput: string[] = [];
const keychain = createKeyringSecretStore({ service: SERVICE });
let accountId = '';

async function invoke<C extends CommandName>(
  harness: Harness,
  command: C,
  request: CommandRequest<C>,
): Promise<CommandResult<C>> {
  const parsed = parseCommand(command, request);
  if (!parsed.ok) throw new Error(`invalid request ${JSON.stringify(parsed.error)}`);
  return harness.controller.invoke(command, parsed.value);
}

async function session(run: (harness: Harness) => Promise<void>): Promise<void> {
  const harness = await startHarness({
    profileDir,
    keyringService: SERVICE,
    onLog: (line) => logLines.push(line),
  });
  try {
    await run(harness);
  } finally {
    await harness.close();
  }
}

beforeAll(async () => {
  sim = await startSimulatorServer({ key: KEY, secret: SECRET, admin: true, startSeconds: 1 });
  profileDir = mkdtempSync(join(tmpdir(), 'profile-secrets-'));
  // Anything the app prints goes through these too.
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: []) => {
      consoleOutput.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return write(chunk, ...rest);
    }) as typeof stream.write);
  }
});

afterAll(async () => {
  if (accountId !== '') await keychain.delete(accountId);
  await sim?.close();
  rmSync(profileDir, { recursive: true, force: true });
});

describe('the profile and the logs never hold the secret', () => {
  it('runs a session that touches the secret in every way a user can', async () => {
    await session(async (h) => {
      const base = { site: 'custom' as const, baseUrl: sim.url, key: KEY };
      const wrong = await invoke(h, 'account.test', { ...base, secret: WRONG_SECRET });
      expect(wrong).toMatchObject({
        ok: true,
        value: { ok: false, problem: { kind: 'AuthFailed' } },
      });
      const right = await invoke(h, 'account.test', { ...base, secret: SECRET });
      expect(right).toMatchObject({ ok: true, value: { ok: true } });

      const added = await invoke(h, 'account.add', { ...base, secret: SECRET, label: 'Profile' });
      if (!added.ok) throw new Error(JSON.stringify(added.error));
      accountId = added.value.accountId;
      expect(await invoke(h, 'deployments.available', { accountId })).toMatchObject({ ok: true });
      for (const deploymentId of ['w41b11c0', 'a7c3e9f2']) {
        expect(await invoke(h, 'deployment.add', { accountId, deploymentId })).toMatchObject({
          ok: true,
        });
      }
      const op = await invoke(h, 'deployment.operate', {
        accountId,
        deploymentId: 'w41b11c0',
        op: 'start',
        confirmed: true,
      });
      expect(op).toEqual({ ok: true, value: { sent: true } });

      // A server error, a rejected secret, then the right secret again.
      await fetch(`http://127.0.0.1:${sim.port}/__sim/fail-next`, {
        method: 'POST',
        body: JSON.stringify({ count: 1, status: 503 }),
      });
      await invoke(h, 'deployment.refresh', { accountId });
      await vi.waitFor(() => expect(sim.cloud.counters().injectedFailures).toBe(1), {
        timeout: 10_000,
        interval: 100,
      });
      // A mistyped replacement is refused (and the secret that works is kept)...
      const replaced = await invoke(h, 'account.replaceSecret', {
        accountId,
        secret: WRONG_SECRET,
      });
      expect(replaced).toMatchObject({ ok: false, error: { code: 'AuthFailed' } });
      // ...then the key is rejected later (revoked, say), and the right secret brings it back.
      await fetch(`http://127.0.0.1:${sim.port}/__sim/fail-next`, {
        method: 'POST',
        body: JSON.stringify({ count: 1, status: 401 }),
      });
      await invoke(h, 'deployment.refresh', { accountId });
      await vi.waitFor(() => {
        const account = h.controller.snapshot().accounts.find((a) => a.id === accountId);
        expect(account?.health).toBe('auth-failed');
      }, 10_000);
      expect(await invoke(h, 'account.replaceSecret', { accountId, secret: SECRET })).toMatchObject(
        { ok: true },
      );
      await invoke(h, 'deployment.refresh', {});
      await vi.waitFor(
        () => {
          const account = h.controller.snapshot().accounts.find((a) => a.id === accountId);
          expect(account?.health).toBe('ok');
          const d = h.controller.snapshot().deployments.find((x) => x.deploymentId === 'w41b11c0');
          expect(d?.statusKind).toBe('running');
        },
        { timeout: 20_000, interval: 200 },
      );
    });
  });

  it('reads the secret back from the keychain in a second run', async () => {
    await session(async (h) => {
      await vi.waitFor(
        () => {
          const account = h.controller.snapshot().accounts.find((a) => a.id === accountId);
          expect(account?.health).toBe('ok');
          expect(h.controller.snapshot().deployments.every((d) => d.checkedAt !== undefined)).toBe(
            true,
          );
        },
        { timeout: 20_000, interval: 200 },
      );
    });
  });

  it('finds it in the keychain', async () => {
    expect(accountId).not.toBe('');
    expect(await keychain.get(accountId)).toBe(SECRET);
  });

  it('finds it in no file of the profile, no log line and no console output', () => {
    const places = new Map<string, string>();
    const files = filesUnder(profileDir);
    for (const file of files) places.set(file, readFileSync(file).toString('latin1'));
    logLines.forEach((line, i) => places.set(`log line ${i}`, line));
    places.set('console', consoleOutput.join(''));
    // The session left a settings file and a log with the account in them.
    expect(files.map((f) => f.slice(profileDir.length + 1))).toEqual(
      expect.arrayContaining(['settings.json', 'harness.log']),
    );
    expect(readFileSync(join(profileDir, 'settings.json'), 'utf8')).toContain(accountId);
    expect(logLines.length).toBeGreaterThan(5);
    expect(leaks(places, [SECRET, WRONG_SECRET])).toEqual([]);
  });

  it('would notice a secret in a file', () => {
    const control = mkdtempSync(join(tmpdir(), 'profile-secrets-control-'));
    try {
      writeFileSync(join(control, 'leak.json'), JSON.stringify({ auth: `${KEY}:${SECRET}` }));
      const places = new Map(
        filesUnder(control).map((f) => [f, readFileSync(f).toString('latin1')] as const),
      );
      expect(leaks(places, [SECRET])).toHaveLength(1);
    } finally {
      rmSync(control, { recursive: true, force: true });
    }
  });
});

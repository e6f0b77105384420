import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../electron/core/api/errors';
import { createLogger, nullLogger } from '../../../electron/core/log/logger';
import {
  credentialSecrets,
  createScrubber,
  expandSecrets,
} from '../../../electron/core/log/redact';

const AT = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
const KEY = 'key-1234abcd';
const SECRET = 'S3cr3t-Value-ab12XYZ';
const PAIR = `${KEY}:${SECRET}`;
const BASE64 = Buffer.from(PAIR).toString('base64');

function capture(opts: Parameters<typeof createLogger>[1] = {}) {
  const lines: string[] = [];
  const logger = createLogger((l) => lines.push(l), { now: () => AT, ...opts });
  return { lines, logger };
}

describe('createLogger', () => {
  it('writes ISO time, level, message and JSON fields on one line', () => {
    const { lines, logger } = capture();
    logger.info('GET /deployments 200', { status: 200, durationMs: 12 });
    logger.warn('no fields');
    expect(lines).toEqual([
      '2026-01-02T03:04:05.678Z INFO  GET /deployments 200 {"status":200,"durationMs":12}',
      '2026-01-02T03:04:05.678Z WARN  no fields',
    ]);
  });

  it('drops entries below the level, info by default', () => {
    const { lines, logger } = capture();
    logger.debug('hidden');
    logger.error('shown');
    expect(lines).toHaveLength(1);
    const verbose = capture({ level: 'debug' });
    verbose.logger.debug('shown');
    expect(verbose.lines[0]).toContain('DEBUG shown');
    const quiet = capture({ level: 'error' });
    quiet.logger.warn('hidden');
    quiet.logger.error('shown');
    expect(quiet.lines).toHaveLength(1);
  });

  it('keeps each entry on one line: a message cannot forge another entry', () => {
    const { lines, logger } = capture();
    logger.info('first\n2026-01-01T00:00:00.000Z ERROR forged\r', { text: 'a\nb' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/[\r\n]/);
  });

  it('redacts every current secret, its key:secret pair and their base64, in message and fields', () => {
    const { lines, logger } = capture({ redact: () => credentialSecrets(KEY, SECRET) });
    logger.info(`auth Basic ${BASE64} for ${PAIR} / ${SECRET}`, {
      header: `Basic ${BASE64}`,
      nested: { deep: [SECRET, encodeURIComponent(PAIR)] },
    });
    const line = lines[0] ?? '';
    for (const s of [SECRET, PAIR, BASE64, `Basic ${BASE64}`]) expect(line).not.toContain(s);
    expect(line).toContain('auth Basic *** for *** / ***');
    expect(line).toContain('"header":"Basic ***"');
  });

  it('redacts a secret that JSON escaping would change', () => {
    const tricky = 'pa"ss\\word-123';
    const { lines, logger } = capture({ redact: () => [tricky] });
    logger.info('m', { value: `x${tricky}y` });
    expect(lines[0]).not.toContain('pa\\"ss\\\\word');
    expect(lines[0]).toContain('x***y');
  });

  it('asks for the secrets at every line, so a new secret takes effect at once', () => {
    let secrets = ['first-secret-1'];
    const { lines, logger } = capture({ redact: () => secrets });
    logger.info('first-secret-1 second-secret-2');
    secrets = ['second-secret-2'];
    logger.info('first-secret-1 second-secret-2');
    expect(lines).toEqual([
      expect.stringContaining('*** second-secret-2') as unknown as string,
      expect.stringContaining('first-secret-1 ***') as unknown as string,
    ]);
  });

  it('ignores empty secrets instead of starring every gap', () => {
    const { lines, logger } = capture({ redact: () => ['', SECRET] });
    logger.info('plain text');
    expect(lines[0]).toContain('plain text');
  });

  it('drops the content of a line when the secrets cannot be listed', () => {
    const { lines, logger } = capture({
      redact: () => {
        throw new Error('keychain locked');
      },
    });
    logger.error(`leak ${SECRET}`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(SECRET);
    expect(lines[0]).toContain('redaction failed');
  });

  it('serialises errors, bigints and cycles without throwing', () => {
    const { lines, logger } = capture();
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    logger.info('fields', {
      api: new NotFoundError('gone', { status: 404 }),
      plain: new Error('boom'),
      big: 10n,
      cyclic,
    });
    const line = lines[0] ?? '';
    const json = JSON.parse(line.slice(line.indexOf('{'))) as Record<string, unknown>;
    expect(json.api).toEqual({ kind: 'NotFound', message: 'gone', status: 404 });
    expect(json.plain).toEqual({ name: 'Error', message: 'boom' });
    expect(json.big).toBe('10');
    expect(json.cyclic).toEqual({ a: 1, self: '[Circular]' });
  });

  it('never throws when the sink does', () => {
    const logger = createLogger(() => {
      throw new Error('disk full');
    });
    expect(() => logger.error('x')).not.toThrow();
  });

  it('has a null logger that writes nothing and never throws', () => {
    expect(() => {
      nullLogger.debug('a');
      nullLogger.info('b', { c: 1 });
      nullLogger.warn('d');
      nullLogger.error('e');
    }).not.toThrow();
  });
});

describe('redaction helpers', () => {
  it('lists the secret and the pair, never the key alone', () => {
    expect(credentialSecrets(KEY, SECRET)).toEqual([SECRET, PAIR]);
    expect(credentialSecrets(KEY, '')).toEqual([]);
  });

  it('expands base64, url-safe base64, percent-encoded and JSON-escaped spellings', () => {
    const expanded = expandSecrets(['a+b/c"d']);
    expect(expanded).toContain('a+b/c"d');
    expect(expanded).toContain(Buffer.from('a+b/c"d').toString('base64'));
    expect(expanded).toContain(Buffer.from('a+b/c"d').toString('base64url'));
    expect(expanded).toContain(encodeURIComponent('a+b/c"d'));
    expect(expanded).toContain('a+b/c\\"d');
  });

  it('scrubs every occurrence', () => {
    const scrub = createScrubber([SECRET]);
    expect(scrub(`${SECRET}${SECRET} and ${SECRET}`)).toBe('****** and ***');
    expect(scrub('nothing here')).toBe('nothing here');
  });
});

import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, T0, basic, makeCloud } from './cloud-fixture';

describe('reads: 60 per rolling 60 minutes, per key by default', () => {
  it('refuses read 61 (list and single together) until the oldest read is 60 minutes old', () => {
    const { get, list, at } = makeCloud();
    for (let i = 0; i < 60; i++) {
      at(i * 1_000);
      expect((i % 2 === 0 ? get('w41b11c0') : list()).status).toBe(200);
    }
    at(60_000);
    const refused = get('a7c3e9f2');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ code: 'TOO_MANY_REQUESTS', message: expect.any(String) });
    expect(refused.headers['retry-after']).toBe(String((HOUR - 60_000) / 1000));
    expect(list().status).toBe(429);

    at(HOUR - 1);
    expect(get('w41b11c0').status).toBe(429);
    expect(get('w41b11c0').headers['retry-after']).toBe('1');
    at(HOUR);
    expect(get('w41b11c0').status).toBe(200);
    // the window is full again: the next oldest (t = 1 s) leaves it at 1 h + 1 s
    expect(list().status).toBe(429);
    at(HOUR + 1_000);
    expect(list().status).toBe(200);
  });

  it('does not count 429s, 401s or unknown routes; does count 404s for unknown IDs', () => {
    const { get, call, cloud } = makeCloud();
    for (let i = 0; i < 30; i++) get('zzzzzzzz');
    for (let i = 0; i < 10; i++) call('GET', '/deployments/w41b11c0', basic('demo-key', 'nope'));
    for (let i = 0; i < 10; i++) call('GET', '/unknown');
    expect(cloud.limitUsage('read')).toBe(30);
    for (let i = 0; i < 30; i++) get('w41b11c0');
    for (let i = 0; i < 100; i++) expect(get('w41b11c0').status).toBe(429);
    expect(cloud.limitUsage('read')).toBe(60);
    expect(cloud.counters().counted).toBe(60);
  });

  it('keeps reads and start/stop in separate budgets', () => {
    const { get, start } = makeCloud();
    for (let i = 0; i < 60; i++) get('a7c3e9f2');
    expect(get('a7c3e9f2').status).toBe(429);
    expect(start('w41b11c0').status).toBe(201);
  });

  it('resetLimits forgets every counted request', () => {
    const { get, start, cloud } = makeCloud();
    for (let i = 0; i < 60; i++) get('a7c3e9f2');
    start('w41b11c0');
    cloud.resetLimits();
    expect(get('a7c3e9f2').status).toBe(200);
    expect(cloud.limitUsage('operation')).toBe(0);
  });
});

describe('start/stop: 1 per rolling 60 minutes, start and stop together', () => {
  it('per key: a stop of another deployment right after a start is refused', () => {
    const { start, stop, at } = makeCloud();
    at(10 * MINUTE);
    expect(start('w41b11c0').status).toBe(201);
    at(20 * MINUTE);
    const refused = stop('a7c3e9f2');
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe(String(50 * 60));
    at(70 * MINUTE - 1);
    expect(stop('a7c3e9f2').status).toBe(429);
    at(70 * MINUTE);
    expect(stop('a7c3e9f2').status).toBe(201);
  });

  it('a refused 422 still costs the hour', () => {
    const { start, at } = makeCloud();
    expect(start('a7c3e9f2').status).toBe(422);
    at(MINUTE);
    expect(start('w41b11c0').status).toBe(429);
  });
});

describe('limit scope: per deployment', () => {
  it('counts reads per deployment, with the list in a bucket of its own', () => {
    const { get, list } = makeCloud({ limitScope: 'deployment' });
    for (let i = 0; i < 60; i++) expect(get('w41b11c0').status).toBe(200);
    expect(get('w41b11c0').status).toBe(429);
    expect(get('a7c3e9f2').status).toBe(200);
    for (let i = 0; i < 60; i++) expect(list().status).toBe(200);
    expect(list().status).toBe(429);
    expect(get('k9d2s7x4').status).toBe(200);
  });

  it('counts start and stop together per deployment', () => {
    const { start, stop, at } = makeCloud({ limitScope: 'deployment', startSeconds: 60 });
    expect(start('w41b11c0').status).toBe(201);
    expect(stop('a7c3e9f2').status).toBe(201);
    at(5 * MINUTE);
    const refused = stop('w41b11c0');
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe(String(55 * 60));
    at(HOUR);
    expect(stop('w41b11c0').status).toBe(201);
  });

  it('refuses read 61 of one deployment until its oldest read is 60 minutes old', () => {
    const { get, at } = makeCloud({ limitScope: 'deployment' });
    at(0);
    get('w41b11c0');
    at(30 * MINUTE);
    for (let i = 0; i < 59; i++) get('w41b11c0');
    expect(get('w41b11c0').status).toBe(429);
    at(HOUR);
    expect(get('w41b11c0').status).toBe(200);
    expect(get('w41b11c0').status).toBe(429);
  });
});

describe('Retry-After forms', () => {
  function exhaust(retryAfter: 'none' | 'seconds' | 'date', offsetMs: number) {
    const sim = makeCloud({ retryAfter });
    sim.at(offsetMs);
    sim.start('w41b11c0');
    sim.at(offsetMs + 15 * MINUTE);
    return sim.stop('a7c3e9f2');
  }

  it('seconds: whole seconds until the oldest counted request is 60 minutes old', () => {
    expect(exhaust('seconds', 0).headers['retry-after']).toBe('2700');
    // rounds up, never early: 44 min 59.6 s left -> 2700
    const sim = makeCloud();
    sim.start('w41b11c0');
    sim.at(15 * MINUTE + 400);
    expect(sim.stop('a7c3e9f2').headers['retry-after']).toBe('2700');
  });

  it('date: the same moment as an HTTP date, rounded up to the whole second', () => {
    const exact = exhaust('date', 0);
    expect(exact.status).toBe(429);
    expect(exact.headers['retry-after']).toBe(new Date(T0 + HOUR).toUTCString());
    expect(exact.headers['retry-after']).toMatch(
      /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
    );
    const late = exhaust('date', 250);
    expect(Date.parse(late.headers['retry-after'] ?? '')).toBe(T0 + HOUR + 1_000);
  });

  it('none: no Retry-After header at all', () => {
    const res = exhaust('none', 0);
    expect(res.status).toBe(429);
    expect(Object.keys(res.headers).map((k) => k.toLowerCase())).not.toContain('retry-after');
  });
});

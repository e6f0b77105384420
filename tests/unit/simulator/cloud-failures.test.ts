import { describe, expect, it } from 'vitest';
import { basic, makeCloud } from './cloud-fixture';

function statuses(seed: number, failRate: number, n: number): number[] {
  const { get, cloud } = makeCloud({ seed, failRate });
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(get('w41b11c0').status);
    cloud.resetLimits();
  }
  return out;
}

describe('injected failures (failRate, seed)', () => {
  it('failRate 1 answers every authenticated request with 500, 502 or 503', () => {
    const seen = new Set(statuses(7, 1, 90));
    expect([...seen].sort()).toEqual([500, 502, 503]);
  });

  it('checks credentials before failing', () => {
    const { call } = makeCloud({ failRate: 1 });
    expect(call('GET', '/deployments/w41b11c0', basic('demo-key', 'bad')).status).toBe(401);
  });

  it('the same seed gives the same answers; another seed others', () => {
    const a = statuses(42, 0.3, 200);
    expect(statuses(42, 0.3, 200)).toEqual(a);
    expect(statuses(43, 0.3, 200)).not.toEqual(a);
    const failed = a.filter((s) => s >= 500).length;
    expect(failed).toBeGreaterThan(35);
    expect(failed).toBeLessThan(85);
  });

  it('failRate 0 never fails', () => {
    expect(statuses(1, 0, 100).every((s) => s === 200)).toBe(true);
  });

  it('502 is an HTML page as from a gateway; 500 and 503 are JSON {code, message}', () => {
    const { get, cloud } = makeCloud({ failRate: 1, seed: 3 });
    const byStatus = new Map<number, ReturnType<typeof get>>();
    for (let i = 0; i < 60 && byStatus.size < 3; i++) {
      const res = get('w41b11c0');
      byStatus.set(res.status, res);
    }
    expect(byStatus.get(502)?.headers['content-type']).toMatch(/^text\/html/);
    expect(byStatus.get(502)?.body).toMatch(/Bad Gateway/);
    for (const s of [500, 503]) {
      expect(byStatus.get(s)?.headers['content-type']).toMatch(/^application\/json/);
      expect(byStatus.get(s)?.body).toEqual({
        code: expect.any(String),
        message: expect.any(String),
      });
    }
    expect(cloud.counters().injectedFailures).toBeGreaterThanOrEqual(3);
  });

  it('a failed request changes nothing and costs no budget', () => {
    const { start, cloud } = makeCloud({ failRate: 1 });
    expect(start('w41b11c0').status).toBeGreaterThanOrEqual(500);
    expect(cloud.deployment('w41b11c0')?.status).toBe('stopped');
    expect(cloud.limitUsage('operation')).toBe(0);
  });
});

describe('failNext', () => {
  it('answers the next N authenticated requests with the given status, then serves again', () => {
    const { get, start, call, cloud } = makeCloud();
    cloud.failNext(2, 403);
    cloud.failNext(1, 504);
    expect(call('GET', '/deployments/w41b11c0', {}).status).toBe(401);
    expect(get('w41b11c0').status).toBe(403);
    expect(start('w41b11c0').status).toBe(403);
    expect(get('w41b11c0').status).toBe(504);
    expect(get('w41b11c0').status).toBe(200);
    expect(start('w41b11c0').status).toBe(201);
  });

  it('refuses nonsense', () => {
    const { cloud } = makeCloud();
    expect(() => cloud.failNext(-1)).toThrow(RangeError);
    expect(() => cloud.failNext(1, 200)).toThrow(RangeError);
  });
});

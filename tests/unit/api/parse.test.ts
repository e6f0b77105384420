import { describe, expect, it } from 'vitest';
import { BadResponseError } from '../../../electron/core/api/errors';
import {
  parseDeployment,
  parseDeploymentList,
  parseOperation,
} from '../../../electron/core/api/parse';
import { SAMPLE, omit } from './fake-adapter';

function badField(fn: () => unknown): BadResponseError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BadResponseError);
    return error as BadResponseError;
  }
  throw new Error('parsed without error');
}

describe('parseDeployment', () => {
  it('parses the documented example', () => {
    expect(parseDeployment(SAMPLE)).toEqual({ ...SAMPLE, extra: {} });
  });

  it('keeps extra fields in extra, untouched', () => {
    const d = parseDeployment({ ...SAMPLE, cluster: { nodes: 3 }, tags: ['a'], note: null });
    expect(d.extra).toEqual({ cluster: { nodes: 3 }, tags: ['a'], note: null });
    expect(d.status).toBe('running');
  });

  it('keeps a __proto__ key as data, never as a prototype', () => {
    const d = parseDeployment(
      JSON.parse(`{"__proto__":{"polluted":1},${JSON.stringify(SAMPLE).slice(1)}`),
    );
    expect(Object.getPrototypeOf(d.extra)).toBe(Object.prototype);
    expect((d.extra as { polluted?: number }).polluted).toBeUndefined();
    expect(Object.hasOwn(d.extra, '__proto__')).toBe(true);
  });

  it('keeps an unknown status verbatim', () => {
    expect(parseDeployment({ ...SAMPLE, status: 'hibernating' }).status).toBe('hibernating');
    expect(parseDeployment({ ...SAMPLE, status: '' }).status).toBe('');
  });

  it('keeps an unknown deployment type verbatim', () => {
    expect(parseDeployment({ ...SAMPLE, deploymentType: 'byoc' }).deploymentType).toBe('byoc');
  });

  it('accepts connections as a numeric string', () => {
    expect(parseDeployment({ ...SAMPLE, connections: '1000' }).connections).toBe(1000);
    expect(parseDeployment({ ...SAMPLE, connections: ' 25.5 ' }).connections).toBe(25.5);
  });

  it('takes the optional list fields when well typed', () => {
    const d = parseDeployment({ ...SAMPLE, projectName: 'default', version: '5.8.6', tps: 1200 });
    expect(d).toMatchObject({ projectName: 'default', version: '5.8.6', tps: 1200, extra: {} });
  });

  it('moves mistyped optional fields to extra instead of failing', () => {
    const d = parseDeployment({ ...SAMPLE, projectName: 7, version: null, tps: '1200' });
    expect(d.projectName).toBeUndefined();
    expect(d.version).toBeUndefined();
    expect(d.tps).toBeUndefined();
    expect(d.extra).toEqual({ projectName: 7, version: null, tps: '1200' });
  });

  it.each(['deploymentID', 'deploymentName', 'status'])('names the missing field %s', (field) => {
    const error = badField(() => parseDeployment(omit(SAMPLE, field)));
    expect(error.field).toBe(field);
    expect(error.message).toContain(`"${field}" is missing`);
  });

  it.each([
    ['status', 42],
    ['status', null],
    ['deploymentID', 12345678],
    ['deploymentID', ''],
    ['deploymentName', { en: 'x' }],
  ])('names the mistyped field %s (%j)', (field, value) => {
    const error = badField(() => parseDeployment({ ...SAMPLE, [field]: value }));
    expect(error.field).toBe(field);
    expect(error.kind).toBe('BadResponse');
  });

  it.each([
    ['deploymentType', ''],
    ['connections', 0],
    ['createAt', ''],
    ['platform', ''],
    ['region', ''],
  ])('keeps a deployment whose %s is missing, with a placeholder it names', (field, shown) => {
    const d = parseDeployment(omit(SAMPLE, field));
    expect(d.deploymentID).toBe(SAMPLE.deploymentID);
    expect(d.status).toBe('running');
    expect(d[field as keyof typeof d]).toBe(shown);
    expect(d.missingFields).toEqual([field]);
    expect(d.extra).toEqual({});
  });

  it('names every missing descriptive field, as a Serverless answer without them would be', () => {
    const bare = {
      deploymentID: 'k9d2s7x4',
      deploymentName: 'sensor-sandbox',
      deploymentType: 'serverless',
      status: 'running',
      createAt: '2025-01-15 08:40',
    };
    const d = parseDeployment(bare);
    expect(d).toMatchObject({ ...bare, connections: 0, platform: '', region: '' });
    expect(d.missingFields).toEqual(['connections', 'platform', 'region']);
  });

  it.each([
    ['connections', 'lots'],
    ['connections', '1e9'],
    ['connections', true],
    ['region', { en: 'Hangzhou' }],
    ['createAt', ['2024-07-22']],
  ])('keeps a mistyped %s (%j) verbatim in extra and names it', (field, value) => {
    const d = parseDeployment({ ...SAMPLE, [field]: value });
    expect(d.missingFields).toEqual([field]);
    expect(d.extra).toEqual({ [field]: value });
  });

  it('treats a null descriptive field as missing, without an extra entry', () => {
    const d = parseDeployment({ ...SAMPLE, platform: null });
    expect(d.platform).toBe('');
    expect(d.missingFields).toEqual(['platform']);
    expect(d.extra).toEqual({});
  });

  it('sets no missingFields when every documented field is there', () => {
    expect(Object.hasOwn(parseDeployment(SAMPLE), 'missingFields')).toBe(false);
  });

  it('does not repeat the bad value', () => {
    const error = badField(() =>
      parseDeployment({ ...SAMPLE, status: { secret: 'hush-hush-value' } }),
    );
    expect(error.message).not.toContain('hush-hush-value');
  });

  it.each([null, [], 'running', 42, true, undefined])('refuses a non-object %j', (value) => {
    badField(() => parseDeployment(value));
  });

  it('carries the HTTP status when given', () => {
    expect(badField(() => parseDeployment({}, { status: 200 })).status).toBe(200);
  });
});

describe('parseDeploymentList', () => {
  it('parses a bare array', () => {
    const list = parseDeploymentList([
      SAMPLE,
      { ...SAMPLE, deploymentID: 'b2', status: 'stopped' },
    ]);
    expect(list.map((d) => d.deploymentID)).toEqual(['w41b11c0', 'b2']);
    expect(parseDeploymentList([])).toEqual([]);
  });

  it.each([{ data: [SAMPLE] }, null, 'x', 7, SAMPLE])('refuses a non-array %j', (value) => {
    const error = badField(() => parseDeploymentList(value));
    expect(error.message).toContain('list');
  });

  it('names the index and field of a bad element', () => {
    const third = omit(SAMPLE, 'deploymentID');
    const error = badField(() => parseDeploymentList([SAMPLE, SAMPLE, third]));
    expect(error.field).toBe('[2].deploymentID');
    expect(error.message).toContain('[2].deploymentID');
  });

  it('names the index of an element that is not an object', () => {
    expect(badField(() => parseDeploymentList([SAMPLE, 'oops'])).field).toBe('[1]');
  });

  it('keeps an element that lacks only descriptive fields', () => {
    const list = parseDeploymentList([SAMPLE, omit(omit(SAMPLE, 'connections'), 'region')]);
    expect(list).toHaveLength(2);
    expect(list[1]?.missingFields).toEqual(['connections', 'region']);
  });

  it('names a mistyped field with its index', () => {
    const error = badField(() => parseDeploymentList([{ ...SAMPLE, status: 1 }]));
    expect(error.field).toBe('[0].status');
  });
});

describe('parseOperation', () => {
  const op = {
    deploymentID: 'w41b11c0',
    deploymentName: 'deployment-w41b11c0',
    operation: 'stopping',
  };

  it('parses the documented answer, ignoring extra fields', () => {
    expect(parseOperation({ ...op, requestId: 'r1' })).toEqual(op);
  });

  it('keeps an undocumented operation verbatim', () => {
    expect(parseOperation({ ...op, operation: 'queued' }).operation).toBe('queued');
  });

  it.each(['deploymentID', 'deploymentName', 'operation'])(
    'names the missing field %s',
    (field) => {
      expect(badField(() => parseOperation(omit(op, field))).field).toBe(field);
    },
  );

  it('names a mistyped field', () => {
    expect(badField(() => parseOperation({ ...op, operation: 1 })).field).toBe('operation');
  });

  it('refuses a non-object', () => {
    badField(() => parseOperation([op]));
  });
});

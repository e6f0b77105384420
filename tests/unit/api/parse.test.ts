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

  it.each([
    'deploymentID',
    'deploymentName',
    'deploymentType',
    'status',
    'connections',
    'createAt',
    'platform',
    'region',
  ])('names the missing field %s', (field) => {
    const error = badField(() => parseDeployment(omit(SAMPLE, field)));
    expect(error.field).toBe(field);
    expect(error.message).toContain(`"${field}" is missing`);
  });

  it.each([
    ['status', 42],
    ['status', null],
    ['deploymentID', 12345678],
    ['deploymentID', ''],
    ['connections', 'lots'],
    ['connections', '1e9'],
    ['connections', true],
    ['connections', Number.NaN],
    ['region', { en: 'Hangzhou' }],
    ['createAt', ['2024-07-22']],
  ])('names the mistyped field %s (%j)', (field, value) => {
    const error = badField(() => parseDeployment({ ...SAMPLE, [field]: value }));
    expect(error.field).toBe(field);
    expect(error.kind).toBe('BadResponse');
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

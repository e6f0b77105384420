// Run-time checks of what the API answers. The fields that identify a deployment and its state
// (`deploymentID`, `deploymentName`, `status`) are required and typed; a failure names the field
// (`status`, `[2].deploymentID`) but never repeats the value, which could be anything. The
// descriptive fields (type, capacity, creation time, platform, region) are documented too, but a
// deployment whose answer lacks one (a Serverless plan may well have no connection capacity) must
// not vanish from sight: it gets a neutral placeholder and is listed in `missingFields`. Anything
// else is kept in `extra`, and a status nobody documented is kept verbatim.

import { z } from 'zod';
import { BadResponseError } from './errors';
import type { Deployment, OperationAccepted } from './types';

export interface ParseContext {
  /** HTTP status of the answer, carried into the error. */
  status?: number;
}

const NUMERIC_TEXT = /^\s*\d{1,15}(\.\d+)?\s*$/;

const deploymentRequired = {
  deploymentID: z.string().min(1),
  deploymentName: z.string(),
  status: z.string(),
};

/** Shown, never acted on. A missing or mistyped one is noted, never fatal. */
const deploymentDescriptive = {
  deploymentType: z.string(),
  // The plan's capacity. Harmless to accept "1000" for 1000.
  connections: z.union([z.number(), z.string().regex(NUMERIC_TEXT).transform(Number)]),
  createAt: z.string(),
  platform: z.string(),
  region: z.string(),
};
type DescriptiveField = keyof typeof deploymentDescriptive;
export const DESCRIPTIVE_FIELDS = Object.keys(deploymentDescriptive) as DescriptiveField[];

// Newer and list-only fields: a wrong type is moved to `extra`, not fatal.
const deploymentOptional = {
  projectName: z.string(),
  version: z.string(),
  tps: z.number(),
};

const operationRequired = {
  deploymentID: z.string().min(1),
  deploymentName: z.string(),
  operation: z.string(),
};

const deploymentSchema = z.object(deploymentRequired);
const operationSchema = z.object(operationRequired);

const KNOWN_DEPLOYMENT_KEYS = new Set([
  ...Object.keys(deploymentRequired),
  ...DESCRIPTIVE_FIELDS,
  ...Object.keys(deploymentOptional),
]);

export function parseDeployment(json: unknown, context: ParseContext = {}): Deployment {
  return deploymentAt(json, '', 'deployment', context);
}

/** `GET /deployments` answers a bare JSON array; anything else is a bad response. */
export function parseDeploymentList(json: unknown, context: ParseContext = {}): Deployment[] {
  if (!Array.isArray(json)) {
    throw bad('The API answered the deployment list with something other than a list.', context);
  }
  return json.map((item, i) => deploymentAt(item, `[${i}]`, 'deployment list', context));
}

export function parseOperation(json: unknown, context: ParseContext = {}): OperationAccepted {
  const obj = asRecord(json, '', 'operation answer', context);
  const result = operationSchema.safeParse(obj);
  if (!result.success) throw fieldError(result.error, obj, '', 'operation answer', context);
  return {
    deploymentID: result.data.deploymentID,
    deploymentName: result.data.deploymentName,
    operation: result.data.operation,
  };
}

function deploymentAt(
  json: unknown,
  prefix: string,
  what: string,
  context: ParseContext,
): Deployment {
  const obj = asRecord(json, prefix, what, context);
  const result = deploymentSchema.safeParse(obj);
  if (!result.success) throw fieldError(result.error, obj, prefix, what, context);

  const extra = Object.fromEntries(
    Object.entries(obj).filter(([k]) => !KNOWN_DEPLOYMENT_KEYS.has(k)),
  );
  const descriptive = readDescriptive(obj, extra);
  const deployment: Deployment = { ...result.data, ...descriptive.values, extra };
  if (descriptive.missing.length > 0) deployment.missingFields = descriptive.missing;
  for (const key of ['projectName', 'version'] as const) {
    if (!Object.hasOwn(obj, key)) continue;
    const value = deploymentOptional[key].safeParse(obj[key]);
    if (value.success) deployment[key] = value.data;
    else extra[key] = obj[key];
  }
  if (Object.hasOwn(obj, 'tps')) {
    const value = deploymentOptional.tps.safeParse(obj.tps);
    if (value.success) deployment.tps = value.data;
    else extra.tps = obj.tps;
  }
  return deployment;
}

/**
 * The descriptive fields, each either as sent or as a placeholder ('' or 0) listed in `missing`.
 * A value of the wrong type is kept verbatim in `extra`, where it can still be shown.
 */
function readDescriptive(
  obj: Record<string, unknown>,
  extra: Record<string, unknown>,
): { values: Pick<Deployment, DescriptiveField>; missing: DescriptiveField[] } {
  const missing: DescriptiveField[] = [];
  const text = (key: Exclude<DescriptiveField, 'connections'>): string => {
    const parsed = deploymentDescriptive[key].safeParse(obj[key]);
    if (parsed.success) return parsed.data;
    noteMissing(obj, key, extra, missing);
    return '';
  };
  const capacity = deploymentDescriptive.connections.safeParse(obj.connections);
  if (!capacity.success) noteMissing(obj, 'connections', extra, missing);
  const values = {
    deploymentType: text('deploymentType'),
    connections: capacity.success ? capacity.data : 0,
    createAt: text('createAt'),
    platform: text('platform'),
    region: text('region'),
  };
  return { values, missing: DESCRIPTIVE_FIELDS.filter((k) => missing.includes(k)) };
}

function noteMissing(
  obj: Record<string, unknown>,
  key: DescriptiveField,
  extra: Record<string, unknown>,
  missing: DescriptiveField[],
): void {
  missing.push(key);
  const value = obj[key];
  if (Object.hasOwn(obj, key) && value !== undefined && value !== null) extra[key] = value;
}

function asRecord(
  json: unknown,
  prefix: string,
  what: string,
  context: ParseContext,
): Record<string, unknown> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const which = prefix === '' ? `a ${what}` : `a ${what} entry at ${prefix}`;
    throw bad(
      `The API answered with ${which} that is not an object.`,
      context,
      prefix || undefined,
    );
  }
  return json as Record<string, unknown>;
}

function fieldError(
  error: z.ZodError,
  obj: Record<string, unknown>,
  prefix: string,
  what: string,
  context: ParseContext,
): BadResponseError {
  const key = String(error.issues[0]?.path[0] ?? '');
  const field = prefix === '' ? key : `${prefix}.${key}`;
  const missing = !Object.hasOwn(obj, key) || obj[key] === undefined || obj[key] === null;
  const problem = missing ? 'is missing' : 'has an unexpected type or value';
  return bad(`The API answered with a ${what} whose field "${field}" ${problem}.`, context, field);
}

function bad(message: string, context: ParseContext, field?: string): BadResponseError {
  return new BadResponseError(message, {
    ...(context.status !== undefined ? { status: context.status } : {}),
    ...(field !== undefined ? { field } : {}),
  });
}

// Deployment records the simulated cloud starts from: their shape, validation for records that
// come from outside (a --deployments file, the admin route), and the three demo deployments.
import { z } from 'zod';

/**
 * One deployment as the simulator stores it. The eight fields of the API page's response
 * example, with the same names and types, plus what the list endpoint adds. Any further field
 * is kept and served unchanged, because the real cloud may send fields nobody documented.
 */
export interface SimDeploymentInit {
  deploymentID: string;
  deploymentName: string;
  deploymentType: string;
  /** Served verbatim, including values nobody documented. */
  status: string;
  connections: number;
  createAt: string;
  platform: string;
  region: string;
  /** Served by `GET /deployments` only, as the list documentation shows. */
  projectName?: string;
  version?: string;
  tps?: number;
  [extra: string]: unknown;
}

/** Fields only the list endpoint carries. */
export const LIST_ONLY_FIELDS = ['projectName', 'version', 'tps'] as const;

const deploymentSchema = z.looseObject({
  deploymentID: z
    .string()
    .min(1)
    .regex(/^[^/\s?#]+$/, 'must not contain "/", "?", "#" or white space'),
  deploymentName: z.string(),
  deploymentType: z.string(),
  status: z.string().min(1),
  connections: z.number().int().nonnegative(),
  createAt: z.string(),
  platform: z.string(),
  region: z.string(),
  projectName: z.string().optional(),
  version: z.string().optional(),
  tps: z.number().nonnegative().optional(),
});

const deploymentListSchema = z.array(deploymentSchema);

/** Thrown when a deployment record from outside does not have the API's shape. */
export class InvalidDeploymentError extends Error {
  override name = 'InvalidDeploymentError';
}

function describe(error: z.ZodError): string {
  const first = error.issues[0];
  if (first === undefined) return 'invalid deployment';
  const where = first.path.length > 0 ? first.path.join('.') : '(root)';
  return `${where}: ${first.message}`;
}

/** Validates one deployment record (the admin add route). */
export function parseDeployment(value: unknown): SimDeploymentInit {
  const result = deploymentSchema.safeParse(value);
  if (!result.success) throw new InvalidDeploymentError(describe(result.error));
  return result.data as SimDeploymentInit;
}

/** Validates a whole list (a --deployments file); IDs must be unique. */
export function parseDeploymentList(value: unknown): SimDeploymentInit[] {
  const result = deploymentListSchema.safeParse(value);
  if (!result.success) throw new InvalidDeploymentError(describe(result.error));
  const seen = new Set<string>();
  for (const d of result.data) {
    if (seen.has(d.deploymentID)) {
      throw new InvalidDeploymentError(`duplicate deploymentID "${d.deploymentID}"`);
    }
    seen.add(d.deploymentID);
  }
  return result.data as SimDeploymentInit[];
}

/**
 * Three realistic deployments, fresh copies on every call: a running dedicated one on AWS, the
 * API page's own example (dedicated, 阿里云 / 杭州) but stopped, and a running serverless one.
 */
export function defaultDeployments(): SimDeploymentInit[] {
  return [
    {
      deploymentID: 'a7c3e9f2',
      deploymentName: 'production-broker',
      deploymentType: 'dedicated',
      status: 'running',
      connections: 5000,
      createAt: '2024-03-11 09:14',
      platform: 'AWS',
      region: 'N. Virginia (us-east-1)',
      projectName: 'default',
      version: '5.8.6',
      tps: 5000,
    },
    {
      deploymentID: 'w41b11c0',
      deploymentName: 'deployment-w41b11c0',
      deploymentType: 'dedicated',
      status: 'stopped',
      connections: 1000,
      createAt: '2024-07-22 05:32',
      platform: '阿里云',
      region: '杭州',
      projectName: 'staging',
      version: '5.8.6',
      tps: 1000,
    },
    {
      deploymentID: 'k9d2s7x4',
      deploymentName: 'sensor-sandbox',
      deploymentType: 'serverless',
      status: 'running',
      connections: 1000,
      createAt: '2025-01-15 08:40',
      platform: 'AWS',
      region: 'Singapore (ap-southeast-1)',
      projectName: 'default',
      version: '5',
      tps: 1000,
    },
  ];
}

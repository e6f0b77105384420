// Control routes under /__sim/ for tests, the demo and the benchmark. They exist only when the
// cloud was made with `admin: true`; otherwise /__sim/ paths go to the API and answer like any
// unknown route (401 without credentials, else 404). They need no credentials, are not logged
// as API requests and never count toward the limits.
import {
  errorResponse,
  jsonResponse,
  pathOnly,
  type SimRequest,
  type SimResponse,
  type SimulatedCloud,
} from './cloud';
import { InvalidDeploymentError, parseDeployment } from './deployment-data';

export const ADMIN_PREFIX = '/__sim';

export function isAdminPath(path: string): boolean {
  const p = pathOnly(path);
  return p === ADMIN_PREFIX || p.startsWith(`${ADMIN_PREFIX}/`);
}

/** Answers any request: admin routes when enabled, the API otherwise. */
export function handleSimulatorRequest(cloud: SimulatedCloud, req: SimRequest): SimResponse {
  if (cloud.options.admin && isAdminPath(req.path)) return handleAdminRequest(cloud, req);
  return cloud.handle(req);
}

function readJson(body: string | undefined): { ok: true; value: unknown } | { ok: false } {
  if (body === undefined || body.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false };
  }
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

export function handleAdminRequest(cloud: SimulatedCloud, req: SimRequest): SimResponse {
  const method = req.method.toUpperCase();
  const parts = pathOnly(req.path)
    .slice(ADMIN_PREFIX.length + 1)
    .split('/');
  const json = readJson(req.body);
  if (!json.ok) return errorResponse(400, 'BAD_REQUEST', 'Request body is not valid JSON');
  const body = json.value;
  let id: string;
  try {
    id = decodeURIComponent(parts[1] ?? '');
  } catch {
    return errorResponse(400, 'BAD_REQUEST', 'Malformed deployment ID');
  }
  // The path's shape with the ID replaced: `deployments`, `deployments/:id/status`, ...
  const shape = [parts[0], ...(parts.length > 1 ? [':id'] : []), ...parts.slice(2)].join('/');
  switch (`${method} ${shape}`) {
    case 'GET deployments':
      return jsonResponse(200, cloud.deployments());
    case 'POST deployments': {
      let d;
      try {
        d = parseDeployment(body);
      } catch (e) {
        return errorResponse(400, 'BAD_REQUEST', (e as Error).message);
      }
      if (cloud.deployment(d.deploymentID) !== undefined) {
        return errorResponse(409, 'CONFLICT', `Deployment ${d.deploymentID} already exists`);
      }
      return jsonResponse(201, cloud.addDeployment(d));
    }
    case 'DELETE deployments/:id':
      return cloud.removeDeployment(id)
        ? jsonResponse(200, { removed: id })
        : errorResponse(404, 'NOT_FOUND', `Deployment ${id} not found`);
    case 'POST deployments/:id/status': {
      const status = field(body, 'status');
      if (typeof status !== 'string' || status === '') {
        return errorResponse(400, 'BAD_REQUEST', 'Body must be {"status": "<non-empty text>"}');
      }
      if (cloud.deployment(id) === undefined) {
        return errorResponse(404, 'NOT_FOUND', `Deployment ${id} not found`);
      }
      try {
        cloud.setStatus(id, status);
      } catch (e) {
        if (e instanceof InvalidDeploymentError)
          return errorResponse(400, 'BAD_REQUEST', e.message);
        throw e;
      }
      return jsonResponse(200, cloud.deployment(id));
    }
    case 'POST reset-limits':
      cloud.resetLimits();
      return jsonResponse(200, { ok: true });
    case 'POST fail-next': {
      const count = field(body, 'count') ?? 1;
      const status = field(body, 'status') ?? 503;
      try {
        cloud.failNext(count as number, status as number);
      } catch (e) {
        return errorResponse(400, 'BAD_REQUEST', (e as Error).message);
      }
      return jsonResponse(200, { ok: true });
    }
    case 'GET requests':
      return jsonResponse(200, cloud.requests());
    case 'GET changes':
      return jsonResponse(200, cloud.changes());
    case 'GET counters':
      return jsonResponse(200, cloud.counters());
    default:
      return errorResponse(
        404,
        'NOT_FOUND',
        `No control route for ${method} ${pathOnly(req.path)}`,
      );
  }
}

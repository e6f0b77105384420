// The last good snapshot of a deployment: every field the API sent.
import type { Deployment } from '../api/types';
import type { DeploymentFields } from '../../shared/model';

/**
 * A copy of `read` as state. Single reads lack the list's extra fields; rather than make them
 * blink in and out, the previous snapshot's values are kept until a list read replaces them.
 */
export function fieldsFromRead(read: Deployment, previous?: DeploymentFields): DeploymentFields {
  const fields: DeploymentFields = {
    deploymentID: read.deploymentID,
    deploymentName: read.deploymentName,
    deploymentType: read.deploymentType,
    status: read.status,
    connections: read.connections,
    createAt: read.createAt,
    platform: read.platform,
    region: read.region,
    extra: { ...read.extra },
  };
  const projectName = read.projectName ?? previous?.projectName;
  const version = read.version ?? previous?.version;
  const tps = read.tps ?? previous?.tps;
  if (projectName !== undefined) fields.projectName = projectName;
  if (version !== undefined) fields.version = version;
  if (tps !== undefined) fields.tps = tps;
  return fields;
}

export function copyFields(fields: DeploymentFields): DeploymentFields {
  return { ...fields, extra: { ...fields.extra } };
}

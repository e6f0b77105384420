// The last good snapshot of a deployment: every field the API sent.
import type { Deployment } from '../api/types';
import type { DeploymentFields } from '../../shared/model';

type Descriptive = 'deploymentType' | 'connections' | 'createAt' | 'platform' | 'region';
const DESCRIPTIVE: readonly Descriptive[] = [
  'deploymentType',
  'connections',
  'createAt',
  'platform',
  'region',
];

/**
 * A copy of `read` as state. Single reads lack the list's extra fields, and an answer may lack a
 * descriptive one; rather than make them blink in and out, the previous snapshot's values are
 * kept until a read that has them replaces them.
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

  const missing: string[] = [];
  for (const key of DESCRIPTIVE) {
    if (read.missingFields?.includes(key) !== true) continue;
    if (previous !== undefined && previous.missingFields?.includes(key) !== true) {
      copyField(fields, previous, key);
    } else missing.push(key);
  }
  if (missing.length > 0) fields.missingFields = missing;
  return fields;
}

function copyField<K extends Descriptive>(
  to: DeploymentFields,
  from: DeploymentFields,
  key: K,
): void {
  to[key] = from[key];
}

export function copyFields(fields: DeploymentFields): DeploymentFields {
  const copy: DeploymentFields = { ...fields, extra: { ...fields.extra } };
  if (fields.missingFields !== undefined) copy.missingFields = [...fields.missingFields];
  return copy;
}

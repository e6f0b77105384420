// Deployment IDs go into the request path, so they are checked before anything is sent:
// `../x`, `a/b` or `%2e%2e` must never reach the network, even though the path is encoded too.

import { InvalidInputError } from './errors';

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const ECHO_LIMIT = 24;

export function validateDeploymentId(id: string): string {
  if (typeof id !== 'string') throw new InvalidInputError('The deployment ID must be text.');
  if (id === '') throw new InvalidInputError('Enter a deployment ID.');
  if (!ID_PATTERN.test(id)) {
    throw new InvalidInputError(
      `The deployment ID ${echo(id)} is not valid: use 1 to 64 letters, digits, "-" or "_".`,
    );
  }
  return id;
}

/** The path segment for an ID already validated. Encoded anyway, as a second fence. */
export function deploymentPath(id: string): string {
  return `/deployments/${encodeURIComponent(validateDeploymentId(id))}`;
}

/** A short, printable excerpt of the refused input: never a 10 kB string, never a newline. */
function echo(id: string): string {
  const chars = [...id];
  const head = chars
    .slice(0, ECHO_LIMIT)
    .map((c) => (/^[\x20-\x7e]$/.test(c) ? c : '?'))
    .join('');
  const more = chars.length > ECHO_LIMIT ? `… (${chars.length} characters)` : '';
  return `"${head}"${more}`;
}

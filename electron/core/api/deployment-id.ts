// Deployment IDs go into the request path, so they are checked before anything is sent:
// `../x`, `a/b` or `%2e%2e` must never reach the network, even though the path is encoded too.

import { InvalidInputError } from './errors';

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const ECHO_LIMIT = 24;

export interface ValidateIdOptions {
  /**
   * Whether the message may quote (the start of) a refused ID. Default true. The API client
   * turns it off: a user may paste the secret into the wrong field, and even a cut quote of it
   * would be a leak.
   */
  echo?: boolean;
}

export function validateDeploymentId(id: string, opts: ValidateIdOptions = {}): string {
  if (typeof id !== 'string') throw new InvalidInputError('The deployment ID must be text.');
  if (id === '') throw new InvalidInputError('Enter a deployment ID.');
  if (!ID_PATTERN.test(id)) {
    const quoted = opts.echo === false ? '' : ` ${echo(id)}`;
    throw new InvalidInputError(
      `The deployment ID${quoted} is not valid: use 1 to 64 letters, digits, "-" or "_".`,
    );
  }
  return id;
}

/** The path of a deployment, validated first and encoded anyway, as a second fence. */
export function deploymentPath(id: string, opts: ValidateIdOptions = {}): string {
  return `/deployments/${encodeURIComponent(validateDeploymentId(id, opts))}`;
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

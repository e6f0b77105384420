// "Test connection": exactly one read with the credentials being entered, and what it means.
// With no deployment ID known yet, the list is the only read there is. Older APIs answer the
// list with 404; on a Platform API address that still proves the key and secret work.
import { looksLikePlatformApiBase } from '../api/base-url';
import type { Deployment } from '../api/types';
import { problemFrom } from '../deployments/problem';
import { looksLikeDeploymentApi } from '../accounts/site';
import type { CommandResponses } from '../../shared/contract';
import type { SiteSetting } from '../../shared/model';

export type ConnectionTestResult = CommandResponses['account.test'];
type Hint = Extract<ConnectionTestResult, { ok: false }>['hint'];

export interface ConnectionTestInput {
  site: SiteSetting;
  /** The address as the user typed it (custom) or the preset. */
  baseUrl: string;
  /** The one read: the account's list, counted in the key's budget by the caller. */
  list: () => Promise<Deployment[]>;
  now: () => number;
}

export async function testConnection(input: ConnectionTestInput): Promise<ConnectionTestResult> {
  const { site, baseUrl, list: readList, now } = input;
  const brokerApi = looksLikeDeploymentApi(baseUrl);
  try {
    const list = await readList();
    return { ok: true, deploymentCount: list.length };
  } catch (error) {
    const problem = problemFrom(error, now());
    if (problem.kind === 'NotFound' && !brokerApi && looksLikePlatformApiBase(baseUrl)) {
      return { ok: true };
    }
    const hint = hintFor(problem.kind, site, brokerApi);
    return hint === undefined ? { ok: false, problem } : { ok: false, problem, hint };
  }
}

/** The one hint that best says what to check next, if any. */
export function hintFor(kind: string, site: SiteSetting, brokerApi: boolean): Hint {
  if (brokerApi) return 'app-id-not-platform-key';
  // A plain 401 on a Platform API address is most often a mistyped secret: the problem's own
  // words already mention the App ID mix-up, so the stronger hint is kept for when it fits.
  switch (kind) {
    case 'Forbidden':
      return 'check-scope';
    case 'NotFound':
    case 'NetworkError':
    case 'Timeout':
    case 'BadResponse':
      return site === 'custom' ? 'check-base-url' : undefined;
    default:
      return undefined;
  }
}

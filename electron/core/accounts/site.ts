// Which EMQX Cloud site an account talks to, and where its console is. Custom bases that point
// at one of the two sites' hosts open that site's console; anything else opens the international
// console, which is where most accounts live.
import { parseBaseUrl, resolveSiteBaseUrl } from '../api/base-url';
import type { SiteSetting } from '../../shared/model';

export type ConsoleSite = 'international' | 'china';

const CONSOLE_ORIGINS: Record<ConsoleSite, string> = {
  international: 'https://cloud-intl.emqx.com',
  china: 'https://cloud.emqx.com',
};

const HOST_SITES: Record<string, ConsoleSite> = {
  'cloud-intl.emqx.com': 'international',
  'cloud.emqx.com': 'china',
};

/** The validated API base URL of an account: a site preset, or the custom address. */
export function accountBaseUrl(site: SiteSetting, customBaseUrl?: string): string {
  return resolveSiteBaseUrl(site, customBaseUrl);
}

export function consoleSiteOf(site: SiteSetting, baseUrl: string): ConsoleSite {
  if (site !== 'custom') return site;
  let host: string;
  try {
    host = new URL(parseBaseUrl(baseUrl)).hostname.toLowerCase();
  } catch {
    return 'international';
  }
  return HOST_SITES[host] ?? 'international';
}

/** "Open in EMQX Cloud console": a deployment's overview, or the console's start page. */
export function consoleUrl(site: SiteSetting, baseUrl: string, deploymentId?: string): string {
  const origin = CONSOLE_ORIGINS[consoleSiteOf(site, baseUrl)];
  if (deploymentId === undefined) return `${origin}/console/`;
  return `${origin}/console/deployments/${encodeURIComponent(deploymentId)}/overview`;
}

const DEPLOYMENT_HOST = /\.emqxsl\.(com|cn)$/i;

/**
 * Whether an address looks like a deployment's own broker API (`/api/v5`, `*.emqxsl.com`)
 * rather than the Platform API: the App ID and App Secret of a deployment do not work here.
 */
export function looksLikeDeploymentApi(baseUrl: string | undefined): boolean {
  if (baseUrl === undefined || baseUrl.trim() === '') return false;
  if (/\/api\/v\d+(\/|$)/i.test(baseUrl)) return true;
  try {
    return DEPLOYMENT_HOST.test(new URL(baseUrl.trim()).hostname);
  } catch {
    return false;
  }
}

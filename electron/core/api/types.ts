// The shapes EMQX Cloud's Platform API returns, as this app understands them.
// `status` stays a plain string: the cloud may send values nobody documented, and those must
// be shown verbatim, never acted on, never crash anything.

import type { DeploymentFields } from '../../shared/model';

export const KNOWN_STATUSES = [
  'running',
  'starting',
  'stopped',
  'pending',
  'stopping',
  'failed',
] as const;
export type KnownStatus = (typeof KNOWN_STATUSES)[number];

export function isKnownStatus(status: string): status is KnownStatus {
  return (KNOWN_STATUSES as readonly string[]).includes(status);
}

/**
 * One deployment as the API reports it: the same plain data the window shows, so it is defined
 * once, beside the rest of the state model.
 */
export type Deployment = DeploymentFields;

/** The 201 answer to start and stop. */
export interface OperationAccepted {
  deploymentID: string;
  deploymentName: string;
  /** `starting` or `stopping` as documented; kept verbatim. */
  operation: string;
}

export const SITE_PRESETS = {
  international: 'https://cloud-intl.emqx.com/public_api/v1',
  china: 'https://cloud.emqx.com/public_api/v1',
} as const;
export type SitePreset = keyof typeof SITE_PRESETS;
export type Site = SitePreset | 'custom';

export interface Credentials {
  /** Platform API key (the user name of HTTP Basic). Not a secret on its own. */
  key: string;
  /** Platform API secret. Never logged, never persisted outside the keychain. */
  secret: string;
}

export interface ApiClientOptions extends Credentials {
  /** Validated and normalised by `parseBaseUrl` before any request. */
  baseUrl: string;
  /** Per-request timeout in milliseconds. Default 15 000. */
  timeoutMs?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

/** One account's view of the Platform API. Every method throws only `ApiError` subclasses. */
export interface ApiClient {
  readonly baseUrl: string;
  getDeployment(id: string, opts?: RequestOptions): Promise<Deployment>;
  /** `GET /deployments`. Older APIs lack it and answer 404 (`NotFoundError`). */
  listDeployments(opts?: RequestOptions): Promise<Deployment[]>;
  startDeployment(id: string, opts?: RequestOptions): Promise<OperationAccepted>;
  stopDeployment(id: string, opts?: RequestOptions): Promise<OperationAccepted>;
}

// The EMQX Cloud Platform API client and everything it is made of.

export * from './types';
export * from './errors';
export {
  parseBaseUrl,
  looksLikePlatformApiBase,
  resolveSiteBaseUrl,
  isLoopbackHost,
} from './base-url';
export { validateDeploymentId, deploymentPath, type ValidateIdOptions } from './deployment-id';
export { parseDeployment, parseDeploymentList, parseOperation, type ParseContext } from './parse';
export { parseRetryAfter, MAX_RETRY_AFTER_MS } from './retry-after';
export { readErrorBody, type ErrorBodyInfo } from './error-body';
export {
  errorForStatus,
  errorForTransport,
  headerValue,
  type MapContext,
  type Operation,
} from './map-error';
export { createApiClient, DEFAULT_TIMEOUT_MS, type CreateApiClientOptions } from './client';
export { credentialSecrets } from '../log/redact';

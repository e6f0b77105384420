// Typed errors of the API client. They carry only what a user or the engine needs (kind, HTTP
// status, the server's code/message) and nothing of the request: no URL credentials, no
// Authorization header, no axios config. That is what keeps secrets out of logs and the UI.

export type ApiErrorKind =
  | 'AuthFailed'
  | 'Forbidden'
  | 'NotFound'
  | 'InvalidState'
  | 'RateLimited'
  | 'ServerError'
  | 'BadResponse'
  | 'Timeout'
  | 'NetworkError'
  | 'InvalidInput'
  | 'Aborted';

export interface ApiErrorDetails {
  status?: number;
  /** The server's JSON `code`, when the error body had one. */
  code?: string;
  /** The server's JSON `message`, when the error body had one (already scrubbed). */
  serverMessage?: string;
}

/** Plain-data form of an error: what crosses IPC and goes into state snapshots. */
export interface ApiErrorInfo extends ApiErrorDetails {
  kind: ApiErrorKind;
  message: string;
  /** RateLimited only: epoch ms from Retry-After, absent when the server gave none. */
  retryAt?: number;
  /** BadResponse only: the field that was missing or mistyped. */
  field?: string;
}

export abstract class ApiError extends Error {
  abstract readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly serverMessage?: string;

  constructor(message: string, details: ApiErrorDetails = {}) {
    super(message);
    this.name = new.target.name;
    if (details.status !== undefined) this.status = details.status;
    if (details.code !== undefined) this.code = details.code;
    if (details.serverMessage !== undefined) this.serverMessage = details.serverMessage;
  }

  toInfo(): ApiErrorInfo {
    const info: ApiErrorInfo = { kind: this.kind, message: this.message };
    if (this.status !== undefined) info.status = this.status;
    if (this.code !== undefined) info.code = this.code;
    if (this.serverMessage !== undefined) info.serverMessage = this.serverMessage;
    return info;
  }

  toJSON(): ApiErrorInfo {
    return this.toInfo();
  }
}

export class AuthFailedError extends ApiError {
  readonly kind = 'AuthFailed' as const;
}
export class ForbiddenError extends ApiError {
  readonly kind = 'Forbidden' as const;
}
export class NotFoundError extends ApiError {
  readonly kind = 'NotFound' as const;
}
/** 422: most likely the deployment is not in a state that allows the operation. */
export class InvalidStateError extends ApiError {
  readonly kind = 'InvalidState' as const;
}
export class RateLimitedError extends ApiError {
  readonly kind = 'RateLimited' as const;
  /** Epoch ms parsed from Retry-After (seconds or HTTP date); undefined when absent. */
  readonly retryAt?: number;
  constructor(message: string, details: ApiErrorDetails & { retryAt?: number } = {}) {
    super(message, details);
    if (details.retryAt !== undefined) this.retryAt = details.retryAt;
  }
  override toInfo(): ApiErrorInfo {
    const info = super.toInfo();
    if (this.retryAt !== undefined) info.retryAt = this.retryAt;
    return info;
  }
}
export class ServerError extends ApiError {
  readonly kind = 'ServerError' as const;
}
export class BadResponseError extends ApiError {
  readonly kind = 'BadResponse' as const;
  readonly field?: string;
  constructor(message: string, details: ApiErrorDetails & { field?: string } = {}) {
    super(message, details);
    if (details.field !== undefined) this.field = details.field;
  }
  override toInfo(): ApiErrorInfo {
    const info = super.toInfo();
    if (this.field !== undefined) info.field = this.field;
    return info;
  }
}
export class TimeoutError extends ApiError {
  readonly kind = 'Timeout' as const;
}
export class NetworkError extends ApiError {
  readonly kind = 'NetworkError' as const;
}
/** A base URL or deployment ID refused before any request was made. */
export class InvalidInputError extends ApiError {
  readonly kind = 'InvalidInput' as const;
}
/** The caller's AbortSignal fired. Not a failure of the cloud. */
export class AbortedError extends ApiError {
  readonly kind = 'Aborted' as const;
}

/** Errors worth retrying (for reads only; start/stop are never retried). */
export function isTransient(kind: ApiErrorKind): boolean {
  return (
    kind === 'Timeout' ||
    kind === 'NetworkError' ||
    kind === 'ServerError' ||
    kind === 'RateLimited'
  );
}

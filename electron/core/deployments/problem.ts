// Turns whatever a request threw into the plain `Problem` the state and the UI carry.
import { ApiError } from '../api/errors';
import type { Problem, ProblemKind } from '../../shared/model';

export function problemFrom(error: unknown, at: number): Problem {
  if (error instanceof ApiError) return { ...error.toInfo(), at };
  // The client promises ApiError only; anything else is a defect, kept visible but harmless.
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'BadResponse', message: `Unexpected failure: ${message}`, at };
}

export function problemOf(kind: ProblemKind, message: string, at: number): Problem {
  return { kind, message, at };
}

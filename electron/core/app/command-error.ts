// Every failure of a command, as data the window can word: a problem kind with its Problem, or
// a catalog key with parameters. Nothing is thrown across to the shells.
import { ApiError } from '../api/errors';
import { KeychainError } from '../accounts/secret-vault';
import { problemFrom } from '../deployments/problem';
import type { CommandError, ConnectionHint } from '../../shared/contract';
import type { Problem } from '../../shared/model';

/** A refusal the controller decided on: a catalog key or problem kind, and what it refers to. */
export class CommandFailure extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly problem?: Problem,
    /** What to check next, for refused credentials. */
    readonly hint?: ConnectionHint,
  ) {
    super(code);
    this.name = 'CommandFailure';
  }
}

export function toCommandError(error: unknown, now: number): CommandError {
  if (error instanceof CommandFailure) {
    const out: CommandError = { code: error.code };
    if (Object.keys(error.params).length > 0) out.params = { ...error.params };
    if (error.problem !== undefined) out.problem = { ...error.problem };
    if (error.hint !== undefined) out.hint = error.hint;
    return out;
  }
  if (error instanceof KeychainError) {
    return { code: error.kind, problem: { kind: error.kind, message: error.message, at: now } };
  }
  if (error instanceof ApiError) {
    const problem = problemFrom(error, now);
    return { code: problem.kind, problem };
  }
  return { code: 'errors.unknown' };
}

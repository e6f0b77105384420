// Start or stop, from the window or the tray. The engine decides whether it may go out and sends
// it at most once; the outcome becomes a notice in the window and, when it did not go out, an
// error for the caller.
import { formatTime } from '../../shared/i18n/format';
import type { Locale, Operation, OperationBlock } from '../../shared/model';
import { deploymentKey } from '../../shared/model';
import { CommandFailure } from './command-error';
import type { ControllerContext } from './context';

export async function runOperation(
  ctx: ControllerContext,
  accountId: string,
  deploymentId: string,
  op: Operation,
): Promise<void> {
  const key = deploymentKey(accountId, deploymentId);
  const name = ctx.snapshot().deployments.find((d) => d.key === key)?.name ?? deploymentId;
  const result = await ctx.engine.operate(accountId, deploymentId, op);
  const base = { deploymentKey: key, op, name };

  switch (result.outcome) {
    case 'sent':
      ctx.logger.info('operation sent', { key, op });
      ctx.notices.add('operation-sent', ctx.now(), base);
      ctx.changed();
      return;
    case 'blocked':
      ctx.logger.info('operation not allowed now', { key, op, reason: result.block.reason });
      throw blockFailure(result.block, ctx.locale());
    case 'refused':
    case 'failed': {
      const { problem } = result;
      ctx.logger.warn('operation not accepted', { key, op, problem: problem.kind });
      const params: Record<string, string | number> = { ...base, problemKind: problem.kind };
      if (problem.retryAt !== undefined) params.retryAt = problem.retryAt;
      ctx.notices.add(
        result.outcome === 'refused' ? 'operation-refused' : 'operation-failed',
        ctx.now(),
        params,
      );
      ctx.changed();
      throw new CommandFailure(problem.kind, {}, problem);
    }
  }
}

/** A `block.*` catalog key with the parameters its text needs. */
export function blockFailure(block: OperationBlock, locale: Locale): CommandFailure {
  switch (block.reason) {
    case 'wrong-state':
      return new CommandFailure('block.wrong-state', { status: block.status });
    case 'window':
      return new CommandFailure('block.window', { time: formatTime(locale, block.availableAt) });
    case 'rate-limited':
      return block.availableAt === undefined
        ? new CommandFailure('block.rate-limited')
        : new CommandFailure('block.rate-limited.until', {
            time: formatTime(locale, block.availableAt),
          });
    case 'account-problem':
      return new CommandFailure('block.account-problem', { kind: block.kind });
    default:
      return new CommandFailure(`block.${block.reason}`);
  }
}

// The handler map's type: one handler per command, so a command added to the contract without
// a handler here does not compile.
import type { CommandName, CommandResponses } from '../../../shared/contract';
import type { ParsedRequest } from '../controller-types';

export type CommandHandlers = {
  [C in CommandName]: (request: ParsedRequest<C>) => Promise<CommandResponses[C]>;
};

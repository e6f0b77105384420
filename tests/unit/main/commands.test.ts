// The preload's command list (commands.ts) and main's schemas (contract.ts) must name the same
// commands: the compiler checks the set, this checks the list itself.
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, isCommandName } from '../../../electron/shared/commands';
import { commandSchemas, COMMAND_NAMES as REEXPORTED } from '../../../electron/shared/contract';

describe('command names', () => {
  it('lists every schema once', () => {
    expect(new Set(COMMAND_NAMES).size).toBe(COMMAND_NAMES.length);
    expect([...COMMAND_NAMES].sort()).toEqual(Object.keys(commandSchemas).sort());
  });

  it('is what contract.ts re-exports', () => {
    expect(REEXPORTED).toBe(COMMAND_NAMES);
  });

  it('knows only its own names, not inherited properties', () => {
    expect(isCommandName('deployment.operate')).toBe(true);
    expect(isCommandName('toString')).toBe(false);
    expect(isCommandName('__proto__')).toBe(false);
    expect(isCommandName(42)).toBe(false);
  });
});

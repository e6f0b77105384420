import { describe, expect, it } from 'vitest';
import { deploymentPath, validateDeploymentId } from '../../../electron/core/api/deployment-id';
import { InvalidInputError } from '../../../electron/core/api/errors';

describe('validateDeploymentId', () => {
  it.each(['w41b11c0', 'a', 'A-b_9', 'x'.repeat(64)])('accepts %s', (id) => {
    expect(validateDeploymentId(id)).toBe(id);
  });

  it.each([
    ['dot-dot path', '../x'],
    ['slash', 'a/b'],
    ['empty', ''],
    ['space', 'a b'],
    ['encoded dots', '%2e%2e'],
    ['65 characters', 'x'.repeat(65)],
    ['10 kB', 'y'.repeat(10_240)],
    ['dot', '.'],
    ['query', 'abc?x=1'],
    ['fragment', 'abc#x'],
    ['backslash', 'a\\b'],
    ['newline', 'abc\n'],
    ['leading space', ' abc'],
    ['non-ASCII letter', 'dép'],
    ['NUL', 'ab\u0000c'],
  ])('refuses %s', (_name, id) => {
    expect(() => validateDeploymentId(id)).toThrow(InvalidInputError);
  });

  it('never echoes a long string back', () => {
    const long = 'Z'.repeat(10_240);
    try {
      validateDeploymentId(long);
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message.length).toBeLessThan(160);
      expect(message).toContain('10240 characters');
      expect(message).not.toContain('Z'.repeat(25));
    }
  });

  it('echoes a short refused ID printably, on one line', () => {
    try {
      validateDeploymentId('a\nb/c');
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('"a?b/c"');
      expect(message).not.toContain('\n');
    }
  });

  it('can refuse without quoting the input at all', () => {
    expect(() => validateDeploymentId('secret/value', { echo: false })).toThrow(
      'The deployment ID is not valid',
    );
    try {
      validateDeploymentId('secret/value', { echo: false });
    } catch (error) {
      expect((error as Error).message).not.toContain('secret');
    }
  });

  it('refuses non-string input', () => {
    expect(() => validateDeploymentId(undefined as unknown as string)).toThrow(InvalidInputError);
  });
});

describe('deploymentPath', () => {
  it('builds the path of a valid ID', () => {
    expect(deploymentPath('w41b11c0')).toBe('/deployments/w41b11c0');
  });
  it('refuses an invalid one', () => {
    expect(() => deploymentPath('../x')).toThrow(InvalidInputError);
  });
});

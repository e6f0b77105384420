import { describe, expect, it } from 'vitest';
import { classifyDeploymentChange } from '../../../electron/core/notify/deployment-change';
import type { StatusKind } from '../../../electron/shared/model';
import { makeDeployment } from '../../fixtures/snapshot';

const at = (statusKind: StatusKind, unexpectedStop = false) =>
  makeDeployment({ statusKind, unexpectedStop });

describe('classifyDeploymentChange', () => {
  it('reports nothing for a deployment without an earlier read', () => {
    expect(classifyDeploymentChange(undefined, at('running'))).toBeNull();
    expect(classifyDeploymentChange(at('unchecked'), at('stopped', true))).toBeNull();
  });

  it('reports nothing when the status stays the same', () => {
    expect(classifyDeploymentChange(at('running'), at('running'))).toBeNull();
    expect(classifyDeploymentChange(at('stopped'), at('stopped', true))).toBeNull();
  });

  it.each<[StatusKind, StatusKind, string]>([
    ['stopped', 'running', 'became-running'],
    ['starting', 'running', 'became-running'],
    ['stopping', 'stopped', 'became-stopped'],
    ['running', 'failed', 'failed'],
    ['running', 'not-found', 'not-found'],
  ])('%s -> %s is %s', (from, to, kind) => {
    expect(classifyDeploymentChange(at(from), at(to))).toBe(kind);
  });

  it('tells a stop nobody asked for from an ordinary one', () => {
    expect(classifyDeploymentChange(at('running'), at('stopped', true))).toBe('unexpected-stop');
    expect(classifyDeploymentChange(at('running'), at('stopped', false))).toBe('became-stopped');
  });

  it.each<StatusKind>(['starting', 'stopping', 'pending', 'unknown', 'unchecked'])(
    'is silent on entering %s',
    (to) => {
      expect(classifyDeploymentChange(at('running'), at(to))).toBeNull();
      expect(classifyDeploymentChange(at('stopped'), at(to))).toBeNull();
    },
  );
});

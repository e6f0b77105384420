// The storage port of the ledger. The controller keeps the data in the settings file; the
// ledger only asks for plain JSON back. Whatever comes back is validated: a hand-edited or
// half-written file must not crash the engine or unlock a budget the server still counts.
import { z } from 'zod';
import type { LedgerData } from './ledger';

export interface LedgerStore {
  load(): LedgerData | undefined;
  save(data: LedgerData): void;
}

const stamp = z.number().finite();

const classSchema = z.object({
  sent: z.array(stamp).max(10_000),
  rateLimitedUntil: stamp.optional(),
});

const scopeSchema = z.object({
  reads: classSchema,
  writes: classSchema,
  writesNextAllowedAt: stamp.optional(),
  learntReadLimit: z.number().int().positive().optional(),
  sharedKeySuspectedAt: stamp.optional(),
  pacing: z.object({ tokens: z.number().finite(), at: stamp }),
});

const ledgerSchema = z.object({
  version: z.literal(1),
  scopes: z.record(z.string(), scopeSchema),
});

/** The ledger in `value`, or undefined when it is not one (missing, corrupt, a newer version). */
export function parseLedgerData(value: unknown): LedgerData | undefined {
  const result = ledgerSchema.safeParse(value);
  if (!result.success) return undefined;
  const scopes: LedgerData['scopes'] = {};
  for (const [name, s] of Object.entries(result.data.scopes)) {
    const scope: LedgerData['scopes'][string] = {
      reads: copyClass(s.reads),
      writes: copyClass(s.writes),
      pacing: { tokens: s.pacing.tokens, at: s.pacing.at },
    };
    if (s.writesNextAllowedAt !== undefined) scope.writesNextAllowedAt = s.writesNextAllowedAt;
    if (s.learntReadLimit !== undefined) scope.learntReadLimit = s.learntReadLimit;
    if (s.sharedKeySuspectedAt !== undefined) scope.sharedKeySuspectedAt = s.sharedKeySuspectedAt;
    scopes[name] = scope;
  }
  return { version: 1, scopes };
}

function copyClass(c: z.infer<typeof classSchema>): LedgerData['scopes'][string]['reads'] {
  const out: LedgerData['scopes'][string]['reads'] = { sent: [...c.sent] };
  if (c.rateLimitedUntil !== undefined) out.rateLimitedUntil = c.rateLimitedUntil;
  return out;
}

/** A store that keeps the data in memory (tests, the benchmark, a session without settings). */
export function memoryLedgerStore(initial?: LedgerData): LedgerStore & { data?: LedgerData } {
  const store: LedgerStore & { data?: LedgerData } = {
    load: () => (store.data === undefined ? undefined : structuredClone(store.data)),
    save: (data) => {
      store.data = structuredClone(data);
    },
  };
  if (initial !== undefined) store.data = structuredClone(initial);
  return store;
}

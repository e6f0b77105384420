// The one IPC contract between the window and the main process. Each command has a request
// schema (validated at run time in main before anything acts on it) and a response type (checked
// at compile time). The renderer imports this file with `import type` only, so zod stays out of
// its bundle; main and the headless shell import it for real. The names, channels and bridge
// types live in commands.ts, which the preload imports instead, and are re-exported here.
import { z } from 'zod';
import type { CommandError, CommandName, ConnectionHint } from './commands';
import type { AppSnapshot, Preferences, Problem } from './model';

export {
  COMMAND_NAMES,
  STATE_CHANGED,
  channelOf,
  isCommandName,
  type CommandError,
  type CommandName,
  type ConnectionHint,
  type CommandResult,
  type WindowApi,
} from './commands';

const accountId = z.string().min(1).max(64);
// Deliberately loose: the core validates IDs and answers with a clear InvalidInput problem,
// which a schema rejection here could not carry to the user.
const deploymentId = z.string().min(1).max(256);
const site = z.enum(['international', 'china', 'custom']);
const text = (max: number) => z.string().max(max);

const notificationToggles = z
  .object({
    'became-running': z.boolean(),
    'became-stopped': z.boolean(),
    'unexpected-stop': z.boolean(),
    failed: z.boolean(),
    'not-found': z.boolean(),
    'credentials-rejected': z.boolean(),
    'connection-problem': z.boolean(),
  })
  .partial()
  .strict();

export const preferencesPatch = z
  .object({
    idleCadenceSeconds: z.number().int().min(60).max(3600),
    notifications: notificationToggles,
    launchAtLogin: z.boolean(),
    startHidden: z.boolean(),
    language: z.enum(['system', 'en', 'zh-CN']),
    theme: z.enum(['system', 'light', 'dark']),
  })
  .partial()
  .strict();

const connection = z
  .object({
    site,
    /** Used when site is `custom`; ignored otherwise. */
    baseUrl: text(2048).optional(),
    key: text(512),
    secret: text(4096),
  })
  .strict();

export const commandSchemas = {
  'state.get': z.object({}).strict(),
  /** One read with the given credentials; nothing is stored. */
  'account.test': connection,
  'account.add': connection
    .extend({ label: text(100), sessionOnly: z.boolean().optional() })
    .strict(),
  'account.rename': z.object({ accountId, label: text(100) }).strict(),
  /** `sessionOnly`: keep the new secret in memory for this run (the keychain refused it). */
  'account.replaceSecret': z
    .object({
      accountId,
      key: text(512).optional(),
      secret: text(4096),
      sessionOnly: z.boolean().optional(),
    })
    .strict(),
  'account.remove': z.object({ accountId }).strict(),
  /** The account's deployments, from the list endpoint when the API has one. */
  'deployments.available': z.object({ accountId }).strict(),
  /** Validates the ID and checks it with one read before adding it. */
  'deployment.add': z.object({ accountId, deploymentId }).strict(),
  'deployment.remove': z.object({ accountId, deploymentId }).strict(),
  'deployment.undoRemove': z.object({ accountId, deploymentId }).strict(),
  'deployment.refresh': z
    .object({ accountId: accountId.optional(), deploymentId: deploymentId.optional() })
    .strict(),
  /** `confirmed` must be true: the window has shown the consequence first. */
  'deployment.operate': z
    .object({ accountId, deploymentId, op: z.enum(['start', 'stop']), confirmed: z.literal(true) })
    .strict(),
  'deployment.mute': z.object({ accountId, deploymentId, muted: z.boolean() }).strict(),
  'preferences.update': preferencesPatch,
  'notice.dismiss': z.object({ id: text(100) }).strict(),
  'console.open': z.object({ accountId, deploymentId: deploymentId.optional() }).strict(),
  'demo.start': z.object({}).strict(),
  'app.quit': z.object({}).strict(),
  // Exactly the names in commands.ts: a name without a schema, or a schema without a name,
  // fails to compile.
} as const satisfies Record<CommandName, z.ZodType>;

export type CommandRequest<C extends CommandName> = z.input<(typeof commandSchemas)[C]>;

export interface AvailableDeployment {
  deploymentID: string;
  deploymentName: string;
  status: string;
  deploymentType: string;
  region: string;
  watched: boolean;
}

export interface CommandResponses {
  'state.get': AppSnapshot;
  'account.test':
    | { ok: true; deploymentCount?: number }
    | {
        ok: false;
        problem: Problem;
        hint?: ConnectionHint;
      };
  'account.add': { accountId: string; sessionOnly: boolean };
  'account.rename': null;
  'account.replaceSecret': null;
  'account.remove': null;
  'deployments.available':
    { supported: true; deployments: AvailableDeployment[] } | { supported: false };
  'deployment.add': { key: string };
  'deployment.remove': null;
  'deployment.undoRemove': null;
  'deployment.refresh': null;
  'deployment.operate': { sent: true };
  'deployment.mute': null;
  'preferences.update': Preferences;
  'notice.dismiss': null;
  'console.open': null;
  'demo.start': { accountId: string };
  'app.quit': null;
}

/** Validates a request from the window. Returns the parsed value or a CommandError. */
export function parseCommand<C extends CommandName>(
  command: C,
  payload: unknown,
): { ok: true; value: z.output<(typeof commandSchemas)[C]> } | { ok: false; error: CommandError } {
  // The map's value type is a union of schemas; indexing by C does not narrow it for tsc.
  const schema: z.ZodType = commandSchemas[command];
  const r = schema.safeParse(payload);
  if (r.success) return { ok: true, value: r.data as z.output<(typeof commandSchemas)[C]> };
  const first = r.error.issues[0];
  return {
    ok: false,
    error: { code: 'errors.invalidRequest', params: { field: first ? first.path.join('.') : '' } },
  };
}

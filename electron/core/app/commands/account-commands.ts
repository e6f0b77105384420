// Commands about accounts: test credentials, add (once they work), rename, new secret, remove.
import { InvalidInputError } from '../../api/errors';
import type { ApiClient, Deployment } from '../../api/types';
import { accountLabel } from '../../accounts/label';
import { newAccountId } from '../../accounts/ids';
import { accountBaseUrl, looksLikeDeploymentApi } from '../../accounts/site';
import { KeychainError } from '../../accounts/secret-vault';
import type { SiteSetting } from '../../../shared/model';
import { CommandFailure } from '../command-error';
import { testConnection, type ConnectionTestResult } from '../connection-test';
import type { ControllerContext } from '../context';
import { budgetScopeOf, credentialScope, type AccountEntry } from '../registry';
import { VerifiedCredentials } from '../verified-credentials';
import type { CommandHandlers } from './handlers';

type AccountCommands = Pick<
  CommandHandlers,
  'account.test' | 'account.add' | 'account.rename' | 'account.replaceSecret' | 'account.remove'
>;

/** The validated base URL, or a refusal the window can show beside the field. */
function baseUrlOf(site: SiteSetting, custom: string | undefined): string {
  try {
    return accountBaseUrl(site, custom);
  } catch (error) {
    if (error instanceof InvalidInputError) throw new CommandFailure('errors.invalidBaseUrl');
    throw error;
  }
}

function requireAccount(ctx: ControllerContext, accountId: string): AccountEntry {
  const entry = ctx.registry.account(accountId);
  if (entry === undefined) throw new CommandFailure('errors.unknownAccount', { accountId });
  return entry;
}

/** Refuses to go on once the app is quitting: what is done then is never saved. */
function requireRunning(ctx: ControllerContext): void {
  if (ctx.disposed()) throw new CommandFailure('errors.unknown');
}

/** Refuses to go on when the account was removed while this command waited. */
function requireStill(ctx: ControllerContext, entry: AccountEntry): void {
  if (ctx.registry.account(entry.record.id) !== entry) {
    throw new CommandFailure('errors.unknownAccount', { accountId: entry.record.id });
  }
}

/**
 * A secret just written for an account that is gone (removed, or the app quit meanwhile) must
 * not stay in the keychain; one that cannot be deleted now is deleted at the next start.
 */
async function dropOrphanSecret(ctx: ControllerContext, id: string): Promise<void> {
  try {
    await ctx.vault.remove(id);
  } catch (error) {
    if (!(error instanceof KeychainError)) throw error;
    ctx.registry.pendingKeychainDeletes = [...ctx.registry.pendingKeychainDeletes, id];
    ctx.logger.warn('keychain entry not deleted yet', { accountId: id, kind: error.kind });
    ctx.changed({ save: true });
  }
}

/** What the connection test concluded, and the list it read when the read answered one. */
interface CredentialCheck {
  result: ConnectionTestResult;
  list?: Deployment[];
}

/**
 * The connection test's one read with these credentials, counted in the key's budget, and what
 * it means. `typedBaseUrl` is the address as entered (custom site), which the hints look at.
 * The list comes back too: an account added or repaired with it needs no read of its own.
 */
async function checkCredentials(
  ctx: ControllerContext,
  site: SiteSetting,
  typedBaseUrl: string | undefined,
  client: ApiClient,
  key: string,
): Promise<CredentialCheck> {
  let list: Deployment[] | undefined;
  const result = await testConnection({
    site,
    baseUrl: site === 'custom' ? (typedBaseUrl ?? client.baseUrl) : client.baseUrl,
    list: async () => {
      list = await ctx.countedRead(credentialScope(client.baseUrl, key), () =>
        client.listDeployments(),
      );
      return list;
    },
    now: ctx.now,
  });
  return result.ok && list !== undefined ? { result, list } : { result };
}

export function accountCommands(ctx: ControllerContext): AccountCommands {
  const verified = new VerifiedCredentials();
  return {
    'account.test': async (req) => {
      let baseUrl: string;
      try {
        baseUrl = accountBaseUrl(req.site, req.baseUrl);
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        return {
          ok: false as const,
          problem: {
            kind: 'InvalidInput' as const,
            message: error.message,
            field: 'baseUrl',
            at: ctx.now(),
          },
          hint: looksLikeDeploymentApi(req.baseUrl) ? 'app-id-not-platform-key' : 'check-base-url',
        };
      }
      const key = req.key.trim();
      let client;
      try {
        client = ctx.makeClient({ baseUrl, key, secret: req.secret });
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        return {
          ok: false as const,
          problem: { kind: 'InvalidInput' as const, message: error.message, at: ctx.now() },
        };
      }
      const { result, list } = await checkCredentials(ctx, req.site, req.baseUrl, client, key);
      const credentials = { baseUrl, key, secret: req.secret };
      if (result.ok) verified.remember(credentials, ctx.now(), list);
      else verified.forget(credentials);
      ctx.logger.info('connection test', {
        site: req.site,
        ok: result.ok,
        ...(result.ok ? {} : { problem: result.problem.kind }),
      });
      return result;
    },

    'account.add': async (req) => {
      const baseUrl = baseUrlOf(req.site, req.baseUrl);
      const key = req.key.trim();
      const client = ctx.makeClient({ baseUrl, key, secret: req.secret });
      const credentials = { baseUrl, key, secret: req.secret };
      // Saved only once known to work: a wrong secret in the keychain would only show up later,
      // as a rejected account. A test that just passed with these credentials is that proof.
      if (!verified.passed(credentials, ctx.now())) {
        const { result, list } = await checkCredentials(ctx, req.site, req.baseUrl, client, key);
        requireRunning(ctx);
        if (!result.ok) {
          ctx.logger.info('account not added', { site: req.site, problem: result.problem.kind });
          throw new CommandFailure(result.problem.kind, {}, result.problem, result.hint);
        }
        // Kept until saved, so a retry after a keychain refusal needs no second read.
        verified.remember(credentials, ctx.now(), list);
      }
      const checked = verified.listOf(credentials, ctx.now());
      const id = newAccountId((candidate) => ctx.registry.isIdTaken(candidate));
      const sessionOnly = req.sessionOnly ?? false;
      await ctx.vault.save(id, req.secret, sessionOnly);
      if (ctx.disposed()) {
        await dropOrphanSecret(ctx, id);
        requireRunning(ctx);
      }
      verified.forget(credentials);

      const record = {
        id,
        label: accountLabel(req.label),
        site: req.site,
        baseUrl,
        keyId: key,
      };
      const entry: AccountEntry = {
        record,
        demo: false,
        active: false,
        budgetScope: budgetScopeOf(record, false),
      };
      ctx.registry.addAccount(entry);
      ctx.activate(entry, client);
      // The check's answer is as good as a first poll: the account shows as working at once.
      if (checked !== undefined) ctx.engine.observeList(id, checked);
      if (sessionOnly) ctx.logger.warn('account secret kept for this run only', { accountId: id });
      ctx.logger.info('account added', { accountId: id, site: req.site });
      ctx.changed({ save: true });
      return { accountId: id, sessionOnly };
    },

    'account.rename': async (req) => {
      const entry = requireAccount(ctx, req.accountId);
      entry.record.label = accountLabel(req.label);
      ctx.changed({ save: true });
      return null;
    },

    'account.replaceSecret': async (req) => {
      const entry = requireAccount(ctx, req.accountId);
      const key = req.key?.trim() || entry.record.keyId;
      const client = ctx.makeClient({ baseUrl: entry.record.baseUrl, key, secret: req.secret });
      let checked: Deployment[] | undefined;
      if (!entry.demo) {
        // Checked before the keychain entry is overwritten: a mistyped replacement must not
        // cost the user the secret that worked.
        const { result, list } = await checkCredentials(
          ctx,
          entry.record.site,
          entry.record.baseUrl,
          client,
          key,
        );
        requireStill(ctx, entry);
        if (!result.ok) {
          ctx.logger.info('secret not replaced', {
            accountId: entry.record.id,
            problem: result.problem.kind,
          });
          throw new CommandFailure(result.problem.kind, {}, result.problem, result.hint);
        }
        checked = list;
      }
      if (entry.demo) {
        ctx.vault.hold(entry.record.id, req.secret);
      } else {
        await ctx.vault.replace(entry.record.id, req.secret, req.sessionOnly ?? false);
        if (ctx.registry.account(entry.record.id) !== entry) {
          await dropOrphanSecret(ctx, entry.record.id);
          requireStill(ctx, entry);
        }
      }
      if (key !== entry.record.keyId) {
        entry.record.keyId = key;
        entry.budgetScope = budgetScopeOf(entry.record, entry.demo);
      }
      delete entry.problem;
      if (entry.active) {
        ctx.engine.replaceClient(entry.record.id, client, {
          budgetScope: entry.budgetScope,
          ...(checked !== undefined ? { verifiedList: checked } : {}),
        });
      } else {
        ctx.activate(entry, client);
        if (checked !== undefined) ctx.engine.observeList(entry.record.id, checked);
      }
      ctx.logger.info('account secret replaced', { accountId: entry.record.id });
      ctx.changed({ save: true });
      return null;
    },

    'account.remove': async (req) => {
      const entry = requireAccount(ctx, req.accountId);
      const id = entry.record.id;
      if (entry.active) ctx.engine.removeAccount(id);
      ctx.registry.removeAccount(id);
      ctx.undo.dropAccount(id);
      if (entry.demo) {
        ctx.vault.forget(id);
        if (!ctx.registry.accounts().some((a) => a.demo)) await stopDemoCloud(ctx);
      } else {
        try {
          await ctx.vault.remove(id);
        } catch (error) {
          if (!(error instanceof KeychainError)) throw error;
          // The account goes now; its keychain entry is deleted at the next start that can.
          ctx.registry.pendingKeychainDeletes = [...ctx.registry.pendingKeychainDeletes, id];
          ctx.logger.warn('keychain entry not deleted yet', { accountId: id, kind: error.kind });
        }
      }
      ctx.logger.info('account removed', { accountId: id });
      ctx.changed({ save: true });
      return null;
    },
  };
}

export async function stopDemoCloud(ctx: ControllerContext): Promise<void> {
  const cloud = ctx.demo.cloud;
  if (cloud === undefined) return;
  delete ctx.demo.cloud;
  try {
    await cloud.stop();
  } catch (error) {
    ctx.logger.warn('demo cloud did not stop cleanly', { error: String(error) });
  }
}

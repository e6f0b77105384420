export { newAccountId, type AccountIdKind } from './ids';
export { accountLabel, defaultAccountLabel, keyPrefix } from './label';
export {
  accountBaseUrl,
  consoleSiteOf,
  consoleUrl,
  looksLikeDeploymentApi,
  type ConsoleSite,
} from './site';
export {
  KeychainError,
  SecretVault,
  type KeychainProblemKind,
  type LoadedSecret,
} from './secret-vault';

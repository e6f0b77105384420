export * from './schema';
export { settingsCodec } from './codec';
export { createFileSettingsStore, type FileSettingsStoreOptions } from './file-store';
export { stripSecretKeys, isSecretLikeKey } from './strip-secrets';
export { VERSION1_ACCOUNT_ID, migrateV1ToV2, type SettingsV1 } from './version1';
export { SettingsUnreadableError, fileErrorReason } from './unreadable';

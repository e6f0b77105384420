export {
  createLogger,
  nullLogger,
  type Logger,
  type LoggerOptions,
  type LogLevel,
  type LogFields,
} from './logger';
export { REDACTED, credentialSecrets, expandSecrets, scrubText, createScrubber } from './redact';

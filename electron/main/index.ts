// Entry point of the Electron main process (bundled to dist/main/index.cjs).
import { createController } from '../core/app/controller';
import { settingsCodec } from '../core/settings';
import { runApp } from './run-app';

runApp({ createController, settingsCodec });

// `npm run dev`: the renderer from Vite's dev server (hot reload), the main process and preload
// built once, and Electron started with the dev server's URL. Main honours that URL only when
// the app is not packaged.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { buildElectron } from './build-electron.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEV_SERVER_ENV = 'EMQX_CLOUD_TRAY_DEV_SERVER_URL';

const server = await createServer({
  configFile: join(root, 'vite.config.ts'),
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
});
await server.listen();
const url = server.resolvedUrls?.local[0];
if (url === undefined) {
  console.error('The Vite dev server did not report a URL.');
  await server.close();
  process.exit(1);
}

try {
  await buildElectron();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  await server.close();
  process.exit(1);
}

const child = spawn(process.execPath, [join(root, 'scripts', 'launch-electron.mjs')], {
  stdio: 'inherit',
  env: { ...process.env, [DEV_SERVER_ENV]: url },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', async (code) => {
  await server.close();
  process.exit(code ?? 1);
});

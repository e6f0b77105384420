import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is loaded from packaged files (file:// in Electron, plain HTTP in the headless
// shell), so every asset URL must be relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    reportCompressedSize: true,
    target: 'chrome130',
  },
});

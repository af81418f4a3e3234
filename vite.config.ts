// The renderer build. base './' lets the same files load from the loopback host
// and, later, from a file:// URL in the Electron shell. Vite emits the entry as an
// external module script, so the page runs under the strict CSP (script-src 'self').
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // AG Grid alone is larger than the default warning limit; the app is loaded from disk.
    chunkSizeWarningLimit: 4000,
    // No inlined assets: every file is served by the host under the same CSP.
    assetsInlineLimit: 0,
  },
});

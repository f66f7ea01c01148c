import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer only. Main, preload, CLI and browser host are bundled by esbuild (tools/build.mjs).
export default defineConfig({
  root: 'src/renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // No inline <script>/<style>: the CSP allows 'self' only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  // The compositor's worker (`new Worker(new URL(…), { type: 'module' })`) becomes a file of its own under
  // assets/, served from 'self' like the page's scripts (the CSP's worker-src allows it).
  worker: { format: 'es' },
});

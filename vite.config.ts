/**
 * Builds the web app (src/web) into dist/web, which the Kopa server serves with an SPA fallback.
 * In development (`npx vite`), /api is proxied to a Kopa server on port 3000.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // The CSP allows scripts from 'self' only; the polyfill would be inlined into the entry anyway,
    // but every browser Kopa supports has modulepreload.
    modulePreload: { polyfill: false },
    sourcemap: false,
    // One chunk of about 620 kB (190 kB gzipped) is React, React Aria, react-intl and the router,
    // which every page needs; only the languages are split off, loaded when chosen.
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});

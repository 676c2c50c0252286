import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Built into dist/ and served by the CareDesk server (http/web-app). Hashed files go
 * under /static/ so they can be cached for good; index.html is never cached. In
 * development `npm run dev -w @caredesk/web` proxies the API to a server on :8080.
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    assetsDir: 'static',
    // The polyfill is for browsers without modulepreload; every supported one has it.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
    },
  },
});

import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dev server proxies the API to a running `./ramsetu serve` (same origin, as in production).
export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2020',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Inline nothing: the CSP allows only same-origin scripts and no inline script.
    assetsInlineLimit: 0,
    manifest: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
    },
  },
});

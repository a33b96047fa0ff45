/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// In development the app talks to a gateway started with ./copilot up (COPILOT_PORT, default 8080);
// in production the gateway itself serves the built files, so every URL stays same-origin.
const gateway = `http://127.0.0.1:${process.env.COPILOT_PORT ?? '8080'}`;

export default defineConfig({
  plugins: [react(), tailwindcss()],
  base: './',
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: {
    proxy: {
      '/api': gateway,
      '/ws': { target: gateway.replace('http', 'ws'), ws: true },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});

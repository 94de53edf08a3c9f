import { defineConfig } from 'vite';

// Relative asset paths so the dashboard works wherever `sitrep serve` mounts web/dist.
export default defineConfig({
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500, sourcemap: false },
  server: { proxy: { '/api': process.env.SITREP_API ?? 'http://127.0.0.1:8080' } },
});

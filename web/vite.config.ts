import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // the face analysis worker imports human from this server at run time: an ES module worker
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  // The transcription worker is an ES module: it imports the speech runtime served by our own server.
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://localhost:4173' } },
});

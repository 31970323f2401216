import { defineConfig } from 'vite';

/** The admin is served by the Comptoir server at /admin/; in development, API calls go to it on :3000. */
export default defineConfig({
  base: '/admin/',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  // widget.js and its chunks too: the settings screen previews the real widget.
  server: { proxy: { '/trpc': 'http://127.0.0.1:3000', '/widget.js': 'http://127.0.0.1:3000', '/assets': 'http://127.0.0.1:3000' } },
});

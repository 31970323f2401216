import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = `${root}dist`;

/**
 * Two outputs, one `vite build`:
 * - the widget as ES modules with hashed names in `dist/assets/` (long cache), entry
 *   `comptoir-widget-[hash].js`;
 * - then `dist/widget.js`, the loader, a classic script (so `<script src async>` works without
 *   `type="module"`) that imports that entry relative to its own URL. Its name never changes, so
 *   it is served with a short cache.
 * No eval and no inline script in either: both run under a strict Content-Security-Policy.
 */
function buildLoader(): Plugin {
  let widgetEntry = '';
  return {
    name: 'comptoir-loader',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
      if (!entry) this.error('the widget entry chunk is missing');
      widgetEntry = entry.fileName;
    },
    async closeBundle() {
      if (!widgetEntry) return;
      await build({
        configFile: false,
        logLevel: 'warn',
        define: { __COMPTOIR_WIDGET_ENTRY__: JSON.stringify(`./${widgetEntry}`) },
        build: {
          outDir,
          emptyOutDir: false,
          target: 'es2020',
          minify: true,
          lib: { entry: `${root}src/loader.ts`, formats: ['iife'], name: 'ComptoirLoader', fileName: () => 'widget.js' },
        },
      });
    },
  };
}

export default defineConfig({
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2021',
    modulePreload: false,
    cssCodeSplit: false,
    rolldownOptions: {
      input: { 'comptoir-widget': `${root}src/comptoir-widget.ts` },
      // The screens loaded later import what they share with the launcher from the entry itself
      // (which may export more than `ComptoirWidget`): one file on the launcher's path instead of
      // the entry plus a handful of small shared chunks, each a request and a gzip frame more.
      preserveEntrySignatures: 'allow-extension',
      output: {
        entryFileNames: 'assets/[name]-[hash].js',
        chunkFileNames: 'assets/[name]-[hash].js',
      },
    },
  },
  plugins: [buildLoader()],
});

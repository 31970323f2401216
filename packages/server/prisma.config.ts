import { defineConfig } from 'prisma/config';

// Only `prisma generate` uses this file: migrations run through the WebAssembly schema engine
// (src/db/schema-engine.ts), so no datasource URL is needed here.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});

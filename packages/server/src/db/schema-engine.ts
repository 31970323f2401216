import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as runtime from '@prisma/schema-engine-wasm/schema_engine_bg';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

/**
 * Prisma's own schema engine, built to WebAssembly, so migrations need no native binary download.
 * The package targets bundlers; we instantiate its .wasm by hand the way @prisma/internals does.
 */
let isInstantiated = false;

function instantiateOnce(): void {
  if (isInstantiated) return;
  const require = createRequire(import.meta.url);
  const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmPath)), {
    './schema_engine_bg.js': runtime as unknown as WebAssembly.ModuleImports,
  });
  runtime.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  isInstantiated = true;
}

/** A schema engine bound to one database through its driver adapter. */
export type SchemaEngine = runtime.SchemaEngine;

/** Opens the schema engine on the database behind `adapterFactory`, for the schema at `schemaPath`. */
export async function openSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schemaPath: string,
  log: (message: string) => void = () => {},
): Promise<SchemaEngine> {
  instantiateOnce();
  const schema = fs.readFileSync(schemaPath, 'utf8');
  return runtime.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    log,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}

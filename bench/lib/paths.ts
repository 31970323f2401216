import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** packages/server: where the server's dependencies (pg, autocannon, tsx) are installed. */
export const serverDir = path.join(rootDir, 'packages/server');
/** `require` resolving from packages/server, for the load generator and plain `pg`. */
export const serverRequire = createRequire(path.join(serverDir, 'package.json'));

/** Progress on stderr, so stdout stays one JSON document. */
export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

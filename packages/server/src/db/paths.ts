import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the committed Prisma schema and migrations live, whatever the working directory. */
export const prismaPaths = {
  schema: path.join(packageRoot, 'prisma/schema.prisma'),
  migrations: path.join(packageRoot, 'prisma/migrations'),
} as const;

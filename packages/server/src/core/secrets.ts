import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { ServerSecrets } from './deps.js';

/**
 * Loads the installation's secrets, creating them on first start. Insert-if-absent then read, so
 * several instances starting together agree on one value.
 */
export async function loadServerSecrets(db: PrismaClient): Promise<ServerSecrets> {
  const name = 'shopper_token_key';
  await db.serverSecret.createMany({
    data: [{ name, value: randomBytes(32).toString('base64') }],
    skipDuplicates: true,
  });
  const row = await db.serverSecret.findUniqueOrThrow({ where: { name } });
  return { shopperTokenKey: Buffer.from(row.value, 'base64') };
}

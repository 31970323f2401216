import type { PrismaClient } from '../generated/prisma/client.js';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';

/** A Prisma client or an interactive transaction: what services write through. */
export type Db = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/** Server configuration that services need (not transport details). */
export interface AppConfig {
  /** The public base URL of this server, for links in emails and the widget snippet. */
  publicUrl: string;
  /** Let webhooks target loopback/private addresses (local testing only). */
  allowPrivateWebhookTargets: boolean;
}

/** What every service receives: the database, the time, a logger, secrets and configuration. */
export interface Deps {
  db: PrismaClient;
  clock: Clock;
  logger: Logger;
  secrets: ServerSecrets;
  config: AppConfig;
}

/** Keys generated once per installation and shared by all instances through the database. */
export interface ServerSecrets {
  /** Signs shopper session tokens. */
  shopperTokenKey: Buffer;
}

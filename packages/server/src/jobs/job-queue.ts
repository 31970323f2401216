import PgBoss from 'pg-boss';
import type { Db } from '../core/deps.js';
import type { Logger } from '../core/logger.js';
import type { Database } from '../db/database.js';

/** The PostgreSQL schema pg-boss keeps its tables in. */
export const jobSchema = 'pgboss';

/** A job as its handler receives it. */
export interface Job<T = Record<string, unknown>> {
  id: string;
  name: string;
  data: T;
}

/** Runs one job; throwing fails it (and pg-boss retries it per the queue's retry settings). */
export type JobHandler<T = Record<string, unknown>> = (job: Job<T>) => Promise<void>;

/** How a queue behaves. `short` keeps at most one waiting job per singleton key. */
export interface QueueSettings {
  policy?: 'standard' | 'short' | 'singleton' | 'stately';
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
}

/** Options of one job. */
export interface SendOptions {
  /** Not before this instant (a deadline, a retry). Default: now. */
  startAfter?: Date;
  /** With a `short` queue, a second waiting job with the same key is not created. */
  singletonKey?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
  /**
   * The caller's Prisma transaction: the job exists only if that transaction commits. On PGlite,
   * sending inside a transaction WITHOUT passing it would wait forever for the transaction's lock.
   */
  tx?: Db;
}

/** What the rest of the server sends jobs through. */
export interface JobQueue {
  /** Creates a job; returns its id, or null when a singleton key made it a duplicate. */
  send<T extends object>(name: string, data: T, options?: SendOptions): Promise<string | null>;
}

/** The running job system of one process. */
export interface Jobs {
  queue: JobQueue;
  /** Creates a queue if it does not exist (idempotent). `work` does it too. */
  createQueue(name: string, settings?: QueueSettings): Promise<void>;
  /**
   * Registers the handler of a queue. When the jobs were started with `poll: true` (the server),
   * pg-boss polls and runs due jobs; otherwise only `runDueJobs` runs them (tests).
   */
  work<T extends object>(name: string, handler: JobHandler<T>, options?: { pollingIntervalSeconds?: number; batchSize?: number }): Promise<void>;
  /** Sends `name` on a cron schedule (pg-boss's timekeeper; minute granularity, once across instances). */
  schedule(name: string, cron: string, data?: Record<string, unknown>, options?: { singletonKey?: string }): Promise<void>;
  /**
   * Runs, in this process and now, every job of the registered queues that is due at `now`
   * (default: the database's time), until none is left. Tests call it with their manual clock,
   * so deadlines fire deterministically. Returns how many jobs ran.
   */
  runDueJobs(options?: { now?: Date; names?: string[] }): Promise<number>;
  /** Stops polling, waits (bounded) for running handlers, and closes pg-boss's own pool. */
  stop(): Promise<void>;
}

/** pg-boss's `db` contract over a Prisma transaction, so a job commits or rolls back with it. */
function transactionExecutor(tx: Db): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      // Prisma binds a plain object as an opaque value: hand JSON columns their text form.
      const args = (values ?? []).map((value: unknown) =>
        value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) ? JSON.stringify(value) : value,
      );
      const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(text, ...args);
      return { rows };
    },
  };
}

/** The settings pg-boss starts with on either database. */
function bossConfig(database: Database, options: StartJobsOptions): PgBoss.ConstructorOptions {
  const common = {
    schema: jobSchema,
    migrate: true,
    supervise: options.poll ?? true,
    schedule: options.poll ?? true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
  } satisfies PgBoss.ConstructorOptions;
  if (database.config.kind === 'postgres') {
    return { ...common, connectionString: database.config.url, max: options.poolSize ?? 4 };
  }
  const executeSql = database.executeSql;
  if (!executeSql) throw new Error('This database exposes no executeSql: the job queue cannot run on it.');
  return { ...common, db: { executeSql: (text, values) => executeSql(text, values) } };
}

/** How the jobs of a process start. */
export interface StartJobsOptions {
  logger: Logger;
  /** Poll for due jobs and run maintenance and cron schedules (the server). Default true. */
  poll?: boolean;
  pollingIntervalSeconds?: number;
  /** How often pg-boss expires jobs whose worker died and archives old ones. */
  maintenanceIntervalSeconds?: number;
  /** pg-boss's own pool size on PostgreSQL. */
  poolSize?: number;
}

/**
 * Starts the PostgreSQL job queue (pg-boss) on the server's database: its own small pool on
 * PostgreSQL, the same embedded instance on PGlite. Installs or migrates pg-boss's schema first.
 */
export async function startJobs(database: Database, options: StartJobsOptions): Promise<Jobs> {
  const boss = new PgBoss(bossConfig(database, options));
  boss.on('error', (err: unknown) => options.logger.error({ err }, 'job queue error'));
  await boss.start();
  const handlers = new Map<string, JobHandler<object>>();
  const knownQueues = new Set<string>();
  const isPolling = options.poll ?? true;

  // One creation per queue name at a time: two concurrent pg-boss create_queue calls on the same
  // name deadlock on PostgreSQL (both attach a partition); another instance doing it is retried.
  const queueCreations = new Map<string, Promise<void>>();
  const createQueueOnce = async (name: string, settings: QueueSettings) => {
    const pgBossSettings = {
      name,
      policy: settings.policy ?? 'standard',
      ...(settings.retryLimit === undefined ? {} : { retryLimit: settings.retryLimit }),
      ...(settings.retryDelaySeconds === undefined ? {} : { retryDelay: settings.retryDelaySeconds }),
      ...(settings.retryBackoff === undefined ? {} : { retryBackoff: settings.retryBackoff }),
      ...(settings.expireInSeconds === undefined ? {} : { expireInSeconds: settings.expireInSeconds }),
    };
    for (let attempt = 1; ; attempt += 1) {
      try {
        await boss.createQueue(name, pgBossSettings);
        knownQueues.add(name);
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== '40P01' || attempt >= 5) throw err;
      }
    }
  };
  const createQueue = (name: string, settings: QueueSettings = {}): Promise<void> => {
    if (knownQueues.has(name)) return Promise.resolve();
    let creation = queueCreations.get(name);
    if (!creation) {
      creation = createQueueOnce(name, settings).finally(() => queueCreations.delete(name));
      queueCreations.set(name, creation);
    }
    return creation;
  };

  const runHandler = async (job: Job<object>) => {
    const handler = handlers.get(job.name);
    if (!handler) throw new Error(`No handler for job queue ${job.name}`);
    await handler(job);
  };

  const queue: JobQueue = {
    async send(name, data, sendOptions = {}) {
      if (!sendOptions.tx) await createQueue(name);
      else if (!knownQueues.has(name)) throw new Error(`Create the queue ${name} before sending to it inside a transaction.`);
      const jobOptions: PgBoss.SendOptions = {
        ...(sendOptions.startAfter ? { startAfter: sendOptions.startAfter } : {}),
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
        ...(sendOptions.retryLimit === undefined ? {} : { retryLimit: sendOptions.retryLimit }),
        ...(sendOptions.retryDelaySeconds === undefined ? {} : { retryDelay: sendOptions.retryDelaySeconds }),
        ...(sendOptions.retryBackoff === undefined ? {} : { retryBackoff: sendOptions.retryBackoff }),
        ...(sendOptions.expireInSeconds === undefined ? {} : { expireInSeconds: sendOptions.expireInSeconds }),
        ...(sendOptions.tx ? { db: transactionExecutor(sendOptions.tx) } : {}),
      };
      return boss.send(name, data, jobOptions);
    },
  };

  return {
    queue,
    createQueue,
    async work(name, handler, workOptions = {}) {
      await createQueue(name);
      handlers.set(name, handler as JobHandler<object>);
      if (!isPolling) return;
      await boss.work<object>(
        name,
        {
          batchSize: workOptions.batchSize ?? 1,
          ...(workOptions.pollingIntervalSeconds ? { pollingIntervalSeconds: workOptions.pollingIntervalSeconds } : {}),
        },
        async (jobs) => {
          for (const job of jobs) await runHandler({ id: job.id, name: job.name, data: job.data });
        },
      );
    },
    async schedule(name, cron, data = {}, scheduleOptions = {}) {
      await createQueue(name);
      await boss.schedule(name, cron, data, scheduleOptions.singletonKey ? { singletonKey: scheduleOptions.singletonKey } : {});
    },
    async runDueJobs(runOptions = {}) {
      const names = runOptions.names ?? [...handlers.keys()];
      if (!names.length) return 0;
      const db = boss.getDb() as PgBoss.Db;
      let ran = 0;
      // Handlers may send further due jobs; bounded so a job that re-sends itself cannot spin forever.
      for (let pass = 0; pass < 50; pass += 1) {
        const { rows } = await db.executeSql(
          `WITH next AS (
             SELECT name, id FROM ${jobSchema}.job
             WHERE name = ANY($1::text[]) AND state < 'active' AND start_after <= COALESCE($2::timestamptz, now())
             ORDER BY priority DESC, created_on, id
             LIMIT 100
             FOR UPDATE SKIP LOCKED
           )
           UPDATE ${jobSchema}.job j SET state = 'active', started_on = now(),
             retry_count = CASE WHEN j.started_on IS NOT NULL THEN j.retry_count + 1 ELSE j.retry_count END
           FROM next WHERE j.name = next.name AND j.id = next.id
           RETURNING j.id, j.name, j.data`,
          [names, runOptions.now ? runOptions.now.toISOString() : null],
        );
        if (!rows.length) break;
        for (const row of rows as Array<{ id: string; name: string; data: object }>) {
          try {
            await runHandler({ id: row.id, name: row.name, data: row.data });
            await boss.complete(row.name, row.id);
          } catch (err) {
            options.logger.warn({ err, job: row.name, id: row.id }, 'job failed');
            await boss.fail(row.name, row.id, { message: err instanceof Error ? err.message : String(err) });
          }
          ran += 1;
        }
      }
      return ran;
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5_000, close: true });
    },
  };
}

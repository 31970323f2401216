import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig } from '../db/database.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const serverRoot = path.resolve(here, '../..');

/** A server child process and what it printed. */
export interface ServerChild {
  process: ChildProcess;
  url: string;
  /** Refund ids the child printed after their transaction committed. */
  acknowledgedRefunds: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The environment that points startServer at this database. */
export function databaseEnv(config: DatabaseConfig): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, VITEST: '', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' };
  delete env.DATABASE_URL;
  delete env.COMPTOIR_DATA_DIR;
  if (config.kind === 'postgres') env.DATABASE_URL = config.url;
  else env.COMPTOIR_DATA_DIR = config.dataDir ?? undefined;
  return env;
}

/** Starts src/faults/server-process.ts and resolves once it listens. */
export async function startServerChild(config: DatabaseConfig, options: { refundShopId?: string } = {}): Promise<ServerChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'server-process.ts')], {
    cwd: serverRoot,
    env: { ...databaseEnv(config), ...(options.refundShopId ? { COMPTOIR_FAULT_SHOP: options.refundShopId } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acknowledgedRefunds: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`server child did not start in time: ${stderr}`)), 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const listening = /^listening (\d+)$/.exec(line);
        if (listening) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${listening[1]}`);
        }
        const refund = /^refund ([0-9a-f-]{36})$/.exec(line);
        if (refund) acknowledgedRefunds.push(refund[1]!);
        newline = buffer.indexOf('\n');
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server child exited (${code ?? signal}) before listening: ${stderr}`));
    });
  });
  return { process: child, url, acknowledgedRefunds, exited };
}

/**
 * One HTTP request with node:http (fetch adds the Sec-Fetch headers of a browser, which the back-end
 * key rightly refuses); resolves with the status and JSON body, rejects on a network error.
 */
export function request(
  url: string,
  options: { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: unknown; timeoutMs?: number },
): Promise<{ status: number; body: unknown }> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}${options.path}`,
      {
        method: options.method,
        headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}), ...options.headers },
        timeout: options.timeoutMs ?? 10_000,
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          let body: unknown = null;
          try {
            body = JSON.parse(text);
          } catch {
            body = text;
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(payload);
  });
}

/** Posts a tRPC mutation. */
export function trpcPost(url: string, procedure: string, input: unknown, headers: Record<string, string>) {
  return request(url, { method: 'POST', path: `/trpc/${procedure}`, headers, body: input });
}

/** Calls a tRPC query. */
export function trpcGet(url: string, procedure: string, input: unknown, headers: Record<string, string>, timeoutMs?: number) {
  return request(url, { method: 'GET', path: `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, headers, timeoutMs });
}

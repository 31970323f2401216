import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { log, rootDir, serverDir } from './paths.js';

/** A child process the benchmark started, and how to stop it. */
export interface Child {
  process: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

const tsxLoader = path.join(serverDir, 'node_modules/tsx/dist/loader.mjs');

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process for ${url} exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not become healthy`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

/**
 * Starts the real server (`comptoir serve --no-migrate`, the production entry point) in a child
 * process, so the load generator never shares its event loop. `cpuProfDir` adds `--cpu-prof`.
 */
export async function startComptoir(options: { port: number; env: NodeJS.ProcessEnv; cpuProfDir?: string | undefined; name?: string }): Promise<Child> {
  const args = [
    ...(options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : []),
    '--import',
    tsxLoader,
    'src/cli/main.ts',
    'serve',
    '--no-migrate',
  ];
  const child = spawn(process.execPath, args, {
    cwd: serverDir,
    env: { ...process.env, LOG_LEVEL: 'warn', ...options.env, PORT: String(options.port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${options.name ?? 'server'}] ${chunk}`));
  const url = `http://127.0.0.1:${options.port}`;
  await waitForHealth(url, child);
  return { process: child, url, stop: stopper(child) };
}

/** Starts the plain node:http + pg baseline (bench/baseline-server.ts) in a child process. */
export async function startBaseline(options: { port: number; env: NodeJS.ProcessEnv }): Promise<Child> {
  const child = spawn(process.execPath, ['--import', tsxLoader, path.join(rootDir, 'bench/baseline-server.ts')], {
    cwd: serverDir,
    env: { ...process.env, ...options.env, PORT: String(options.port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = String(chunk);
    if (!text.startsWith('baseline listening')) process.stderr.write(`[baseline] ${text}`);
  });
  const url = `http://127.0.0.1:${options.port}`;
  await waitForHealth(url, child);
  return { process: child, url, stop: stopper(child) };
}

/** Runs a tsx script to completion; resolves with its stdout. */
export function runTsx(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, script, ...args], {
      cwd: serverDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} exited with ${code}`))));
  });
}

/** Logs and swallows, for cleanup paths. */
export async function quietly(action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (error) {
    log(`cleanup: ${String(error)}`);
  }
}

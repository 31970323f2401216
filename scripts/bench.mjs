#!/usr/bin/env node
// `pnpm bench [server|widget|scale] [options]`: runs the benchmarks in bench/ (TypeScript, through the
// server's tsx), writes bench/results/<timestamp>.json and bench/results/latest.json, and prints a
// summary (or, with --json, one JSON object on stdout). Not part of CI: benchmarks are not tests.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsxLoader = path.join(root, 'packages/server/node_modules/tsx/dist/loader.mjs');
const argv = process.argv.slice(2);
const parts = ['server', 'widget', 'scale'];
const part = parts.includes(argv[0]) ? argv.shift() : 'all';
const isJson = argv.includes('--json');
const passArgs = argv.filter((arg) => arg !== '--json');

function run(script, args) {
  const out = path.join(os.tmpdir(), `comptoir-bench-${process.pid}-${path.basename(script, '.ts')}.json`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, path.join(root, script), ...args, '--out', out], {
      cwd: path.join(root, 'packages/server'),
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`${script} exited with ${code}`));
      const result = JSON.parse(fs.readFileSync(out, 'utf8'));
      fs.rmSync(out, { force: true });
      resolve(result);
    });
  });
}

function machine() {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  return {
    cpus: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: os.loadavg().map((value) => Math.round(value * 10) / 10),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

function summarise(results) {
  const lines = [];
  for (const scenario of results.server?.scenarios ?? []) {
    const baseline = scenario.baselineRps ? ` | baseline ${scenario.baselineRps} req/s (×${scenario.ratio})` : '';
    lines.push(
      `${scenario.database.padEnd(8)} ${scenario.name.padEnd(13)} ${String(scenario.rps).padStart(6)} req/s  p50 ${scenario.p50Ms} ms  p99 ${scenario.p99Ms} ms  errors ${scenario.errors}${baseline}${scenario.missing ? ` MISSING: ${scenario.missing}` : ''}`,
    );
  }
  for (const [key, value] of Object.entries(results.server ?? {})) if (key.startsWith('exactlyOnce')) lines.push(`${key}: ${JSON.stringify(value)}`);
  if (results.widget) lines.push(`widget: ${JSON.stringify(results.widget.summary ?? results.widget)}`);
  if (results.scale) lines.push(`scale: ${JSON.stringify(results.scale.summary ?? results.scale)}`);
  return lines.join('\n');
}

const results = { startedAt: new Date().toISOString(), machine: machine(), command: `pnpm bench ${process.argv.slice(2).join(' ')}`.trim() };
try {
  if (part === 'all' || part === 'widget') results.widget = await run('bench/widget.ts', passArgs);
  if (part === 'all' || part === 'server') results.server = await run('bench/server.ts', passArgs);
  if (part === 'scale') results.scale = await run('bench/scale.ts', passArgs);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
results.finishedAt = new Date().toISOString();
const dir = path.join(root, 'bench/results');
fs.mkdirSync(dir, { recursive: true });
const text = JSON.stringify(results, null, 2);
fs.writeFileSync(path.join(dir, `${results.startedAt.replace(/[:.]/g, '-')}-${part}.json`), text);
fs.writeFileSync(path.join(dir, 'latest.json'), text);
if (isJson) process.stdout.write(`${JSON.stringify(part === 'server' ? { ...results.server, machine: results.machine } : results)}\n`);
else process.stdout.write(`${summarise(results)}\n`);

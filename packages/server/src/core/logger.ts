import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout; `LOG_LEVEL` sets the level (silent in tests unless asked). */
export function createLogger(level = process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info')): Logger {
  return pino({ level, base: { service: 'comptoir' }, redact: ['req.headers.authorization', 'req.headers.cookie'] });
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RequestInfo } from '../context.js';

/** Translates a Fastify request into the transport-free RequestInfo procedures see. */
export function requestInfoFrom(req: FastifyRequest, reply: FastifyReply): RequestInfo {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    requestId: String(req.id),
    ip: req.ip,
    headers,
    cookies: (req as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies ?? {},
    setCookie(name, value, options) {
      void reply.setCookie(name, value, {
        httpOnly: true,
        secure: true,
        sameSite: 'strict',
        path: '/',
        maxAge: options.maxAgeSeconds,
      });
    },
  };
}

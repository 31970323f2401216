import { generateOpenApiDocument } from 'trpc-to-openapi';
import { appRouter } from '../router.js';

/**
 * The OpenAPI 3.1 document of the REST routes, generated from the same tRPC procedures (those with
 * `meta.openapi`), so the REST API is never written twice.
 */
export function buildOpenApiDocument(publicUrl: string) {
  return generateOpenApiDocument(appRouter, {
    title: 'Comptoir API',
    description:
      'The shop back-end API of Comptoir. Authenticate with your secret key: `Authorization: Bearer sk_…`. ' +
      'Errors carry a stable `comptoirCode` and a message in French and English.',
    version: '0.1.0',
    openApiVersion: '3.1.0',
    baseUrl: `${publicUrl.replace(/\/$/, '')}/api`,
    securitySchemes: { secretKey: { type: 'http', scheme: 'bearer', description: 'Secret key sk_…' } },
  });
}

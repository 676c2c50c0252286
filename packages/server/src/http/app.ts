import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config/config';
import { clientErrorHandler, frameworkErrorHandler, installErrorHandling } from './error-handler';
import { installSecurityHeaders } from './security-headers';

export interface AppOptions {
  config: Pick<Config, 'bodyLimit' | 'logLevel'>;
  /** Registers the capability routes; called once the shared plumbing is in place. */
  routes: (app: FastifyInstance) => Promise<void>;
}

/**
 * The HTTP server: strict JSON parsing, body limits, security headers, one error
 * mapping, OpenAPI generated from the zod schemas. Capabilities add their routes.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: options.config.bodyLimit,
    logger:
      options.config.logLevel === 'silent'
        ? false
        : {
            level: options.config.logLevel,
            // Request logs carry no bodies, and never credentials.
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          },
    // Client addresses come from the socket, not from X-Forwarded-For, until a trusted
    // proxy is configured (forged XFF headers are a classic audit-log bypass).
    trustProxy: false,
    // Prototype-poisoning keys in JSON bodies are refused, not silently dropped.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    connectionTimeout: 30_000,
    requestTimeout: 60_000,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Undecodable URLs, over-long path parameters and requests Node's parser refuses are
    // answered in the same problem / OperationOutcome shape as every other error.
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // JSON only: text/plain would let a cross-site form post a body without a preflight.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(
    ['application/fhir+json', 'application/json+fhir'],
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );

  installSecurityHeaders(app);
  installErrorHandling(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'CareDesk API',
        version: '0.1.0',
        description: 'Patient-service platform JSON API',
      },
    },
    transform: jsonSchemaTransform,
  });
  await options.routes(app);
  app.get('/openapi.json', { schema: { hide: true }, config: { policy: { kind: 'public' } } }, () =>
    app.swagger(),
  );
  return app;
}

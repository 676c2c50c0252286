import type { FastifyInstance } from 'fastify';

/**
 * Headers on every response. Health data must not be cached by browsers or proxies
 * (ONC 170.315(d)(7)); pages must not be framed (clickjacking; OWASP ASVS V3).
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', (_request, reply, payload, done) => {
    // Hashed web-app files set their own (http/web-app); everything else is never stored.
    if (!reply.hasHeader('cache-control')) reply.header('Cache-Control', 'no-store');
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header(
      'Content-Security-Policy',
      "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
    );
    done(null, payload);
  });
}

import {
  isDomainError,
  negotiateLanguage,
  type DomainErrorCode,
  type FieldIssue,
} from '@caredesk/core';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { outcomeFor } from './operation-outcome';
import { problem, PROBLEM_CONTENT_TYPE } from './problem';

const DOMAIN_STATUS: Record<DomainErrorCode, number> = {
  unauthenticated: 401,
  'rate-limited': 429,
  validation: 400,
  'not-found': 404,
  conflict: 409,
  forbidden: 403,
  unprocessable: 422,
  'too-large': 413,
};

interface Mapped {
  status: number;
  code: string;
  detail: string;
  issues: FieldIssue[];
}

/** Zod issue codes → message keys, for Fastify schema-validation failures. */
function validationIssues(error: FastifyError): FieldIssue[] {
  return (error.validation ?? []).map((v) => {
    const path = `${error.validationContext ?? 'body'}${v.instancePath}`;
    const keyword = v.keyword;
    const messageKey =
      keyword === 'unrecognized_keys'
        ? 'validation.field.unknown'
        : v.message?.includes('received undefined')
          ? 'validation.field.required'
          : 'validation.field.invalid';
    return { path, messageKey, detail: v.message ?? keyword };
  });
}

/**
 * The one place errors become HTTP responses: domain errors by their code, framework
 * errors (body too large, bad JSON, wrong content type, schema failures) by theirs.
 * Anything else is a 500 whose details stay in the log, never in the response.
 */
export function mapError(error: unknown): Mapped {
  if (isDomainError(error)) {
    const issues =
      error.issues.length > 0
        ? error.issues
        : [{ path: '', messageKey: error.messageKey, detail: error.message }];
    return { status: DOMAIN_STATUS[error.code], code: error.code, detail: error.message, issues };
  }
  const e = error as FastifyError;
  if (e.validation)
    return {
      status: 400,
      code: 'validation',
      detail: 'Request validation failed.',
      issues: validationIssues(e),
    };
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'too-large', detail: e.message, issues: [] };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        code: 'unsupported-media-type',
        detail: 'Send JSON (application/json).',
        issues: [],
      };
    // Neither echoes the URL back: it may be 100 KB of attacker-chosen text.
    case 'FST_ERR_BAD_URL':
      return {
        status: 400,
        code: 'bad-request',
        detail: 'The URL is not validly percent-encoded.',
        issues: [],
      };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return {
        status: 414,
        code: 'bad-request',
        detail: 'A path segment is too long.',
        issues: [],
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'malformed-json', detail: e.message, issues: [] };
  }
  if (
    e instanceof SyntaxError ||
    (e.statusCode === 400 && /JSON|prototype|constructor/i.test(e.message))
  ) {
    return {
      status: 400,
      code: 'malformed-json',
      detail: 'The body is not valid JSON.',
      issues: [],
    };
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const code =
      e.statusCode === 413
        ? 'too-large'
        : e.statusCode === 415
          ? 'unsupported-media-type'
          : e.statusCode === 404
            ? 'not-found'
            : 'bad-request';
    return { status: e.statusCode, code, detail: e.message, issues: [] };
  }
  return { status: 500, code: 'internal', detail: '', issues: [] };
}

export function isFhirRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/fhir/');
}

export function sendError(request: FastifyRequest, reply: FastifyReply, m: Mapped): FastifyReply {
  if (isFhirRequest(request)) {
    return reply
      .code(m.status)
      .type('application/fhir+json; charset=utf-8')
      .send(outcomeFor(m.code, m.detail || m.code, m.issues));
  }
  const language = negotiateLanguage(request.headers['accept-language']);
  return reply
    .code(m.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(problem(m.status, m.code, language, m.detail || undefined, m.issues));
}

/**
 * The body that replaces a response whose audit entry could not be written: the entry is
 * durable before the response or the response is not sent (architecture rule 2), and
 * the client hears 503 with no internal detail.
 */
export function auditWithheld(request: FastifyRequest, reply: FastifyReply): string {
  reply.code(503);
  if (isFhirRequest(request)) {
    reply.type('application/fhir+json; charset=utf-8');
    return JSON.stringify(outcomeFor('unavailable', 'unavailable', []));
  }
  reply.type(PROBLEM_CONTENT_TYPE);
  const language = negotiateLanguage(request.headers['accept-language']);
  return JSON.stringify(problem(503, 'unavailable', language));
}

/**
 * Errors Fastify raises before a route runs (a URL that does not percent-decode, a path
 * parameter over maxParamLength): the same mapping, instead of Fastify's bare JSON.
 */
export function frameworkErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  void sendError(request, reply, mapError(error));
}

/**
 * Requests Node's HTTP parser refuses (headers over maxHeaderSize, malformed request
 * lines) never reach Fastify: answer them as a problem too, then close the connection.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, reason] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers-too-large', 'Request Header Fields Too Large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'bad-request', 'Request Timeout']
        : [400, 'bad-request', 'Bad Request'];
  const body = JSON.stringify(problem(status, code, 'en'));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const mapped = mapError(error);
    if (mapped.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendError(request, reply, mapped);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, {
      status: 404,
      code: 'not-found',
      detail: 'No such resource.',
      issues: [],
    }),
  );
}

import { type ErrorBody, type ErrorCode, type FieldIssue, plainIssueMessage } from '@tack/contracts';
import { DomainError } from '@tack/core';
import { DatabaseUnavailableError } from '@tack/db';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

/** The one table from error code to HTTP status. */
export const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  TOKEN_INVALID: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CONFIRMATION_REQUIRED: 409,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

export function errorBody(code: ErrorCode, message: string, details?: Record<string, unknown>): ErrorBody {
  return details ? { error: { code, message, details } } : { error: { code, message } };
}

export function sendError(reply: FastifyReply, code: ErrorCode, message: string, details?: Record<string, unknown>) {
  return reply
    .code(STATUS[code])
    .type('application/json')
    .send(errorBody(code, message, details));
}

type ValidationIssue = {
  instancePath: string;
  keyword?: string;
  message?: string | undefined;
  params?: Record<string, unknown>;
};

function toIssues(context: string | undefined, validation: ValidationIssue[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const v of validation) {
    const base = v.instancePath.split('/').filter(Boolean).join('.');
    const keys = v.params?.keys;
    if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      for (const k of keys) issues.push({ path: base ? `${base}.${String(k)}` : String(k), message: 'Unknown field' });
      continue;
    }
    issues.push({
      path: base || (context ?? 'body'),
      message: plainIssueMessage({ ...v.params, code: v.keyword, message: v.message }),
    });
  }
  return issues;
}

const PG_CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03']);

function isDatabaseDown(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  const e = err as { code?: unknown; message?: unknown };
  if (typeof e.code === 'string' && PG_CONNECTION_CODES.has(e.code)) return true;
  return (
    typeof e.message === 'string' &&
    /Connection terminated|connection timeout|not queryable|database is locked/i.test(e.message)
  );
}

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = toIssues(err.validationContext, err.validation);
    const first = issues[0];
    const message = first ? `${first.path}: ${first.message}` : 'Invalid request';
    return sendError(reply, 'VALIDATION_FAILED', message, { issues });
  }
  if (err instanceof DomainError) return sendError(reply, err.code, err.message, err.details);
  if (isResponseSerializationError(err)) {
    req.log.error({ err }, 'response did not match its schema');
    return sendError(reply, 'INTERNAL', 'Something went wrong on our side; nothing you sent was lost');
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return sendError(reply, 'MALFORMED_JSON', 'The request body is not valid JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendError(reply, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return sendError(reply, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
    case 'FST_ERR_VALIDATION':
      return sendError(reply, 'VALIDATION_FAILED', err.message);
  }
  if (err.statusCode === 429) return sendError(reply, 'RATE_LIMITED', 'Too many requests; wait a minute and try again');
  if (isDatabaseDown(err)) {
    req.log.error({ err }, 'database unavailable');
    return sendError(reply, 'DATABASE_UNAVAILABLE', 'The database is unavailable right now; try again shortly');
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    if (err instanceof SyntaxError && /forbidden (prototype|constructor) property/.test(err.message)) {
      return sendError(
        reply,
        'VALIDATION_FAILED',
        'The request body may not use the keys "__proto__" or "constructor"',
      );
    }
    if (err instanceof SyntaxError) return sendError(reply, 'MALFORMED_JSON', 'The request body is not valid JSON');
    const byStatus: Partial<Record<number, ErrorCode>> = {
      401: 'UNAUTHENTICATED',
      403: 'FORBIDDEN',
      404: 'NOT_FOUND',
      405: 'NOT_FOUND',
      409: 'CONFLICT',
      413: 'PAYLOAD_TOO_LARGE',
      415: 'UNSUPPORTED_MEDIA_TYPE',
    };
    return sendError(reply, byStatus[err.statusCode] ?? 'VALIDATION_FAILED', err.message);
  }
  req.log.error({ err }, 'unhandled error');
  return sendError(reply, 'INTERNAL', 'Something went wrong on our side; nothing you sent was lost');
}

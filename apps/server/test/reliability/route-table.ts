// The server's real route table, read back from Fastify (app.printRoutes), and sample inputs
// generated from the OpenAPI document the same zod schemas produce. Used by the generated
// reliability tests (fuzz.test.ts, access-matrix.test.ts) so that a new route is covered, or
// fails them, without anyone editing a hand-written list.
import { ERROR_CODES } from '@tack/contracts';
import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  /** Fastify's path, e.g. /api/v1/practices/:id/checkins/:date */
  path: string;
  /** "METHOD path" */
  key: string;
  /** Path parameters, in order. */
  params: string[];
}

/**
 * Every method + path the app answers, from Fastify's radix tree (printRoutes). HEAD routes that
 * Fastify adds for GET are left out (they run the same handler).
 */
export function routeTable(app: FastifyInstance): RouteEntry[] {
  const text = app.printRoutes();
  const stack: string[] = [];
  const out = new Map<string, RouteEntry>();
  for (const raw of text.split('\n')) {
    const at = raw.search(/[└├]── /);
    if (at < 0) continue;
    const depth = at / 4;
    const rest = raw.slice(at + 4);
    const m = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(rest);
    if (!m) continue;
    const label = m[1] ?? '';
    stack.length = depth;
    stack[depth] = label;
    if (!m[2]) continue;
    const path = stack.join('');
    for (const method of m[2].split(',').map((s) => s.trim())) {
      if (method === 'HEAD') continue;
      const key = `${method} ${path}`;
      out.set(key, { method, path, key, params: [...path.matchAll(/:(\w+)/g)].map((p) => p[1] as string) });
    }
  }
  return [...out.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`no value for :${name} in ${path}`);
    return percentEncode(v);
  });
}

/** Percent-encodes every byte that is not unreserved (works for lone surrogates too). */
export function percentEncode(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

// ───────────── OpenAPI ─────────────

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  format?: string;
  pattern?: string;
};

export interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** The OpenAPI operation for a route, or undefined for routes hidden from the docs. */
export function operationOf(doc: OpenApiDoc, route: RouteEntry): Operation | undefined {
  const openapiPath = route.path.replace(/:(\w+)/g, '{$1}');
  return doc.paths[openapiPath]?.[route.method.toLowerCase()];
}

export function bodySchemaOf(doc: OpenApiDoc, route: RouteEntry): JsonSchema | undefined {
  const content = operationOf(doc, route)?.requestBody?.content;
  return content?.['application/json']?.schema;
}

export function queryParamsOf(doc: OpenApiDoc, route: RouteEntry) {
  return (operationOf(doc, route)?.parameters ?? []).filter((p) => p.in === 'query');
}

export function resolve(doc: OpenApiDoc, s: JsonSchema): JsonSchema {
  let cur = s;
  for (let i = 0; i < 20 && cur.$ref; i++) {
    const name = cur.$ref.replace('#/components/schemas/', '');
    cur = doc.components?.schemas?.[name] ?? {};
  }
  return cur;
}

export interface SampleContext {
  today: string;
  isoWeek: string;
}

/** The smallest instance that satisfies a JSON schema's declared constraints (required fields only). */
export function minimalValid(doc: OpenApiDoc, schema: JsonSchema, ctx: SampleContext, depth = 0): unknown {
  const s = resolve(doc, schema);
  if (depth > 12) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum && s.enum.length > 0) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const alt = s.anyOf ?? s.oneOf;
  if (alt && alt.length > 0) {
    const nonNull = alt.find((a) => resolve(doc, a).type !== 'null') ?? alt[0];
    return nonNull ? minimalValid(doc, nonNull, ctx, depth + 1) : null;
  }
  const first = s.allOf?.[0];
  if (first) return minimalValid(doc, first, ctx, depth + 1);
  const type = Array.isArray(s.type) ? (s.type.find((t) => t !== 'null') ?? s.type[0]) : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of s.required ?? []) {
        const p = s.properties?.[k];
        if (p) out[k] = minimalValid(doc, p, ctx, depth + 1);
      }
      return out;
    }
    case 'array': {
      const n = s.minItems ?? 0;
      return Array.from({ length: n }, () => (s.items ? minimalValid(doc, s.items, ctx, depth + 1) : null));
    }
    case 'integer':
    case 'number': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
      return Math.max(min, Math.min(1, s.maximum ?? 1));
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    default: {
      if (s.format === 'date') return ctx.today;
      if (s.format === 'date-time') return `${ctx.today}T12:00:00.000Z`;
      if (s.format === 'email') return 'someone@example.org';
      if (s.format === 'uri' || s.format === 'url') return 'https://example.org/';
      if (s.pattern?.includes('W')) return ctx.isoWeek;
      if (s.pattern?.includes('#')) return '#1f7a8c';
      const len = Math.max(s.minLength ?? 1, 1);
      return 'x'.repeat(Math.min(len, s.maxLength ?? len)).replace(/^x/, 'A');
    }
  }
}

/** The ISO week (YYYY-Www) of a UTC date. */
export function isoWeekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const year = d.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round(((d.getTime() - jan4.getTime()) / 86_400_000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const CODES = new Set<string>(ERROR_CODES);

/** Why a response body is not the documented error shape, or null when it is. */
export function errorShapeProblem(text: string): string | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `not JSON: ${text.slice(0, 200)}`;
  }
  const err = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (!err || typeof err !== 'object') return `no "error" object: ${text.slice(0, 200)}`;
  if (typeof err.code !== 'string' || !CODES.has(err.code)) return `unknown error code ${String(err.code)}`;
  if (typeof err.message !== 'string' || err.message.length === 0) return 'no error message';
  return null;
}

import {
  type ErasureStatus,
  type ErrorCode,
  erasureStatusSchema,
  errorBodySchema,
  type ImportSummary,
  importSummarySchema,
} from '@tack/contracts';
import type { z } from 'zod';

/** The shape of the client's JSON `request` this module needs. */
type JsonRequest = <S extends z.ZodType | undefined = undefined>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  opts?: { body?: unknown; schema?: S },
) => Promise<S extends z.ZodType ? z.infer<S> : unknown>;

/** Where an upload is: sending the file (fraction 0…1), then the server checking and writing it. */
export type ImportProgress = (p: { phase: 'uploading' | 'processing'; fraction: number }) => void;

export interface RawTransport {
  base: string;
  token: string | undefined;
  fetch: typeof fetch;
  /** Builds the client's error type from an answer (keeps one TackApiError class). */
  fail: (status: number, code: ErrorCode, message: string, details?: Record<string, unknown>) => Error;
}

/** Imports, export, restore and account erasure (Settings → Data, `tack import/export/restore`). */
export function portabilityMethods(request: JsonRequest, t: RawTransport) {
  /** A raw exchange (uploads and downloads): bytes or text in, the answer's text out. */
  async function exchange(
    method: 'GET' | 'POST',
    path: string,
    opts: { body?: Uint8Array | string; contentType?: string; query?: Record<string, string> } = {},
  ): Promise<string> {
    const url = new URL(`${t.base}${path}`, t.base ? undefined : globalThis.location?.origin);
    for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
    const headers: Record<string, string> = {};
    if (t.token) headers.authorization = `Bearer ${t.token}`;
    if (opts.body !== undefined) headers['content-type'] = opts.contentType ?? 'application/octet-stream';
    let res: Response;
    try {
      const body = typeof opts.body === 'string' || opts.body === undefined ? opts.body : new Uint8Array(opts.body);
      res = await t.fetch(url, { method, headers, body, credentials: 'same-origin' });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw t.fail(0, 'INTERNAL', `Could not reach the Tack server at ${url.origin}: ${reason}`);
    }
    const text = await res.text();
    if (!res.ok) {
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {}
      const parsed = errorBodySchema.safeParse(json);
      if (parsed.success) {
        const e = parsed.data.error;
        throw t.fail(res.status, e.code, e.message, e.details);
      }
      throw t.fail(res.status, 'INTERNAL', `Unexpected ${res.status} answer from the server`);
    }
    return text;
  }
  const summaryOf = (text: string): ImportSummary => importSummarySchema.parse(JSON.parse(text));

  /**
   * An upload that reports its progress (browsers: fetch cannot). Falls back to `exchange` where there is
   * no XMLHttpRequest (Node, the CLI).
   */
  function upload(path: string, body: Uint8Array, contentType: string, onProgress?: ImportProgress): Promise<string> {
    const Xhr = globalThis.XMLHttpRequest;
    if (!onProgress || !Xhr) return exchange('POST', path, { body, contentType });
    return new Promise((resolve, reject) => {
      const xhr = new Xhr();
      xhr.open('POST', new URL(`${t.base}${path}`, t.base ? undefined : globalThis.location?.origin).toString());
      xhr.setRequestHeader('content-type', contentType);
      if (t.token) xhr.setRequestHeader('authorization', `Bearer ${t.token}`);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress({ phase: 'uploading', fraction: e.loaded / e.total });
      };
      xhr.upload.onload = () => onProgress({ phase: 'processing', fraction: 1 });
      xhr.onerror = () => reject(t.fail(0, 'INTERNAL', 'Could not reach the Tack server'));
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) return resolve(xhr.responseText);
        let json: unknown = null;
        try {
          json = JSON.parse(xhr.responseText);
        } catch {}
        const parsed = errorBodySchema.safeParse(json);
        if (parsed.success) {
          const e = parsed.data.error;
          return reject(t.fail(xhr.status, e.code, e.message, e.details));
        }
        reject(t.fail(xhr.status, 'INTERNAL', `Unexpected ${xhr.status} answer from the server`));
      };
      xhr.send(new Uint8Array(body));
    });
  }

  return {
    data: {
      /** A Loop Habit Tracker backup (.db) or CSV export (.zip). */
      importLoop: async (file: Uint8Array, onProgress?: ImportProgress): Promise<ImportSummary> =>
        summaryOf(await upload('/api/v1/imports/loop', file, 'application/octet-stream', onProgress)),
      /** Habitica's userdata.json. */
      importHabitica: async (file: Uint8Array, onProgress?: ImportProgress): Promise<ImportSummary> =>
        summaryOf(await upload('/api/v1/imports/habitica', file, 'application/json', onProgress)),
      /** The backup document, as the server wrote it (save the text as is). */
      exportJson: (): Promise<string> => exchange('GET', '/api/v1/export', { query: { format: 'json' } }),
      /** One row per check-in. */
      exportCsv: (): Promise<string> => exchange('GET', '/api/v1/export', { query: { format: 'csv' } }),
      /** Restores a backup document into this (empty) account. */
      restore: async (file: Uint8Array | string): Promise<ImportSummary> =>
        summaryOf(await exchange('POST', '/api/v1/restore', { body: file, contentType: 'application/json' })),
      erasure: (): Promise<ErasureStatus> => request('GET', '/api/v1/me/erasure', { schema: erasureStatusSchema }),
      requestErasure: (confirm: string): Promise<ErasureStatus> =>
        request('POST', '/api/v1/me/erasure', { body: { confirm }, schema: erasureStatusSchema }),
      cancelErasure: (): Promise<ErasureStatus> =>
        request('DELETE', '/api/v1/me/erasure', { schema: erasureStatusSchema }),
    },
  };
}

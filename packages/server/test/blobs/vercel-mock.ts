/**
 * An msw mock of the Vercel Blob HTTP API, as `@vercel/blob` 2 calls it: the control API
 * (`PUT /api/blob/?pathname=`, `GET /api/blob?url=`, `POST /api/blob/delete`) and the store's CDN
 * (`https://<store>.<access>.blob.vercel-storage.com/<pathname>`, with `Range`).
 *
 * The SDK calls the control API with undici's own fetch, which msw cannot intercept in-process,
 * so the same handlers are also served over a real socket on 127.0.0.1 (`VERCEL_BLOB_API_URL`).
 */
import { createHash } from 'node:crypto';
import { serve } from '@hono/node-server';
import { getResponse, HttpResponse, http, type RequestHandler } from 'msw';
import parseRange from 'range-parser';

interface StoredBlob {
  bytes: Uint8Array;
  contentType: string;
  etag: string;
  uploadedAt: Date;
}

/** The mock's state and handlers. */
export interface VercelBlobMock {
  handlers: RequestHandler[];
  blobs: Map<string, StoredBlob>;
  /** Starts the control API on 127.0.0.1 and answers its base URL. */
  listen(): Promise<{ apiUrl: string; close(): Promise<void> }>;
}

const error = (status: number, code: string, message: string) =>
  HttpResponse.json({ error: { code, message } }, { status });

/** Creates the mock for one store, reached with `token`. */
export function vercelBlobMock({ storeId, token }: { storeId: string; token: string }): VercelBlobMock {
  const blobs = new Map<string, StoredBlob>();
  // Any port: the control API listens wherever the OS puts it.
  const apiBase = /^http:\/\/127\.0\.0\.1:\d+\/api\/blob/;
  const api = (suffix: string) => new RegExp(`${apiBase.source}${suffix}$`);
  const cdn = `https://${storeId}.:access.blob.vercel-storage.com/*`;
  const authorised = (request: Request) => request.headers.get('authorization') === `Bearer ${token}`;
  const urlOf = (pathname: string, access: string) =>
    `https://${storeId}.${access}.blob.vercel-storage.com/${pathname}`;
  const pathnameOf = (urlOrPathname: string) =>
    urlOrPathname.startsWith('https://') ? new URL(urlOrPathname).pathname.slice(1) : urlOrPathname;
  const describe = (pathname: string, blob: StoredBlob, access = 'private') => ({
    url: urlOf(pathname, access),
    downloadUrl: `${urlOf(pathname, access)}?download=1`,
    pathname,
    size: blob.bytes.byteLength,
    contentType: blob.contentType,
    contentDisposition: `attachment; filename="${pathname.split('/').pop()}"`,
    cacheControl: 'public, max-age=60',
    uploadedAt: blob.uploadedAt.toISOString(),
    etag: blob.etag,
  });

  const handlers: RequestHandler[] = [
    http.put(api('/'), async ({ request }) => {
      if (!authorised(request)) return error(403, 'forbidden', 'Access denied');
      const pathname = new URL(request.url).searchParams.get('pathname') ?? '';
      if (blobs.has(pathname) && request.headers.get('x-allow-overwrite') !== '1') {
        return error(400, 'bad_request', 'This blob already exists');
      }
      // A body cut off mid-way rejects here, and nothing is stored: uploads are all or nothing.
      const bytes = new Uint8Array(await request.arrayBuffer());
      const blob: StoredBlob = {
        bytes,
        contentType: request.headers.get('x-content-type') ?? 'application/octet-stream',
        etag: `"${createHash('md5').update(bytes).digest('hex')}"`,
        uploadedAt: new Date(Math.floor(Date.now() / 1000) * 1000),
      };
      blobs.set(pathname, blob);
      return HttpResponse.json(
        describe(pathname, blob, request.headers.get('x-vercel-blob-access') ?? 'private'),
      );
    }),
    http.get(api(''), ({ request }) => {
      if (!authorised(request)) return error(403, 'forbidden', 'Access denied');
      const pathname = pathnameOf(new URL(request.url).searchParams.get('url') ?? '');
      const blob = blobs.get(pathname);
      return blob
        ? HttpResponse.json(describe(pathname, blob))
        : error(404, 'not_found', 'The requested blob does not exist');
    }),
    http.post(api('/delete'), async ({ request }) => {
      if (!authorised(request)) return error(403, 'forbidden', 'Access denied');
      const { urls } = (await request.json()) as { urls: string[] };
      for (const url of urls) blobs.delete(pathnameOf(url));
      return HttpResponse.json({});
    }),
    http.get(cdn, ({ request, params }) => {
      if (params.access === 'private' && !authorised(request))
        return new HttpResponse('Forbidden', { status: 403 });
      const blob = blobs.get(decodeURIComponent(new URL(request.url).pathname.slice(1)));
      if (!blob) return new HttpResponse('Not found', { status: 404 });
      const size = blob.bytes.byteLength;
      const headers = {
        'content-type': blob.contentType,
        etag: blob.etag,
        'last-modified': blob.uploadedAt.toUTCString(),
        'accept-ranges': 'bytes',
      };
      const header = request.headers.get('range');
      const ranges = header ? parseRange(size, header) : -2;
      if (ranges === -1)
        return new HttpResponse(null, { status: 416, headers: { 'content-range': `bytes */${size}` } });
      const first = ranges === -2 ? undefined : ranges[0];
      if (!first)
        return new HttpResponse(blob.bytes.slice(), {
          headers: { ...headers, 'content-length': String(size) },
        });
      return new HttpResponse(blob.bytes.slice(first.start, first.end + 1), {
        status: 206,
        headers: { ...headers, 'content-range': `bytes ${first.start}-${first.end}/${size}` },
      });
    }),
  ];

  return {
    handlers,
    blobs,
    listen: () =>
      new Promise((resolve) => {
        const server = serve(
          {
            hostname: '127.0.0.1',
            port: 0,
            fetch: async (request) =>
              (await getResponse(handlers, request).catch(() => undefined)) ??
              new Response('no handler', { status: 500 }),
          },
          (info) =>
            resolve({
              apiUrl: `http://127.0.0.1:${info.port}/api/blob`,
              close: () => new Promise<void>((done) => server.close(() => done())),
            }),
        );
      }),
  };
}

/**
 * `GET`/`HEAD /media/:jobId/:variant?exp=…&sig=…[&dl=1]`: serves a job's stored files like a CDN
 * (ranges, validators, caching) to anyone holding a valid signed link — no cookie needed, so
 * `<video src>`, downloads and shared links work — until the link expires or the job is deleted.
 */
import type { JobAsset, JobStatus, Variant } from '@sora-kit/core';
import { type Context, Hono } from 'hono';
import type { BlobInfo, BlobStore } from '../blobs/types.js';
import { blobKey, isVariant } from '../media/blob-keys.js';
import { contentDisposition, downloadFilename } from '../media/filename.js';
import { decideServe } from '../media/serve-decision.js';
import type { MediaSigner } from '../media/signing.js';

/** What the media route needs to know about a job. */
export interface MediaJobView {
  status: JobStatus;
  asset?: JobAsset;
  prompt: string;
}

/** Dependencies of {@link createMediaRoutes}. */
export interface MediaRoutesOptions {
  blobs: BlobStore;
  signer: MediaSigner;
  /** The job, whoever owns it (the signature is the authorisation), or `null` once deleted. */
  findJob(jobId: string): Promise<MediaJobView | null>;
  now: () => Date;
  /**
   * When the store offers {@link BlobStore.publicUrl}, answer a valid link with a `302` to the
   * store's own URL (a CDN) instead of streaming through this server.
   */
  usePublicUrls?: boolean;
}

/**
 * The media sub-app; mount it at the handler's root.
 *
 * @example app.route('/', createMediaRoutes({ blobs, signer, findJob, now: () => new Date() }));
 */
export function createMediaRoutes(options: MediaRoutesOptions): Hono {
  const app = new Hono();
  app.get('/media/:jobId/:variant', (c) => serveMedia(c, options));
  return app;
}

/** A link that passed every check: whose file to send, and how. */
interface AuthorisedRequest {
  key: string;
  job: MediaJobView;
  variant: Variant;
  expiresAt: Date;
  download: boolean;
}

async function serveMedia(c: Context, options: MediaRoutesOptions): Promise<Response> {
  const authorised = await authorise(c, options);
  if (authorised instanceof Response) return authorised;
  const { key, job, variant, expiresAt, download } = authorised;
  const secondsLeft = Math.floor((expiresAt.getTime() - options.now().getTime()) / 1000);
  const cacheControl = `private, max-age=${Math.max(0, secondsLeft)}`;

  if (options.usePublicUrls && options.blobs.publicUrl) {
    const filename = download ? downloadFilename(job.prompt, variant) : undefined;
    const url = await options.blobs.publicUrl(key, { expiresAt, download: filename });
    if (url)
      return new Response(null, { status: 302, headers: { Location: url, 'Cache-Control': cacheControl } });
  }
  const disposition = download ? contentDisposition(job.prompt, variant) : undefined;
  return serveBlob(c, options.blobs, key, cacheControl, disposition);
}

/** Checks the signature, then the job: 403, 404 or 409 as a response, or what to serve. */
async function authorise(c: Context, options: MediaRoutesOptions): Promise<AuthorisedRequest | Response> {
  const jobId = c.req.param('jobId') ?? '';
  const variant = c.req.param('variant') ?? '';
  const exp = c.req.query('exp');
  const dl = c.req.query('dl');
  const valid = await options.signer.verify({ jobId, variant, exp, sig: c.req.query('sig'), dl });
  if (!valid || !isVariant(variant) || !exp) {
    return fail(c, 403, 'forbidden', 'This media link is invalid or has expired');
  }
  const job = await options.findJob(jobId);
  if (!job) return fail(c, 404, 'not_found', 'No such video');
  if (job.status !== 'completed') return fail(c, 409, 'not_ready', 'The video is not ready yet');
  if (job.asset && !job.asset.variants.includes(variant)) return fail(c, 404, 'not_found', 'No such variant');
  return {
    key: blobKey(jobId, variant),
    job,
    variant,
    expiresAt: new Date(Number(exp) * 1000),
    download: dl === '1',
  };
}

/** Streams the blob like a CDN: validators, conditional requests and one range. */
async function serveBlob(
  c: Context,
  blobs: BlobStore,
  key: string,
  cacheControl: string,
  disposition: string | undefined,
): Promise<Response> {
  const info = await blobs.stat(key);
  if (!info) return fail(c, 404, 'not_found', 'No such video');
  const headers = baseHeaders(info, cacheControl, disposition);
  const decision = decideServe(info, {
    range: c.req.header('range'),
    ifNoneMatch: c.req.header('if-none-match'),
    ifModifiedSince: c.req.header('if-modified-since'),
    ifRange: c.req.header('if-range'),
  });
  if (decision.status === 304) return new Response(null, { status: 304, headers: validatorHeaders(headers) });
  if (decision.status === 416) return unsatisfiable(info, headers);
  const { range } = decision;
  headers.set('Content-Length', String(Math.max(0, range.end - range.start + 1)));
  if (decision.status === 206)
    headers.set('Content-Range', `bytes ${range.start}-${range.end}/${info.bytes}`);
  // Hono answers HEAD by running this GET handler and dropping the body: never open the blob then.
  if (c.req.raw.method === 'HEAD' || info.bytes === 0)
    return new Response(null, { status: decision.status, headers });
  const blob = await blobs.get(key, range);
  if (!blob) return fail(c, 404, 'not_found', 'No such video');
  return new Response(blob.body, { status: decision.status, headers });
}

function unsatisfiable(info: BlobInfo, headers: Headers): Response {
  headers.set('Content-Range', `bytes */${info.bytes}`);
  headers.set('Content-Type', 'application/json');
  headers.delete('Content-Disposition');
  const body = {
    error: { code: 'range_not_satisfiable', message: 'The requested range is not satisfiable' },
  };
  return new Response(JSON.stringify(body), { status: 416, headers });
}

function baseHeaders(info: BlobInfo, cacheControl: string, disposition: string | undefined): Headers {
  const headers = new Headers({
    'Accept-Ranges': 'bytes',
    'Content-Type': info.contentType,
    ETag: info.etag,
    'Last-Modified': info.lastModified.toUTCString(),
    'Cache-Control': cacheControl,
    'X-Content-Type-Options': 'nosniff',
  });
  if (disposition) headers.set('Content-Disposition', disposition);
  return headers;
}

/** A 304 carries the validators and caching headers, not the representation's. */
function validatorHeaders(headers: Headers): Headers {
  const out = new Headers();
  for (const name of ['ETag', 'Last-Modified', 'Cache-Control', 'Accept-Ranges']) {
    const value = headers.get(name);
    if (value) out.set(name, value);
  }
  return out;
}

function fail(c: Context, status: 403 | 404 | 409, code: string, message: string): Response {
  return c.json({ error: { code, message } }, status, { 'Cache-Control': 'no-store' });
}

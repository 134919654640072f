/**
 * Reading the body of `POST /videos` and `/remix`: JSON, or multipart with an `input_reference`
 * image. Sizes are checked while reading, so an oversized body is refused without being buffered
 * whole; every malformed body is a 400, never a 500.
 */
import type { Context } from 'hono';
import { HttpError } from '../http-error.js';
import type { Limits } from '../jobs/runtime.js';
import type { Logger } from '../logger.js';
import { readBody } from './body-read.js';

/** A create body before validation, and its reference file when there is one. */
export interface RawCreateBody {
  fields: Record<string, unknown>;
  reference?: Blob;
}

/** What reading a create or remix body needs. */
export interface BodyLimits {
  limits: Pick<Limits, 'maxJsonBytes' | 'maxReferenceBytes' | 'bodyTimeoutMs'>;
  logger: Logger;
}

/** Parses a JSON object body (bad JSON or a non-object → 400). */
export async function readJsonObject(
  c: Context,
  { limits, logger }: BodyLimits,
): Promise<Record<string, unknown>> {
  const bytes = await readBody(c.req.raw, {
    maxBytes: limits.maxJsonBytes,
    what: 'request body',
    timeoutMs: limits.bodyTimeoutMs,
    logger,
  });
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new HttpError(400, 'invalid_request', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'invalid_request', 'The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

async function readMultipart(c: Context, { limits, logger }: BodyLimits): Promise<RawCreateBody> {
  const bytes = await readBody(c.req.raw, {
    // Room for the other fields and the multipart framing on top of the image itself.
    maxBytes: limits.maxReferenceBytes + 64 * 1024,
    what: 'reference image',
    timeoutMs: limits.bodyTimeoutMs,
    logger,
  });
  let form: FormData;
  try {
    const copy = new Request(c.req.url, {
      method: 'POST',
      headers: { 'content-type': c.req.header('content-type') ?? '' },
      body: bytes as Uint8Array<ArrayBuffer>,
    });
    form = await copy.formData();
  } catch {
    throw new HttpError(400, 'invalid_request', 'The multipart body could not be read.');
  }
  const fields: Record<string, unknown> = {};
  let reference: Blob | undefined;
  for (const [name, value] of form.entries()) {
    if (name === 'input_reference') {
      if (typeof value === 'string') {
        throw new HttpError(400, 'invalid_request', 'input_reference must be an image file.', {
          details: [{ path: 'input_reference', message: 'input_reference must be an image file' }],
        });
      }
      reference = value;
    } else if (typeof value === 'string') {
      fields[name] = value;
    }
  }
  return reference ? { fields, reference } : { fields };
}

/** Reads a create body in whichever form the client sent it. */
export async function readCreateBody(c: Context, reading: BodyLimits): Promise<RawCreateBody> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return readMultipart(c, reading);
  if (type === '' || type.startsWith('application/json') || type.includes('+json')) {
    return { fields: await readJsonObject(c, reading) };
  }
  throw new HttpError(400, 'invalid_request', 'Send JSON (application/json) or multipart/form-data.');
}

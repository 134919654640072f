/**
 * Reading the body of `POST /videos` and `/remix`: JSON, or multipart with an `input_reference`
 * image. Sizes are checked while reading, so an oversized body is refused without being buffered
 * whole; every malformed body is a 400, never a 500.
 */
import type { Context } from 'hono';
import { HttpError } from '../http-error.js';

/** A create body before validation, and its reference file when there is one. */
export interface RawCreateBody {
  fields: Record<string, unknown>;
  reference?: Blob;
}

function tooLarge(what: string, limit: number): HttpError {
  return new HttpError(413, 'payload_too_large', `The ${what} is larger than ${limit} bytes.`);
}

/** Reads a request body as text, refusing it as soon as it passes `limit` bytes. */
async function readLimited(request: Request, limit: number, what: string): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(what, limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(what, limit);
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

/** Parses a JSON object body (bad JSON or a non-object → 400). */
export async function readJsonObject(c: Context, maxBytes: number): Promise<Record<string, unknown>> {
  const bytes = await readLimited(c.req.raw, maxBytes, 'request body');
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

async function readMultipart(c: Context, maxReferenceBytes: number): Promise<RawCreateBody> {
  // Room for the other fields and the multipart framing on top of the image itself.
  const limit = maxReferenceBytes + 64 * 1024;
  const bytes = await readLimited(c.req.raw, limit, 'reference image');
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
export async function readCreateBody(
  c: Context,
  limits: { maxJsonBytes: number; maxReferenceBytes: number },
): Promise<RawCreateBody> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return readMultipart(c, limits.maxReferenceBytes);
  if (type === '' || type.startsWith('application/json') || type.includes('+json')) {
    return { fields: await readJsonObject(c, limits.maxJsonBytes) };
  }
  throw new HttpError(400, 'invalid_request', 'Send JSON (application/json) or multipart/form-data.');
}

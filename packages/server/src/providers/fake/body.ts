/** Reads a request body the way the API does: JSON, or multipart form data (as the SDK sends it). */
import type { Context } from 'hono';

/** A field value: text, an uploaded file, or (JSON only) a nested object. */
export type FieldValue = string | number | File | Record<string, unknown> | undefined;

/** A parsed body, or the reason it could not be parsed. */
export type ParsedBody = { ok: true; fields: Record<string, FieldValue> } | { ok: false; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Multipart nested keys (`input_reference[image_url]`, `video[id]`) folded back into objects, as the
 * SDK's form encoder spells them.
 */
function foldNested(form: Record<string, string | File>): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(form)) {
    const nested = /^([^[]+)\[([^\]]+)\]$/.exec(key);
    if (nested?.[1] && nested[2]) {
      const parent = fields[nested[1]];
      const object = isRecord(parent) && !(parent instanceof File) ? parent : {};
      object[nested[2]] = value;
      fields[nested[1]] = object;
    } else {
      fields[key] = value;
    }
  }
  return fields;
}

/** Parses JSON or multipart; anything else is refused like the API refuses it. */
export async function readBody(c: Context): Promise<ParsedBody> {
  const type = c.req.header('content-type') ?? '';
  if (type.includes('multipart/form-data') || type.includes('application/x-www-form-urlencoded')) {
    try {
      const form = (await c.req.parseBody()) as Record<string, string | File>;
      return { ok: true, fields: foldNested(form) };
    } catch {
      return { ok: false, message: 'Could not parse multipart form data.' };
    }
  }
  const text = await c.req.text();
  if (text.trim() === '') return { ok: true, fields: {} };
  try {
    const json: unknown = JSON.parse(text);
    if (!isRecord(json)) return { ok: false, message: 'The request body must be a JSON object.' };
    return { ok: true, fields: json as Record<string, FieldValue> };
  } catch {
    return {
      ok: false,
      message:
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)",
    };
  }
}

/** A text field as a string (numbers accepted, as JSON clients send them). */
export function textField(value: FieldValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Validation of create parameters, with the API's messages and `param` names. */
import { type FieldValue, textField } from './body.js';
import { imageSize } from './image-size.js';
import { FAKE_DEFAULTS, FAKE_MODEL_SIZES, FAKE_SECONDS } from './models.js';

/** A problem with one parameter: answered `400 invalid_request_error`. */
export interface ParamIssue {
  param: string;
  message: string;
  code: string;
}

/** A reference the caller gave: an upload, or a pointer the fake records without fetching. */
export type FakeReference =
  | { kind: 'file'; file: File }
  | { kind: 'image_url'; url: string }
  | { kind: 'file_id'; id: string };

/** Create parameters after validation, defaults applied. */
export interface ValidCreate {
  prompt: string;
  model: string;
  size: string;
  seconds: string;
  reference?: FakeReference;
}

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/** Checks `prompt`: present, a non-empty string. */
export function validatePrompt(value: FieldValue): string | ParamIssue {
  const prompt = textField(value);
  if (prompt === undefined) {
    return {
      param: 'prompt',
      message: "Missing required parameter: 'prompt'.",
      code: 'missing_required_parameter',
    };
  }
  if (prompt.trim() === '') {
    return {
      param: 'prompt',
      message:
        "Invalid 'prompt': string too short. Expected a string with minimum length 1, but got an empty string instead.",
      code: 'string_below_min_length',
    };
  }
  return prompt;
}

function validateReference(value: FieldValue): FakeReference | ParamIssue | undefined {
  if (value === undefined || value === '') return undefined;
  if (value instanceof File) {
    if (!IMAGE_TYPES.includes(value.type)) {
      return {
        param: 'input_reference',
        message: `Invalid file format for 'input_reference': ${value.type || 'unknown'}. Supported formats are: ${list(IMAGE_TYPES)}.`,
        code: 'unsupported_file_mimetype',
      };
    }
    return { kind: 'file', file: value };
  }
  if (typeof value === 'object' && typeof value.image_url === 'string') {
    if (!/^(https?:\/\/|data:image\/)/.test(value.image_url)) {
      return {
        param: 'input_reference.image_url',
        message: "Invalid 'input_reference.image_url': expected an http(s) URL or a data:image URL.",
        code: 'invalid_value',
      };
    }
    return { kind: 'image_url', url: value.image_url };
  }
  if (typeof value === 'object' && typeof value.file_id === 'string') {
    return { kind: 'file_id', id: value.file_id };
  }
  return {
    param: 'input_reference',
    message: "Invalid 'input_reference': expected an image file, {image_url} or {file_id}.",
    code: 'invalid_type',
  };
}

/** Whether a validation result is a {@link ParamIssue}. */
export function isIssue(value: unknown): value is ParamIssue {
  return typeof value === 'object' && value !== null && 'param' in value && 'code' in value;
}

/** Validates a create body against the models' sizes and lengths. */
export function validateCreate(fields: Record<string, FieldValue>): ValidCreate | ParamIssue {
  const prompt = validatePrompt(fields.prompt);
  if (isIssue(prompt)) return prompt;
  const model = textField(fields.model) ?? FAKE_DEFAULTS.model;
  const sizes = FAKE_MODEL_SIZES[model];
  if (!sizes) {
    return {
      param: 'model',
      message: `Invalid value: '${model}'. Supported values are: ${list(Object.keys(FAKE_MODEL_SIZES))}.`,
      code: 'invalid_value',
    };
  }
  const seconds = textField(fields.seconds) ?? FAKE_DEFAULTS.seconds;
  if (!(FAKE_SECONDS as readonly string[]).includes(seconds)) {
    return {
      param: 'seconds',
      message: `Invalid value: '${seconds}'. Supported values are: ${list(FAKE_SECONDS)}.`,
      code: 'invalid_value',
    };
  }
  const size = textField(fields.size) ?? FAKE_DEFAULTS.size;
  if (!sizes.includes(size)) {
    return {
      param: 'size',
      message: `Invalid value: '${size}'. Supported values for model '${model}' are: ${list(sizes)}.`,
      code: 'invalid_value',
    };
  }
  const reference = validateReference(fields.input_reference);
  if (isIssue(reference)) return reference;
  return { prompt, model, size, seconds, ...(reference ? { reference } : {}) };
}

/**
 * The real API renders from the reference as the first frame, so it must have the requested size;
 * an upload whose header cannot be read is refused too.
 */
export async function referenceIssue(
  reference: FakeReference | undefined,
  size: string,
): Promise<ParamIssue | undefined> {
  if (reference?.kind !== 'file') return undefined;
  const dimensions = imageSize(new Uint8Array(await reference.file.arrayBuffer()));
  if (!dimensions) {
    return {
      param: 'input_reference',
      message: 'The input_reference image could not be read. Upload a valid PNG, JPEG or WebP image.',
      code: 'invalid_image',
    };
  }
  if (`${dimensions.width}x${dimensions.height}` !== size) {
    return {
      param: 'input_reference',
      message: `Inpaint image must match the requested width and height (got ${dimensions.width}x${dimensions.height}, expected ${size}).`,
      code: 'invalid_value',
    };
  }
  return undefined;
}

/**
 * Validation shared by the browser and the server, so both enforce exactly the same rules.
 * Unknown fields are ignored (stripped), never an error: older clients keep working.
 */
import * as v from 'valibot';
import type { Capabilities, ModelCapabilities, ValidationIssue } from './contract.js';

/** Default upper bound on prompt length, in characters. */
export const DEFAULT_MAX_PROMPT_CHARS = 4000;
/** Default upper bound on a reference image, in bytes (10 MB). */
export const DEFAULT_MAX_REFERENCE_BYTES = 10 * 1024 * 1024;

/** A create request after validation, with every default filled in. */
export interface ValidCreateVideo {
  prompt: string;
  model: string;
  size: string;
  seconds: number;
}

/** The result of a validation: the value, or the issues as the contract's `details`. */
export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

// Multipart bodies carry numbers as strings; accept both.
const secondsField = v.union([
  v.pipe(v.number(), v.integer('seconds must be a whole number')),
  v.pipe(
    v.string(),
    v.regex(/^\d{1,4}$/, 'seconds must be a whole number'),
    v.transform((s) => Number(s)),
  ),
]);

const promptField = (maxChars: number) =>
  v.pipe(
    v.string('prompt must be text'),
    v.trim(),
    v.minLength(1, 'prompt is required'),
    v.maxLength(maxChars, `prompt must be at most ${maxChars} characters`),
  );

/** The shape of `POST /videos` before it is checked against a provider's models. */
export function createVideoShape(maxPromptChars = DEFAULT_MAX_PROMPT_CHARS) {
  return v.object({
    prompt: promptField(maxPromptChars),
    model: v.optional(v.pipe(v.string('model must be text'), v.maxLength(100))),
    size: v.optional(v.pipe(v.string('size must be text'), v.maxLength(20))),
    seconds: v.optional(secondsField),
  });
}

/** The shape of `POST /videos/:jobId/remix`. */
export function remixVideoShape(maxPromptChars = DEFAULT_MAX_PROMPT_CHARS) {
  return v.object({ prompt: promptField(maxPromptChars) });
}

/** The query of `GET /videos`. */
export const listQueryShape = v.object({
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/, 'limit must be a whole number from 1 to 100'),
      v.transform(Number),
      v.minValue(1, 'limit must be a whole number from 1 to 100'),
      v.maxValue(100, 'limit must be a whole number from 1 to 100'),
    ),
  ),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200, 'cursor is not valid'))),
});

function toIssues(issues: readonly v.BaseIssue<unknown>[]): ValidationIssue[] {
  return issues.map((issue) => ({
    path: issue.path?.map((p) => String(p.key)).join('.') || '',
    message: issue.message,
  }));
}

/** Validates any value against a valibot schema, returning the contract's issue list on failure. */
export function validate<S extends v.GenericSchema>(schema: S, input: unknown): Validated<v.InferOutput<S>> {
  const result = v.safeParse(schema, input);
  return result.success ? { ok: true, value: result.output } : { ok: false, issues: toIssues(result.issues) };
}

/** Picks the model a request means: the one named, or the provider's first. */
export function findModel(capabilities: Capabilities, model?: string): ModelCapabilities | undefined {
  return model === undefined ? capabilities.models[0] : capabilities.models.find((m) => m.id === model);
}

/**
 * Validates a create request against the provider's capabilities and fills the defaults
 * (the first model, its first size, its shortest length).
 */
export function validateCreateVideo(input: unknown, capabilities: Capabilities): Validated<ValidCreateVideo> {
  const shaped = validate(createVideoShape(capabilities.limits.maxPromptChars), input);
  if (!shaped.ok) return shaped;
  const { prompt, model: modelId, size, seconds } = shaped.value;
  const model = findModel(capabilities, modelId);
  if (!model) {
    const known = capabilities.models.map((m) => m.id).join(', ');
    return { ok: false, issues: [{ path: 'model', message: `unknown model; use one of: ${known}` }] };
  }
  const issues: ValidationIssue[] = [];
  if (size !== undefined && !model.sizes.includes(size)) {
    issues.push({ path: 'size', message: `${model.id} offers sizes ${model.sizes.join(', ')}` });
  }
  if (seconds !== undefined && !model.seconds.includes(seconds)) {
    issues.push({
      path: 'seconds',
      message: `${model.id} offers lengths ${model.seconds.join(', ')} seconds`,
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      prompt,
      model: model.id,
      size: size ?? model.sizes[0] ?? '',
      seconds: seconds ?? Math.min(...model.seconds),
    },
  };
}

/** Parses `"1280x720"` into numbers; undefined when malformed. */
export function parseSize(size: string): { width: number; height: number } | undefined {
  const match = /^(\d{2,5})x(\d{2,5})$/.exec(size);
  return match ? { width: Number(match[1]), height: Number(match[2]) } : undefined;
}

/** Estimated cost in USD of a clip, when the model has a price for that size. */
export function estimateCostUsd(model: ModelCapabilities, size: string, seconds: number): number | undefined {
  const perSecond = model.pricePerSecondUsd?.[size];
  return perSecond === undefined ? undefined : Math.round(perSecond * seconds * 100) / 100;
}

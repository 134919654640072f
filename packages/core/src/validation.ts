/**
 * `@sora-kit/core/validation`: the valibot shapes the server parses requests with. A separate entry,
 * so browsers never ship valibot; the browser checks with the plain `checkPrompt` and `checkChoice`
 * (main entry), which `validateCreateVideo` ends with too, so both enforce the same rules.
 * Unknown fields are ignored (stripped), never an error: older clients keep working.
 */
import * as v from 'valibot';
import type { Capabilities, ValidationIssue } from './contract.js';
import {
  checkChoice,
  DEFAULT_MAX_PROMPT_CHARS,
  PROMPT_REQUIRED,
  promptTooLong,
  type Validated,
  type ValidCreateVideo,
} from './rules.js';

export type { Validated } from './rules.js';

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
    v.minLength(1, PROMPT_REQUIRED),
    v.maxLength(maxChars, promptTooLong(maxChars)),
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

/**
 * Validates a create request: its shape, then `checkChoice` against the provider's capabilities,
 * which fills the defaults (the first model, its first size, its shortest length).
 */
export function validateCreateVideo(input: unknown, capabilities: Capabilities): Validated<ValidCreateVideo> {
  const shaped = validate(createVideoShape(capabilities.limits.maxPromptChars), input);
  if (!shaped.ok) return shaped;
  const { prompt, ...choice } = shaped.value;
  const checked = checkChoice(capabilities, choice);
  return checked.ok ? { ok: true, value: { prompt, ...checked.value } } : checked;
}

/**
 * The request rules the browser and the server share, as plain functions: the browser checks a
 * prompt before sending without shipping a schema library, and the server's `validateCreateVideo`
 * (in `@sora-kit/core/validation`) ends with the same `checkChoice`, so the rules stay one.
 */
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

/** The message for an empty (or all-blank) prompt; internal, shared with the valibot shape. */
export const PROMPT_REQUIRED = 'prompt is required';

/** The message for a prompt over the limit; internal, shared with the valibot shape. */
export const promptTooLong = (maxChars: number) => `prompt must be at most ${maxChars} characters`;

/** Checks a prompt as the server does: required once trimmed, and at most `maxChars` characters. */
export function checkPrompt(prompt: string, maxChars: number): ValidationIssue[] {
  const { length } = prompt.trim();
  if (!length) return [{ path: 'prompt', message: PROMPT_REQUIRED }];
  return length > maxChars ? [{ path: 'prompt', message: promptTooLong(maxChars) }] : [];
}

/** Picks the model a request means: the one named, or the provider's first. */
export function findModel(capabilities: Capabilities, model?: string): ModelCapabilities | undefined {
  return model === undefined ? capabilities.models[0] : capabilities.models.find((m) => m.id === model);
}

/**
 * Checks a model, size and length against the provider's capabilities and fills the defaults
 * (the first model, its first size, its shortest length).
 */
export function checkChoice(
  capabilities: Capabilities,
  choice: { model?: string | undefined; size?: string | undefined; seconds?: number | undefined },
): Validated<Omit<ValidCreateVideo, 'prompt'>> {
  const { size, seconds } = choice;
  const model = findModel(capabilities, choice.model);
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

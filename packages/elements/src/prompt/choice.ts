/**
 * What `<sora-prompt>` would send: the person's model, size and length fitted to what the provider
 * offers (so the server's `checkChoice` always passes: no need to ship it), and the prompt checked
 * with the server's own `checkPrompt` before it goes out. Pure functions of the element's state.
 */
import {
  type Capabilities,
  type CreateVideoInput,
  checkPrompt,
  findModel,
  type ModelCapabilities,
  type Validated,
} from '@sora-kit/core';

/** The selects' values as set by the person or the attributes (empty / 0 when unset). */
export interface Wish {
  model: string;
  size: string;
  seconds: number;
}

/** The choice in effect: the wish where the provider offers it, else the provider's defaults. */
export interface Choice {
  /** Undefined until the capabilities arrive. */
  model: ModelCapabilities | undefined;
  size: string;
  seconds: number;
}

/** Fits a wish to the capabilities: an unknown model → the first, a size or length it lacks → its first / shortest. */
export function fitChoice(capabilities: Capabilities | null, wish: Wish): Choice {
  const model = capabilities
    ? (findModel(capabilities, wish.model || undefined) ?? capabilities.models[0])
    : undefined;
  if (!model) return { model: undefined, size: wish.size, seconds: wish.seconds };
  return {
    model,
    size: model.sizes.includes(wish.size) ? wish.size : (model.sizes[0] ?? ''),
    seconds: model.seconds.includes(wish.seconds) ? wish.seconds : Math.min(...model.seconds),
  };
}

/** The request to send, or the issues to show; `remix` sends the prompt alone. */
export function checkInput(
  prompt: string,
  options: { remix: boolean; capabilities: Capabilities | null; wish: Wish; maxChars: number },
): Validated<CreateVideoInput> {
  const text = prompt.trim();
  const issues = checkPrompt(text, options.maxChars);
  if (issues.length) return { ok: false, issues };
  if (options.remix) return { ok: true, value: { prompt: text } };
  const { model, size, seconds } = fitChoice(options.capabilities, options.wish);
  const value = {
    prompt: text,
    // Before the capabilities arrive, the chosen model still goes out (the server fills the rest).
    ...(model || options.wish.model ? { model: model?.id ?? options.wish.model } : {}),
    ...(size ? { size } : {}),
    ...(seconds ? { seconds } : {}),
  };
  return { ok: true, value };
}

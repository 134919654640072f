/**
 * The body of `POST /videos` for one of our create inputs: the model's way of naming the size, the
 * length as `duration`, the reference as a first frame and the callback URL.
 */
import { ProviderError } from './errors.js';
import { sizeFields } from './openrouter-sizes.js';
import type { OpenRouterVideoModel, OpenRouterVideoRequest } from './openrouter-wire.js';
import type { ProviderCreateInput, ProviderReference } from './types.js';

/** A reference image as a `data:` URL (the default of `referenceUrl`). */
export function dataUrl(reference: ProviderReference): string {
  let binary = '';
  for (let i = 0; i < reference.bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...reference.bytes.subarray(i, i + 0x8000));
  }
  return `data:${reference.contentType};base64,${btoa(binary)}`;
}

/**
 * Builds the request, or throws `rejected` when the model cannot make that size or length (the
 * handler validates first; this guards a stale model list without spending anything upstream).
 */
export async function createRequest(
  model: OpenRouterVideoModel,
  input: ProviderCreateInput,
  options: {
    callbackUrl: string | undefined;
    referenceUrl: (reference: ProviderReference) => string | Promise<string>;
  },
): Promise<OpenRouterVideoRequest> {
  const size = sizeFields(model, input.size);
  if (!size || !model.supported_durations?.includes(input.seconds)) {
    throw new ProviderError('rejected', `${model.id} cannot make ${input.size} for ${input.seconds} s`, {
      code: 'invalid_request',
    });
  }
  const body: OpenRouterVideoRequest = {
    model: model.id,
    prompt: input.prompt,
    duration: input.seconds,
    ...size,
  };
  if (options.callbackUrl) body.callback_url = options.callbackUrl;
  if (input.reference) {
    const url = await options.referenceUrl(input.reference);
    body.frame_images = [{ type: 'image_url', image_url: { url }, frame_type: 'first_frame' }];
  }
  return body;
}

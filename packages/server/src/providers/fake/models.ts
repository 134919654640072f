/** What the fake accepts, as the OpenAI Videos API does for Sora 2 and Sora 2 Pro. */

const STANDARD_SIZES = ['720x1280', '1280x720'];
const PRO_SIZES = [...STANDARD_SIZES, '1024x1792', '1792x1024', '1920x1080', '1080x1920'];

/** Model id → the sizes it renders. Dated snapshots behave like their family. */
export const FAKE_MODEL_SIZES: Readonly<Record<string, readonly string[]>> = {
  'sora-2': STANDARD_SIZES,
  'sora-2-2025-10-06': STANDARD_SIZES,
  'sora-2-2025-12-08': STANDARD_SIZES,
  'sora-2-pro': PRO_SIZES,
  'sora-2-pro-2025-10-06': PRO_SIZES,
};

/** Clip lengths of a create or remix, in seconds (strings, as on the wire). */
export const FAKE_SECONDS = ['4', '8', '12'] as const;

/** Lengths an extension may add. */
export const FAKE_EXTENSION_SECONDS = ['4', '8', '12', '16', '20'] as const;

/** The API's create defaults. */
export const FAKE_DEFAULTS = { model: 'sora-2', seconds: '4', size: '720x1280' } as const;

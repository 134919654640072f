/**
 * The `openai` SDK, imported on first use: it is some 150 modules, the largest part of a cold
 * start, and a server answers `/health` (and every status read) without it.
 */
export type OpenAISdk = typeof import('openai');

let loading: Promise<OpenAISdk> | undefined;

/** The SDK module; the first call starts the import, later calls share it. */
export function loadOpenAISdk(): Promise<OpenAISdk> {
  loading ??= import('openai');
  return loading;
}

/** The SDK's own start-up check, kept at construction: without any credential it would throw there. */
export function assertOpenAICredentials(apiKey: string | undefined): void {
  const env = (name: string) => globalThis.process?.env?.[name]?.trim();
  // As the SDK: an explicit key (even empty) wins over the environment's.
  if ((apiKey !== undefined ? apiKey : env('OPENAI_API_KEY')) || env('OPENAI_ADMIN_KEY')) return;
  throw new TypeError(
    'Missing credentials. Please pass an `apiKey`, or set the `OPENAI_API_KEY` or `OPENAI_ADMIN_KEY` environment variable.',
  );
}

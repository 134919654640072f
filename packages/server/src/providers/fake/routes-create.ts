/** The routes that start a generation: create, remix, edit and extend. */
import type { Context, Hono } from 'hono';
import { clipForPrompt } from '../fake-kit/media.js';
import { type FieldValue, readBody, textField } from './body.js';
import { apiError, invalidParam, rateLimited, videoNotFound } from './errors.js';
import { FAKE_DEFAULTS, FAKE_EXTENSION_SECONDS } from './models.js';
import { MEDIA_MISSING_FAIL_AT, parseScenario } from './scenarios.js';
import type { FakeState } from './state.js';
import { type FakeVideoRecord, viewVideo } from './store.js';
import { isIssue, referenceIssue, validateCreate, validatePrompt } from './validate.js';

type Shape = Pick<FakeVideoRecord, 'model' | 'prompt' | 'size' | 'seconds' | 'remixedFrom'> &
  Partial<Pick<FakeVideoRecord, 'clip'>>;

/** Starts a video (or replays the one an `Idempotency-Key` already made). */
function start(state: FakeState, c: Context, shape: Shape): Response {
  const key = c.req.header('idempotency-key');
  const known = key ? state.store.get(state.idempotency.get(key) ?? '') : undefined;
  if (known) return c.json(viewVideo(known, state.clock.now()));
  const scenario = parseScenario(shape.prompt);
  // Counted per prompt, not per Idempotency-Key: a server that does not retry sends each new
  // attempt with a key of its own, and the prompt must still get through on the third.
  const hits = state.rateLimitHits.get(shape.prompt) ?? 0;
  if (hits < scenario.rateLimits) {
    state.rateLimitHits.set(shape.prompt, hits + 1);
    return rateLimited(c, state.faults.retryAfterSeconds);
  }
  const record = state.store.add({
    ...shape,
    clip: shape.clip ?? clipForPrompt(shape.prompt),
    id: state.newId('video'),
    createdAt: state.clock.now(),
    durationMs: state.generationMs * scenario.slowdown,
    ...(state.mediaMissing
      ? { outcome: 'media_missing' as const, failAt: MEDIA_MISSING_FAIL_AT }
      : { outcome: scenario.outcome, failAt: scenario.failAt }),
  });
  if (key) state.idempotency.set(key, record.id);
  return c.json(viewVideo(record, state.clock.now()));
}

/** The completed video a remix, edit or extension builds on, or the error answer. */
function completedSource(state: FakeState, c: Context, id: string): FakeVideoRecord | Response {
  const record = state.store.get(id);
  if (!record) return videoNotFound(c, id);
  const status = viewVideo(record, state.clock.now()).status;
  if (status !== 'completed') {
    return apiError(
      c,
      400,
      `Video '${id}' is not completed (status: ${status}). Only completed videos can be used.`,
      {
        param: 'video_id',
        code: 'invalid_video_state',
      },
    );
  }
  return record;
}

/** `video` of an edit/extension: `{id}` of a stored video or an uploaded MP4. */
function sourceOf(state: FakeState, c: Context, video: FieldValue): FakeVideoRecord | Response | 'upload' {
  if (video instanceof File) {
    if (video.type !== 'video/mp4')
      return invalidParam(c, 'video', 'Uploaded videos must be MP4 files.', 'unsupported_file_mimetype');
    return 'upload';
  }
  const id = typeof video === 'object' ? textField(video.id as FieldValue) : undefined;
  if (!id)
    return apiError(c, 400, "Missing required parameter: 'video'.", {
      param: 'video',
      code: 'missing_required_parameter',
    });
  return completedSource(state, c, id);
}

async function fields(c: Context): Promise<Record<string, FieldValue> | Response> {
  const body = await readBody(c);
  return body.ok ? body.fields : apiError(c, 400, body.message);
}

async function createRoute(state: FakeState, c: Context): Promise<Response> {
  const body = await fields(c);
  if (body instanceof Response) return body;
  const valid = validateCreate(body);
  if (isIssue(valid)) return invalidParam(c, valid.param, valid.message, valid.code);
  const refused = await referenceIssue(valid.reference, valid.size);
  if (refused) return invalidParam(c, refused.param, refused.message, refused.code);
  const { prompt, model, size, seconds } = valid;
  return start(state, c, { prompt, model, size, seconds, remixedFrom: null });
}

async function editRoute(state: FakeState, c: Context): Promise<Response> {
  const body = await fields(c);
  if (body instanceof Response) return body;
  const prompt = validatePrompt(body.prompt);
  if (typeof prompt !== 'string') return invalidParam(c, prompt.param, prompt.message, prompt.code);
  const source = sourceOf(state, c, body.video);
  if (source instanceof Response) return source;
  const base = source === 'upload' ? { ...FAKE_DEFAULTS } : source;
  return start(state, c, {
    prompt,
    model: base.model,
    size: base.size,
    seconds: base.seconds,
    remixedFrom: null,
  });
}

async function extendRoute(state: FakeState, c: Context): Promise<Response> {
  const body = await fields(c);
  if (body instanceof Response) return body;
  const prompt = validatePrompt(body.prompt);
  if (typeof prompt !== 'string') return invalidParam(c, prompt.param, prompt.message, prompt.code);
  const added = textField(body.seconds);
  if (!added || !(FAKE_EXTENSION_SECONDS as readonly string[]).includes(added)) {
    const allowed = FAKE_EXTENSION_SECONDS.map((s) => `'${s}'`).join(', ');
    return invalidParam(c, 'seconds', `Invalid value: '${added ?? ''}'. Supported values are: ${allowed}.`);
  }
  const source = sourceOf(state, c, body.video);
  if (source instanceof Response) return source;
  const base = source === 'upload' ? { ...FAKE_DEFAULTS } : source;
  // Extensions report the stitched total.
  const seconds = String(Number(base.seconds) + Number(added));
  return start(state, c, { prompt, model: base.model, size: base.size, seconds, remixedFrom: null });
}

async function remixRoute(state: FakeState, c: Context): Promise<Response> {
  const body = await fields(c);
  if (body instanceof Response) return body;
  const prompt = validatePrompt(body.prompt);
  if (typeof prompt !== 'string') return invalidParam(c, prompt.param, prompt.message, prompt.code);
  const source = completedSource(state, c, c.req.param('id') ?? '');
  if (source instanceof Response) return source;
  const { model, size, seconds, id } = source;
  // The next clip after the source's: a remix always looks different from what it remixes.
  return start(state, c, { prompt, model, size, seconds, remixedFrom: id, clip: source.clip + 1 });
}

/** Mounts create, remix, edit and extend on `app`. */
export function mountCreateRoutes(app: Hono, state: FakeState): void {
  app.post('/videos', (c) => createRoute(state, c));
  app.post('/videos/edits', (c) => editRoute(state, c));
  app.post('/videos/extensions', (c) => extendRoute(state, c));
  app.post('/videos/:id/remix', (c) => remixRoute(state, c));
}

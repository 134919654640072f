/** The routes that read or remove videos: retrieve, list, delete and content downloads. */
import type { Context, Hono } from 'hono';
import type { Video } from 'openai/resources/videos';
import { unixSeconds } from '../fake-kit/clock.js';
import { cutStream } from '../fake-kit/faults.js';
import { type FakeMediaVariant, MEDIA_CONTENT_TYPES } from '../fake-kit/media.js';
import { apiError, invalidParam, videoNotFound } from './errors.js';
import type { FakeState } from './state.js';
import { viewVideo } from './store.js';

const VARIANTS = Object.keys(MEDIA_CONTENT_TYPES) as FakeMediaVariant[];

function listPage(state: FakeState, c: Context): Response {
  const order = c.req.query('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') {
    return invalidParam(c, 'order', `Invalid value: '${order}'. Supported values are: 'asc' and 'desc'.`);
  }
  const limitText = c.req.query('limit') ?? '20';
  const limit = Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return invalidParam(
      c,
      'limit',
      `Invalid 'limit': expected an integer between 1 and 100, got '${limitText}'.`,
    );
  }
  const now = state.clock.now();
  const records = state.store.all();
  if (order === 'desc') records.reverse();
  const after = c.req.query('after');
  let start = 0;
  if (after) {
    const index = records.findIndex((record) => record.id === after);
    if (index < 0) return invalidParam(c, 'after', `No video found with id '${after}'.`, 'invalid_cursor');
    start = index + 1;
  }
  const data: Video[] = records.slice(start, start + limit).map((record) => viewVideo(record, now));
  return c.json({
    object: 'list',
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: start + limit < records.length,
  });
}

async function content(state: FakeState, c: Context): Promise<Response> {
  const id = c.req.param('id') ?? '';
  const variant = (c.req.query('variant') ?? 'video') as FakeMediaVariant;
  if (!VARIANTS.includes(variant)) {
    return invalidParam(
      c,
      'variant',
      `Invalid value: '${variant}'. Supported values are: 'video', 'thumbnail' and 'spritesheet'.`,
    );
  }
  const record = state.store.get(id);
  if (!record) return videoNotFound(c, id);
  const video = viewVideo(record, state.clock.now());
  if (video.status !== 'completed') {
    return apiError(c, 400, `Video '${id}' is not ready: its status is ${video.status}.`, {
      param: 'video_id',
      code: 'video_not_ready',
    });
  }
  if (video.expires_at !== null && unixSeconds(state.clock.now()) >= video.expires_at) {
    return apiError(c, 404, `The content of video '${id}' has expired.`, {
      param: 'video_id',
      code: 'video_expired',
    });
  }
  const loaded = await state.media(variant, record.size, Number(record.seconds), record.clip);
  const bytes =
    loaded instanceof Uint8Array ? loaded : new Uint8Array(await new Response(loaded).arrayBuffer());
  const body = state.faults.cutDownload() ? cutStream(bytes) : bytes;
  return new Response(body as BodyInit, {
    status: 200,
    headers: {
      'content-type': MEDIA_CONTENT_TYPES[variant],
      'content-length': String(bytes.byteLength),
    },
  });
}

/** Mounts retrieve, list, delete, content and the character lookup on `app`. */
export function mountReadRoutes(app: Hono, state: FakeState): void {
  app.get('/videos', (c) => listPage(state, c));

  app.get('/videos/characters/:id', (c) => {
    const character = state.characters.get(c.req.param('id'));
    if (!character)
      return apiError(c, 404, `Character '${c.req.param('id')}' not found.`, { code: 'not_found' });
    return c.json(character);
  });

  app.get('/videos/:id', (c) => {
    const record = state.store.get(c.req.param('id'));
    return record ? c.json(viewVideo(record, state.clock.now())) : videoNotFound(c, c.req.param('id'));
  });

  app.delete('/videos/:id', (c) => {
    const id = c.req.param('id');
    const record = state.store.get(id);
    if (!record) return videoNotFound(c, id);
    const status = viewVideo(record, state.clock.now()).status;
    if (status !== 'completed' && status !== 'failed') {
      return apiError(c, 400, `Video '${id}' cannot be deleted while it is ${status}.`, {
        param: 'video_id',
        code: 'invalid_video_state',
      });
    }
    state.store.delete(id);
    return c.json({ id, object: 'video.deleted', deleted: true });
  });

  app.get('/videos/:id/content', (c) => content(state, c));
}

import type { Job, JobPage } from '@sora-kit/core';
import { Hono } from 'hono';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { anonymousSessions } from '../../src/auth/anonymous-sessions.js';
import { browser, type Harness, harness, SECRET } from '../support/harness.js';
import { sseReader } from '../support/sse.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.cleanup();
});

test('a tampered or forged session cookie is a new, empty identity', async () => {
  const user = browser(h.handler);
  await user.post('/videos', { prompt: 'mine' });
  const cookie = (await user.fetch('/videos')).headers.get('set-cookie');
  expect(cookie).toBeNull(); // an existing session is not reissued
  const forged = await h.handler.request('http://localhost/videos', {
    headers: { cookie: 'sora_kit_session=anon_00000000-0000-0000-0000-000000000000.bm90LWEtc2lnbmF0dXJl' },
  });
  expect(forged.headers.get('set-cookie')).toMatch(/^sora_kit_session=anon_/);
  expect(((await forged.json()) as JobPage).items).toEqual([]);
  expect(((await user.json<JobPage>('/videos')).body.items as Job[]).map((j) => j.prompt)).toEqual(['mine']);
});

test('a session signed with another secret is not accepted', async () => {
  const other = new Hono();
  const otherSessions = anonymousSessions({ secret: 'another-secret-another-secret-1234567' });
  other.get('/', async (c) => c.json(await otherSessions(c)));
  const issued = (await other.request('http://localhost/')).headers.get('set-cookie')?.split(';')[0] ?? '';
  const response = await h.handler.request('http://localhost/videos', { headers: { cookie: issued } });
  expect(response.headers.get('set-cookie')).toMatch(/^sora_kit_session=/);
  expect(() => anonymousSessions({ secret: SECRET.slice(0, 10) })).toThrow(/32 characters/);
});

test('an auth adapter that finds no identity answers 401 unauthorized on job routes only', async () => {
  await h.cleanup();
  h = await harness({
    auth: (c) => (c.req.header('authorization') === 'Bearer ok' ? { id: 'user-1' } : null),
  });
  const anonymous = await h.handler.request('http://localhost/videos');
  expect(anonymous.status).toBe(401);
  expect(await anonymous.json()).toMatchObject({ error: { code: 'unauthorized' } });
  expect((await h.handler.request('http://localhost/events')).status).toBe(401);
  expect((await h.handler.request('http://localhost/capabilities')).status).toBe(200);
  const signedIn = await h.handler.request('http://localhost/videos', {
    headers: { authorization: 'Bearer ok' },
  });
  expect(signedIn.status).toBe(200);
  expect(signedIn.headers.get('set-cookie')).toBeNull();
});

test('capabilities start the session, privately cached, so the requests that follow share it', async () => {
  const response = await h.handler.request('http://localhost/capabilities');
  expect(response.status).toBe(200);
  expect(response.headers.get('set-cookie')).toMatch(/^sora_kit_session=/);
  expect(response.headers.get('cache-control')).toMatch(/^private/);
});

test('an event stream opened with a session issued just now ends after its snapshot', async () => {
  // A browser's first requests race without a cookie; the stream's identity may be the one dropped.
  const fresh = await h.handler.request('http://localhost/events');
  expect(fresh.status).toBe(200);
  expect(await fresh.text()).toBe('');
  // With the session the browser kept, the stream stays open and sees that user's jobs.
  const user = browser(h.handler);
  const { jobId } = (await user.post('/videos', { prompt: 'kept' })).body as Job;
  const stream = sseReader(await user.fetch('/events'));
  expect(JSON.parse((await stream.next())?.data ?? '{}').jobId).toBe(jobId);
  await user.post('/videos', { prompt: 'second' });
  expect(JSON.parse((await stream.next())?.data ?? '{}').prompt).toBe('second');
  await stream.close();
});

import type { Job, JobPage } from '@sora-kit/core';
import { Hono } from 'hono';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { anonymousSessions } from '../../src/auth/anonymous-sessions.js';
import { browser, type Harness, harness, SECRET } from '../support/harness.js';

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

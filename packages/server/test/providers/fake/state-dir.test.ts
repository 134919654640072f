import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeOpenAI } from '../../../src/testing.js';

const T0 = Date.UTC(2026, 0, 1);
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function stateDir() {
  const dir = await mkdtemp(join(tmpdir(), 'sora-kit-fake-state-'));
  dirs.push(dir);
  return dir;
}

/** A fake on `dir` whose clock reads `at()`; each call is a fresh process's fake, as after a restart. */
function fakeOn(dir: string, at: () => number) {
  const fake = createFakeOpenAI({ stateDir: dir, now: at, generationSeconds: 8 });
  const call = async (path: string, init?: RequestInit) => {
    const response = await fake.fetch(`http://fake.local/v1${path}`, {
      ...init,
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
    });
    return { status: response.status, body: (await response.json()) as { id: string; status: string } };
  };
  return { fake, call };
}

describe('fake OpenAI with a stateDir', () => {
  it('completes a video created before a restart', async () => {
    const dir = await stateDir();
    let now = T0;
    const before = fakeOn(dir, () => now);
    const created = await before.call('/videos', {
      method: 'POST',
      body: JSON.stringify({ prompt: 'a lake' }),
    });
    expect(created.status).toBe(200);

    now = T0 + 9_000; // the generation time has passed while the process was down
    const after = fakeOn(dir, () => now);
    const video = await after.call(`/videos/${created.body.id}`);
    expect(video.body).toMatchObject({ id: created.body.id, status: 'completed' });
    const content = await after.fake.fetch(`http://fake.local/v1/videos/${created.body.id}/content`, {
      headers: { authorization: 'Bearer sk-test' },
    });
    expect(content.status).toBe(200);
  });

  it('lets two fakes on one directory serve each other’s videos', async () => {
    const dir = await stateDir();
    const now = () => T0;
    const first = fakeOn(dir, now);
    const second = fakeOn(dir, now);
    const a = await first.call('/videos', { method: 'POST', body: JSON.stringify({ prompt: 'one' }) });
    const b = await second.call('/videos', { method: 'POST', body: JSON.stringify({ prompt: 'two' }) });
    expect((await second.call(`/videos/${a.body.id}`)).status).toBe(200);
    expect((await first.call(`/videos/${b.body.id}`)).status).toBe(200);
    // Both made at the same instant by different fakes: no order between them to assert.
    expect(
      first.fake
        .videos()
        .map((v) => v.id)
        .sort(),
    ).toEqual([a.body.id, b.body.id].sort());
  });

  it('keeps videos in memory only without one', async () => {
    const fake = createFakeOpenAI({ now: () => T0 });
    const other = createFakeOpenAI({ now: () => T0 });
    await fake.fetch('http://fake.local/v1/videos', {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'a lake' }),
    });
    expect(fake.videos()).toHaveLength(1);
    expect(other.videos()).toHaveLength(0);
  });
});

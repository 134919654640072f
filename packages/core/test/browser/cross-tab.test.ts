/**
 * Two stores with the same channel name stand for two tabs: real BroadcastChannel and Web Locks
 * in Chromium deliver between them exactly as between tabs of one origin.
 */
import { describe, expect, it, vi } from 'vitest';
import { createJobStore, type JobStore } from '../../src/index.js';
import { ENDPOINT, fakeServer, job, later, manualTimers, manualVisibility } from '../harness.js';

let tabs = 0;
function twoTabs() {
  const server = fakeServer();
  const name = `sora-kit-test-${++tabs}-${Math.random()}`;
  const tab = (): JobStore =>
    createJobStore({
      endpoint: ENDPOINT,
      fetch: server.fetch,
      crossTab: { name },
      live: { timers: manualTimers().timers, visibility: manualVisibility().visibility },
    });
  return { server, name, a: tab(), b: tab() };
}

async function heldLocks(name: string): Promise<number> {
  const state = await navigator.locks.query();
  return (state.held ?? []).filter((lock) => lock.name === name).length;
}

describe('cross-tab sharing', () => {
  it('one tab holds the stream for both; the other applies what it broadcasts', async () => {
    const { server, name, a, b } = twoTabs();
    const releaseA = a.retain();
    await vi.waitFor(() => expect(a.connection.value).toBe('live'));
    const releaseB = b.retain();
    await vi.waitFor(() => expect(b.connection.value).toBe('live'));
    expect(server.eventRequests()).toBe(1);
    expect(await heldLocks(name)).toBe(1);

    const j = job();
    server.open()[0]?.send('job', j, 'e1');
    await vi.waitFor(() => expect(b.job(j.jobId).value).toEqual(j));
    expect(a.job(j.jobId).value).toEqual(j);
    server.open()[0]?.send('job', later(j, { progress: 70 }), 'e2');
    await vi.waitFor(() => expect(b.job(j.jobId).value?.progress).toBe(70));
    server.open()[0]?.send('deleted', { jobId: j.jobId }, 'e3');
    await vi.waitFor(() => expect(b.jobs.value).toEqual([]));

    releaseB();
    releaseA();
    await vi.waitFor(() => expect(server.open()).toHaveLength(0));
    await vi.waitFor(async () => expect(await heldLocks(name)).toBe(0));
  });

  it('when the leading tab goes, the other takes over and resumes from the last event id', async () => {
    const { server, a, b } = twoTabs();
    const releaseA = a.retain();
    await vi.waitFor(() => expect(a.connection.value).toBe('live'));
    const releaseB = b.retain();
    server.open()[0]?.send('job', job(), 'e41');
    await vi.waitFor(() => expect(b.jobs.value).toHaveLength(1));

    releaseA();
    await vi.waitFor(() => expect(server.eventRequests()).toBe(2));
    await vi.waitFor(() => expect(b.connection.value).toBe('live'));
    expect(a.connection.value).toBe('idle');
    expect(server.open()).toHaveLength(1);
    expect(server.open()[0]?.lastEventId).toBe('e41');

    const k = job();
    server.open()[0]?.send('job', k, 'e42');
    await vi.waitFor(() => expect(b.job(k.jobId).value).toEqual(k));
    releaseB();
    await vi.waitFor(() => expect(server.open()).toHaveLength(0));
  });

  it("a tab's own changes reach the other tab at once", async () => {
    const { server, a, b } = twoTabs();
    const j = job();
    server.jobs.set(j.jobId, j);
    const releaseA = a.retain();
    const releaseB = b.retain();
    await vi.waitFor(() => expect(b.connection.value).toBe('live'));
    await a.fetchJob(j.jobId);
    await b.fetchJob(j.jobId);
    await b.remove(j.jobId);
    await vi.waitFor(() => expect(a.jobs.value).toEqual([]));
    releaseA();
    releaseB();
  });

  it('dispose in the leading tab hands the stream over too', async () => {
    const { server, a, b } = twoTabs();
    a.retain();
    await vi.waitFor(() => expect(a.connection.value).toBe('live'));
    const releaseB = b.retain();
    await vi.waitFor(() => expect(b.connection.value).toBe('live'));
    expect(server.eventRequests()).toBe(1);
    a.dispose();
    await vi.waitFor(() => expect(server.eventRequests()).toBe(2));
    await vi.waitFor(() => expect(b.connection.value).toBe('live'));
    releaseB();
    await vi.waitFor(() => expect(server.open()).toHaveLength(0));
  });
});

describe('cross-tab sharing while polling', () => {
  it("the leading tab's polls reach the other tab; only one tab polls", async () => {
    const server = fakeServer();
    server.state.eventsStatus = 404;
    const name = `sora-kit-poll-${Math.random()}`;
    const clocks = [manualTimers(), manualTimers()];
    const [a, b] = clocks.map((clock) =>
      createJobStore({
        endpoint: ENDPOINT,
        fetch: server.fetch,
        crossTab: { name },
        live: { timers: clock.timers, visibility: manualVisibility().visibility },
      }),
    ) as [JobStore, JobStore];
    const j = job({ status: 'queued', progress: 0 });
    server.jobs.set(j.jobId, j);
    const releaseA = a.retain();
    await vi.waitFor(() => expect(a.connection.value).toBe('polling'));
    const releaseB = b.retain();
    await vi.waitFor(() => expect(b.connection.value).toBe('polling'));
    server.jobs.set(j.jobId, later(j, { status: 'in_progress', progress: 30 }));
    await vi.waitFor(() => expect(clocks[0]?.count()).toBe(1));
    clocks[0]?.fireAll();
    await vi.waitFor(() => expect(b.job(j.jobId).value?.progress).toBe(30));
    expect(clocks[1]?.count()).toBe(0);
    expect(server.pollRequests()).toBe(2);
    releaseA();
    releaseB();
  });
});

describe('cross-tab visibility', () => {
  it('a hidden leader keeps polling while another tab is shown, and pauses when all are hidden', async () => {
    const server = fakeServer();
    server.state.eventsStatus = 404;
    const name = `sora-kit-vis-${Math.random()}`;
    const clock = manualTimers();
    const pages = [manualVisibility(), manualVisibility()];
    const [a, b] = pages.map((page) =>
      createJobStore({
        endpoint: ENDPOINT,
        fetch: server.fetch,
        crossTab: { name },
        live: { timers: clock.timers, visibility: page.visibility },
      }),
    ) as [JobStore, JobStore];
    const releaseA = a.retain();
    await vi.waitFor(() => expect(a.connection.value).toBe('polling'));
    const releaseB = b.retain();
    await vi.waitFor(() => expect(b.connection.value).toBe('polling'));
    await vi.waitFor(() => expect(clock.count()).toBe(1));

    pages[0]?.set(true); // the leader's tab goes to the background; b is still shown
    expect(clock.count()).toBe(1);
    const polls = server.pollRequests();
    clock.fireAll();
    await vi.waitFor(() => expect(server.pollRequests()).toBe(polls + 1));

    pages[1]?.set(true); // now nobody looks
    await vi.waitFor(() => expect(clock.count()).toBe(0));
    pages[1]?.set(false); // b shows again: a polls at once
    await vi.waitFor(() => expect(server.pollRequests()).toBe(polls + 2));
    await vi.waitFor(() => expect(clock.count()).toBe(1));
    releaseB();
    releaseA();
    expect(clock.count()).toBe(0);
  });
});

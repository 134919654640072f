import { describe, expect, it } from 'vitest';
import { createMediaSigner } from '../../src/media/signing.js';

const start = new Date('2026-01-01T12:00:00Z');

function setup() {
  let now = start;
  const signer = createMediaSigner({ secret: 'test-secret-with-enough-entropy-0123456789', now: () => now });
  return { signer, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

const params = (query: string) => Object.fromEntries(new URLSearchParams(query));

describe('media link signing', () => {
  it('accepts a link for the job and variant it was made for, until it expires', async () => {
    const { signer, advance } = setup();
    const query = await signer.sign({
      jobId: 'job_1',
      variant: 'video',
      expiresAt: new Date(start.getTime() + 900_000),
    });
    expect(query).toMatch(/^exp=\d+&sig=[0-9a-f]{64}$/);
    expect(await signer.verify({ jobId: 'job_1', variant: 'video', ...params(query) })).toBe(true);
    advance(899_000);
    expect(await signer.verify({ jobId: 'job_1', variant: 'video', ...params(query) })).toBe(true);
    advance(1000);
    expect(await signer.verify({ jobId: 'job_1', variant: 'video', ...params(query) })).toBe(false);
  });

  it('refuses a link moved to another job or another variant', async () => {
    const { signer } = setup();
    const query = params(
      await signer.sign({ jobId: 'job_1', variant: 'video', expiresAt: new Date(start.getTime() + 60_000) }),
    );
    expect(await signer.verify({ jobId: 'job_2', variant: 'video', ...query })).toBe(false);
    expect(await signer.verify({ jobId: 'job_1', variant: 'thumbnail', ...query })).toBe(false);
  });

  it('refuses a tampered expiry or signature, and a missing one', async () => {
    const { signer } = setup();
    const query = params(
      await signer.sign({ jobId: 'job_1', variant: 'video', expiresAt: new Date(start.getTime() + 60_000) }),
    );
    const later = String(Number(query.exp) + 3600);
    expect(await signer.verify({ jobId: 'job_1', variant: 'video', ...query, exp: later })).toBe(false);
    const sig = query.sig ?? '';
    const flipped = `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`;
    expect(await signer.verify({ jobId: 'job_1', variant: 'video', ...query, sig: flipped })).toBe(false);
    expect(await signer.verify({ jobId: 'job_1', variant: 'video', exp: query.exp })).toBe(false);
    expect(await signer.verify({ jobId: 'job_1', variant: 'video', sig: query.sig })).toBe(false);
    expect(await signer.verify({ jobId: 'job_1', variant: 'video', ...query, exp: '1e12' })).toBe(false);
  });

  it('binds the download flag: it can be neither added nor removed', async () => {
    const { signer } = setup();
    const expiresAt = new Date(start.getTime() + 60_000);
    const inline = params(await signer.sign({ jobId: 'job_1', variant: 'video', expiresAt }));
    const download = params(
      await signer.sign({ jobId: 'job_1', variant: 'video', expiresAt, download: true }),
    );
    expect(download.dl).toBe('1');
    expect(await signer.verify({ jobId: 'job_1', variant: 'video', ...download })).toBe(true);
    expect(await signer.verify({ jobId: 'job_1', variant: 'video', ...inline, dl: '1' })).toBe(false);
    expect(await signer.verify({ jobId: 'job_1', variant: 'video', ...download, dl: undefined })).toBe(false);
  });

  it('refuses a link signed with another secret', async () => {
    const { signer } = setup();
    const other = createMediaSigner({ secret: 'another-secret', now: () => start });
    const query = params(
      await other.sign({ jobId: 'job_1', variant: 'video', expiresAt: new Date(start.getTime() + 60_000) }),
    );
    expect(await signer.verify({ jobId: 'job_1', variant: 'video', ...query })).toBe(false);
  });
});

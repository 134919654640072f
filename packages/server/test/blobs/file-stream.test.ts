/**
 * A download's file reads: the next chunk is read while the last is still being sent (as
 * `createReadStream` does, so the disk and the socket work at once), but a client that stops
 * reading never makes more than two chunks pile up in memory.
 */
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { fileRangeStream } from '../../src/blobs/file-stream.js';

const CHUNK = 256 * 1024;
let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A 2 MB file opened for reading, with every `read` counted. */
async function countedFile() {
  dir = await mkdtemp(join(tmpdir(), 'sora-file-stream-'));
  const path = join(dir, 'video.mp4');
  const bytes = new Uint8Array(8 * CHUNK).map((_, i) => i % 251);
  await writeFile(path, bytes);
  const handle = await open(path, 'r');
  const counter = { reads: 0 };
  const read = handle.read.bind(handle) as typeof handle.read;
  handle.read = ((...args: Parameters<typeof handle.read>) => {
    counter.reads += 1;
    return read(...args);
  }) as typeof handle.read;
  return { handle, bytes, counter };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

test('reads one chunk ahead of the reader, and no further while the reader waits', async () => {
  const { handle, counter } = await countedFile();
  const reader = fileRangeStream(handle, 0, 8 * CHUNK - 1).getReader();
  // Nothing asked yet: two chunks read, not the whole file.
  await vi.waitFor(() => expect(counter.reads).toBe(2));
  await settle();
  expect(counter.reads).toBe(2);
  await reader.read();
  // One taken: the next is read before the reader asks for it, and no more.
  await vi.waitFor(() => expect(counter.reads).toBe(3));
  await settle();
  expect(counter.reads).toBe(3);
  await reader.cancel();
});

test('a range over many reads comes back byte for byte, and the file is closed at its end', async () => {
  const { handle, bytes } = await countedFile();
  const start = 1000;
  const end = 5 * CHUNK + 17;
  const chunks: Uint8Array[] = [];
  for await (const chunk of fileRangeStream(handle, start, end)) chunks.push(chunk);
  const received = Buffer.concat(chunks);
  expect(received.length).toBe(end - start + 1);
  expect(received.equals(Buffer.from(bytes.subarray(start, end + 1)))).toBe(true);
  await expect(handle.stat()).rejects.toThrow();
});

/**
 * `fsBlobs(dir)`: blobs as files under one directory, the default for a single machine.
 *
 * A write streams into a temp file beside its target and is renamed into place only once whole
 * (rename is atomic within a directory), so a reader never sees a partial blob and a failed write
 * leaves nothing. The content type and a SHA-256 ETag live in a small sidecar file.
 */
import { createHash, randomUUID } from 'node:crypto';
import { type FileHandle, mkdir, open, readFile, rename, rmdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { fileRangeStream } from './file-stream.js';
import { clampRange } from './range.js';
import { assertSafeKey } from './safe-key.js';
import { chunksOf } from './streams.js';
import { startSweeping } from './sweep.js';
import type { BlobInfo, BlobStore, ByteRange } from './types.js';

/** What the sidecar remembers about the data file it was written with. */
interface Sidecar {
  contentType: string;
  etag: string;
  bytes: number;
  mtimeMs: number;
}

/** Options of {@link fsBlobs}. */
export interface FsBlobsOptions {
  /** A temp file of an interrupted write older than this is removed (default 1 hour). */
  abandonedAfterMs?: number;
  /** How often abandoned temp files are looked for, after once at start (default 15 minutes). */
  sweepEveryMs?: number;
}

/** A temp file of {@link fsBlobs}: `.<uuid>.partial` and its sidecar `.<uuid>.partial.meta`. */
export function isTemporaryBlobFile(name: string): boolean {
  return /^\.[0-9a-f-]{36}\.partial(\.meta)?$/.test(name);
}

/**
 * A {@link BlobStore} on the local file system. Temp files left by a process killed mid-write are
 * swept at start and every `sweepEveryMs`.
 *
 * @example const blobs = fsBlobs('./.data/blobs');
 */
export function fsBlobs(dir: string, options: FsBlobsOptions = {}): BlobStore & { sweep(): Promise<number> } {
  const root = resolve(dir);
  const sweep = startSweeping(root, {
    isTemporary: isTemporaryBlobFile,
    abandonedAfterMs: options.abandonedAfterMs,
    everyMs: options.sweepEveryMs,
  });

  const pathOf = (key: string): string => {
    assertSafeKey(key);
    const path = resolve(root, ...key.split('/'));
    // Belt and braces: assertSafeKey already forbids `..`, but never trust one check alone.
    if (!path.startsWith(root + sep)) throw new TypeError('Invalid blob key');
    return path;
  };
  const sidecarOf = (path: string) =>
    join(dirname(path), `.${path.slice(dirname(path).length + 1)}.meta.json`);

  const describe = async (key: string, path: string, handle: FileHandle): Promise<BlobInfo> => {
    const stats = await handle.stat();
    const sidecar = await readSidecar(sidecarOf(path));
    // The sidecar belongs to this data file only if it saw the same size and mtime.
    const matches = sidecar && sidecar.bytes === stats.size && sidecar.mtimeMs === stats.mtimeMs;
    return {
      key,
      bytes: stats.size,
      contentType: sidecar?.contentType ?? 'application/octet-stream',
      etag: matches
        ? sidecar.etag
        : `"${stats.ino.toString(16)}-${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`,
      lastModified: stats.mtime,
    };
  };

  const openExisting = async (path: string): Promise<FileHandle | null> => {
    try {
      return await open(path, 'r');
    } catch (error) {
      if (isCode(error, 'ENOENT') || isCode(error, 'EISDIR') || isCode(error, 'ENOTDIR')) return null;
      throw error;
    }
  };

  return {
    sweep,

    async put(key, body, { contentType }) {
      const path = pathOf(key);
      const temp = join(dirname(path), `.${randomUUID()}.partial`);
      const sidecarTemp = `${temp}.meta`;
      try {
        const { bytes, etag } = await writeStreamToFile(path, temp, body);
        const handle = await open(temp, 'r');
        const stats = await handle.stat().finally(() => handle.close());
        const sidecar: Sidecar = { contentType, etag, bytes, mtimeMs: stats.mtimeMs };
        await writeFile(sidecarTemp, JSON.stringify(sidecar));
        await rename(temp, path);
        await rename(sidecarTemp, sidecarOf(path));
        return { key, bytes, contentType, etag, lastModified: stats.mtime };
      } catch (error) {
        await Promise.all([unlink(temp).catch(() => {}), unlink(sidecarTemp).catch(() => {})]);
        throw error;
      }
    },

    async get(key, range?: ByteRange) {
      const path = pathOf(key);
      const handle = await openExisting(path);
      if (!handle) return null;
      try {
        const info = await describe(key, path, handle);
        const { start, end } = clampRange(range, info.bytes);
        return { info, body: fileRangeStream(handle, start, end) };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },

    async stat(key) {
      const path = pathOf(key);
      const handle = await openExisting(path);
      if (!handle) return null;
      try {
        return await describe(key, path, handle);
      } finally {
        await handle.close();
      }
    },

    async delete(key) {
      const path = pathOf(key);
      await Promise.all([unlinkIfPresent(path), unlinkIfPresent(sidecarOf(path))]);
      // Tidy the job's directory when it is empty; a concurrent write simply keeps it.
      await rmdir(dirname(path)).catch(() => {});
    },
  };
}

/** Streams `body` into `temp` (creating the directory), hashing on the way. */
async function writeStreamToFile(
  path: string,
  temp: string,
  body: ReadableStream<Uint8Array>,
): Promise<{ bytes: number; etag: string }> {
  const handle = await openTemp(path, temp);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of chunksOf(body)) {
      hash.update(chunk);
      bytes += chunk.byteLength;
      // Awaiting each write is the backpressure: the source is not read faster than the disk.
      await handle.write(chunk);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { bytes, etag: `"${hash.digest('base64url')}"` };
}

/** Opens the temp file, making its directory; once more if a delete removed the directory between. */
async function openTemp(path: string, temp: string): Promise<FileHandle> {
  for (let attempt = 0; ; attempt++) {
    await mkdir(dirname(path), { recursive: true });
    try {
      return await open(temp, 'wx');
    } catch (error) {
      if (!isCode(error, 'ENOENT') || attempt >= 2) throw error;
    }
  }
}

async function readSidecar(path: string): Promise<Sidecar | null> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<Sidecar>;
    if (typeof value.contentType !== 'string' || typeof value.etag !== 'string') return null;
    return value as Sidecar;
  } catch {
    return null;
  }
}

async function unlinkIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

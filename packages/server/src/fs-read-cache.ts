/**
 * Reads of small files that cost one `stat` when the file has not changed: the default storage
 * replaces a file on every write (temp file + rename), so a new value always comes with a new
 * inode and new times. The cached text is served only while inode, size and modification and
 * change times all match the file on disk, so a write by another process is seen on the very next
 * read. File times are only as fine as the kernel's clock tick and inode numbers are reused, so a
 * file changed within the last SETTLE_MS is never cached: a later rewrite then always carries a
 * later time.
 * Loaded only with the default file storage (it imports `node:fs`).
 */
// Namespace imports: Storybook's browser build swaps node:fs for an empty module, where a
// named import fails the build even though this file never runs there.
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import { LRUCache } from 'lru-cache';

/** Files changed this recently are read, not cached (far above any file-time granularity). */
const SETTLE_MS = 200;

/** Text kept for the most recently read files, at most this many characters in all. */
const CACHED_CHARS = 32 * 1024 * 1024;

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}

/** A reader of UTF-8 files with a stat-validated cache; `null` when the file does not exist. */
export function createFsReadCache() {
  const cache = new LRUCache<string, { stamp: string; text: string }>({
    maxSize: CACHED_CHARS,
    sizeCalculation: (entry) => Math.max(1, entry.text.length),
  });
  return {
    async read(file: string): Promise<string | null> {
      // A synchronous stat: the inode of a small, recently read file is in the kernel's cache,
      // so it answers in microseconds, while the promise version's trip through libuv's thread
      // pool cost more than the rest of a status read together.
      const stats = fs.statSync(file, { throwIfNoEntry: false });
      if (stats === undefined) return null;
      const stamp = `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
      const settled = Date.now() - Math.max(stats.mtimeMs, stats.ctimeMs) > SETTLE_MS;
      const hit = settled ? cache.get(file) : undefined;
      if (hit?.stamp === stamp) return hit.text;
      let text: string;
      try {
        text = await fsp.readFile(file, 'utf8');
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
      // Replaced between the stat and the read? Then `text` is newer than `stamp`, and the next
      // stat (of the newer file) will not match: the entry is never served stale.
      if (settled) cache.set(file, { stamp, text });
      else cache.delete(file);
      return text;
    },
    /** Drops a file's entry (after this process wrote or removed it). */
    forget(file: string): void {
      cache.delete(file);
    },
  };
}

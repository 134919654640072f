import {
  assertSafeKey,
  chunksOf,
  clampRange
} from "./chunk-ZFQ5MQTK.js";

// src/blobs/fs.ts
import { createHash, randomUUID } from "crypto";
import { mkdir, open, readFile, rename, rmdir, unlink, writeFile } from "fs/promises";
import { dirname, join, resolve, sep } from "path";

// src/blobs/file-stream.ts
var CHUNK_BYTES = 64 * 1024;
function fileRangeStream(handle, start, end) {
  let position = start;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return new ReadableStream(
    {
      async pull(controller) {
        const remaining = end - position + 1;
        if (remaining <= 0) {
          await close();
          controller.close();
          return;
        }
        const buffer = new Uint8Array(Math.min(CHUNK_BYTES, remaining));
        try {
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
          if (bytesRead === 0) {
            await close();
            controller.close();
            return;
          }
          position += bytesRead;
          controller.enqueue(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
        } catch (error) {
          await close().catch(() => {
          });
          controller.error(error);
        }
      },
      async cancel() {
        await close();
      }
    },
    { highWaterMark: 1 }
  );
}

// src/blobs/fs.ts
function fsBlobs(dir) {
  const root = resolve(dir);
  const pathOf = (key) => {
    assertSafeKey(key);
    const path = resolve(root, ...key.split("/"));
    if (!path.startsWith(root + sep)) throw new TypeError("Invalid blob key");
    return path;
  };
  const sidecarOf = (path) => join(dirname(path), `.${path.slice(dirname(path).length + 1)}.meta.json`);
  const describe = async (key, path, handle) => {
    const stats = await handle.stat();
    const sidecar = await readSidecar(sidecarOf(path));
    const matches = sidecar && sidecar.bytes === stats.size && sidecar.mtimeMs === stats.mtimeMs;
    return {
      key,
      bytes: stats.size,
      contentType: sidecar?.contentType ?? "application/octet-stream",
      etag: matches ? sidecar.etag : `"${stats.ino.toString(16)}-${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`,
      lastModified: stats.mtime
    };
  };
  const openExisting = async (path) => {
    try {
      return await open(path, "r");
    } catch (error) {
      if (isCode(error, "ENOENT") || isCode(error, "EISDIR") || isCode(error, "ENOTDIR")) return null;
      throw error;
    }
  };
  return {
    async put(key, body, { contentType }) {
      const path = pathOf(key);
      const temp = join(dirname(path), `.${randomUUID()}.partial`);
      const sidecarTemp = `${temp}.meta`;
      try {
        const { bytes, etag } = await writeStreamToFile(path, temp, body);
        const handle = await open(temp, "r");
        const stats = await handle.stat().finally(() => handle.close());
        const sidecar = { contentType, etag, bytes, mtimeMs: stats.mtimeMs };
        await writeFile(sidecarTemp, JSON.stringify(sidecar));
        await rename(temp, path);
        await rename(sidecarTemp, sidecarOf(path));
        return { key, bytes, contentType, etag, lastModified: stats.mtime };
      } catch (error) {
        await Promise.all([unlink(temp).catch(() => {
        }), unlink(sidecarTemp).catch(() => {
        })]);
        throw error;
      }
    },
    async get(key, range) {
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
      await rmdir(dirname(path)).catch(() => {
      });
    }
  };
}
async function writeStreamToFile(path, temp, body) {
  const handle = await openTemp(path, temp);
  const hash = createHash("sha256");
  let bytes = 0;
  try {
    for await (const chunk of chunksOf(body)) {
      hash.update(chunk);
      bytes += chunk.byteLength;
      await handle.write(chunk);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { bytes, etag: `"${hash.digest("base64url")}"` };
}
async function openTemp(path, temp) {
  for (let attempt = 0; ; attempt++) {
    await mkdir(dirname(path), { recursive: true });
    try {
      return await open(temp, "wx");
    } catch (error) {
      if (!isCode(error, "ENOENT") || attempt >= 2) throw error;
    }
  }
}
async function readSidecar(path) {
  try {
    const value = JSON.parse(await readFile(path, "utf8"));
    if (typeof value.contentType !== "string" || typeof value.etag !== "string") return null;
    return value;
  } catch {
    return null;
  }
}
async function unlinkIfPresent(path) {
  try {
    await unlink(path);
  } catch (error) {
    if (!isCode(error, "ENOENT")) throw error;
  }
}
function isCode(error, code) {
  return typeof error === "object" && error !== null && error.code === code;
}

export {
  fsBlobs
};
//# sourceMappingURL=chunk-ABIRUNE7.js.map
// src/media/keys.ts
var FILE_NAMES = {
  video: "video.mp4",
  thumbnail: "thumbnail.jpg",
  spritesheet: "spritesheet.jpg",
  reference: "reference"
};
var JOB_ID = /^[A-Za-z0-9_-]{1,128}$/;
function isSafeJobId(jobId) {
  return JOB_ID.test(jobId);
}
function isVariant(value) {
  return value === "video" || value === "thumbnail" || value === "spritesheet";
}
function blobKey(jobId, variant) {
  if (!isSafeJobId(jobId)) throw new TypeError("Invalid job id for a blob key");
  const name = Object.hasOwn(FILE_NAMES, variant) ? FILE_NAMES[variant] : void 0;
  if (!name) throw new TypeError("Invalid variant for a blob key");
  return `videos/${jobId}/${name}`;
}
function jobBlobKeys(jobId) {
  return Object.keys(FILE_NAMES).map((v) => blobKey(jobId, v));
}
function assertSafeKey(key) {
  const ok = key.length > 0 && key.length <= 1024 && /^[A-Za-z0-9._\-/]+$/.test(key) && // A segment never starts with a dot: drivers keep temp files and metadata under dot-names.
  key.split("/").every((segment) => segment !== "" && !segment.startsWith("."));
  if (!ok) throw new TypeError("Invalid blob key");
}

// src/blobs/range.ts
function clampRange(range, size) {
  if (!range) return { start: 0, end: size - 1 };
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError("Invalid byte range");
  }
  return { start: Math.min(start, size), end: Math.min(end, size - 1) };
}
function rangeLength(range) {
  return Math.max(0, range.end - range.start + 1);
}

// src/blobs/streams.ts
async function* chunksOf(stream) {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (; ; ) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => {
    });
    reader.releaseLock();
  }
}
async function collectBytes(stream) {
  const parts = [];
  let length = 0;
  for await (const part of chunksOf(stream)) {
    parts.push(part);
    length += part.byteLength;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
function sliceStream(stream, skip, take) {
  const reader = stream.getReader();
  let toSkip = skip;
  let left = take;
  return new ReadableStream({
    async pull(controller) {
      while (left > 0) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        const from = Math.min(toSkip, value.byteLength);
        toSkip -= from;
        if (from === value.byteLength) continue;
        const part = value.subarray(from, from + Math.min(left, value.byteLength - from));
        left -= part.byteLength;
        controller.enqueue(part);
        if (left > 0) return;
      }
      await reader.cancel().catch(() => {
      });
      controller.close();
    },
    cancel: (reason) => reader.cancel(reason)
  });
}

export {
  isVariant,
  blobKey,
  jobBlobKeys,
  assertSafeKey,
  clampRange,
  rangeLength,
  chunksOf,
  collectBytes,
  sliceStream
};
//# sourceMappingURL=chunk-ZFQ5MQTK.js.map
import {
  DEFAULT_OPENAI_MODELS,
  DEFAULT_PER_CLIENT,
  DEFAULT_PRICES,
  DEFAULT_QUOTAS,
  DEFAULT_RATE_LIMIT,
  HttpError,
  OPENROUTER_IDEMPOTENCY_HEADER,
  OPENROUTER_SIGNATURE_HEADER,
  ProviderError,
  anonymousSessions,
  bodyDigest,
  checkOpenRouterSignature,
  consoleLogger,
  copyAssets,
  corsMiddleware,
  createAdmissionControl,
  createFakeOpenAI,
  createMediaRoutes,
  createMediaSigner,
  createSoraHandler,
  crossSiteProtection,
  mediaUrlFor,
  mergePrices,
  modelSizes,
  openaiProvider,
  pricesFromCapabilities,
  probeVideo,
  resolutionOfSize,
  silentLogger,
  sizeFields
} from "./chunk-TRQRMDIS.js";
import {
  fsBlobs
} from "./chunk-ABIRUNE7.js";
import {
  assertSafeKey,
  clampRange,
  rangeLength,
  sliceStream
} from "./chunk-ZFQ5MQTK.js";
import {
  prepareReference
} from "./chunk-FCE5ATLD.js";
import {
  AssetExpiredError,
  InvalidMediaError,
  MediaInputError,
  MissingVariantError
} from "./chunk-NBBZKFDJ.js";

// src/auth/jwt.ts
import { getCookie } from "hono/cookie";
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify
} from "jose";
var ASYMMETRIC = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];
var MAX_TOKEN_CHARS = 16 * 1024;
var MAX_IDENTITY_CHARS = 200;
function keyFrom(options) {
  const given = [options.secret, options.jwksUrl, options.jwks].filter((k) => k !== void 0);
  if (given.length !== 1) throw new TypeError("jwtAuth needs exactly one of secret, jwksUrl or jwks");
  if (options.secret !== void 0) {
    const key2 = typeof options.secret === "string" ? new TextEncoder().encode(options.secret) : options.secret;
    if (key2.byteLength < 32) throw new TypeError("jwtAuth secret must be at least 32 bytes");
    return { key: key2, algorithms: options.algorithms ?? ["HS256"] };
  }
  const key = options.jwks ? createLocalJWKSet(options.jwks) : createRemoteJWKSet(new URL(String(options.jwksUrl)));
  const algorithms = (options.algorithms ?? ASYMMETRIC).filter((a) => !a.startsWith("HS"));
  return { key, algorithms };
}
function tokenFrom(c, cookieName) {
  const header = c.req.header("authorization");
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  const token = match?.[1] ?? (cookieName ? getCookie(c, cookieName) : void 0);
  return token && token.length <= MAX_TOKEN_CHARS ? token : void 0;
}
function identityOf(payload, claim) {
  const value = Object.hasOwn(payload, claim) ? payload[claim] : void 0;
  const id = typeof value === "number" && Number.isFinite(value) ? String(value) : value;
  if (typeof id !== "string" || id.length === 0 || id.length > MAX_IDENTITY_CHARS) return null;
  return { id };
}
function isTokenError(error) {
  if (!(error instanceof errors.JOSEError)) return false;
  return !(error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error.code === "ERR_JOSE_GENERIC");
}
function jwtAuth(options) {
  const { key, algorithms } = keyFrom(options);
  const claim = options.identityClaim ?? "sub";
  const verifyOptions = {
    algorithms,
    issuer: options.issuer,
    audience: options.audience,
    clockTolerance: options.clockToleranceSeconds ?? 5
  };
  return async (c) => {
    const token = tokenFrom(c, options.cookieName);
    if (!token) return null;
    try {
      const currentDate = options.now ? new Date(options.now()) : void 0;
      const { payload } = key instanceof Uint8Array ? await jwtVerify(token, key, { ...verifyOptions, currentDate }) : await jwtVerify(token, key, { ...verifyOptions, currentDate });
      return identityOf(payload, claim);
    } catch (error) {
      if (isTokenError(error)) return null;
      throw error;
    }
  };
}

// src/auth/request-identity.ts
var MAX_IDENTITY_CHARS2 = 200;
function toIdentity(value) {
  const id = typeof value === "string" ? value : value?.id;
  if (typeof id !== "string" || id.length === 0 || id.length > MAX_IDENTITY_CHARS2) return null;
  return { id };
}
function identityFrom(lookup) {
  return async (c) => toIdentity(await lookup(c));
}
function firstIdentity(...adapters) {
  return async (c) => {
    for (const adapter of adapters) {
      const identity = toIdentity(await adapter(c));
      if (identity) return identity;
    }
    return null;
  };
}

// src/blobs/s3.ts
function s3Blobs(options) {
  const prefix = options.prefix ?? "";
  let loading;
  const sdk = () => {
    loading ??= loadSdk(options);
    return loading;
  };
  const keyOf = (key) => {
    assertSafeKey(key);
    return `${prefix}${key}`;
  };
  const stat = async (key) => {
    const objectKey = keyOf(key);
    const { s3, client } = await sdk();
    try {
      const head2 = await client.send(new s3.HeadObjectCommand({ Bucket: options.bucket, Key: objectKey }));
      return toInfo(key, head2.ContentLength, head2.ContentType, head2.ETag, head2.LastModified);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  };
  return {
    async put(key, body, { contentType }) {
      const objectKey = keyOf(key);
      const { client, Upload } = await sdk();
      const upload = new Upload({
        client,
        params: { Bucket: options.bucket, Key: objectKey, Body: body, ContentType: contentType },
        partSize: options.partSize ?? 8 * 1024 * 1024,
        queueSize: options.queueSize ?? 2,
        leavePartsOnError: false
      });
      await upload.done();
      const info = await stat(key);
      if (!info) throw new Error(`The bucket lost ${key} right after storing it`);
      return info;
    },
    async get(key, range) {
      const objectKey = keyOf(key);
      if (range) clampRange(range, Number.MAX_SAFE_INTEGER);
      const { s3, client } = await sdk();
      try {
        const object = await client.send(
          new s3.GetObjectCommand({
            Bucket: options.bucket,
            Key: objectKey,
            Range: range ? `bytes=${range.start}-${range.end}` : void 0
          })
        );
        const served = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(object.ContentRange ?? "");
        const total = served ? Number(served[3]) : object.ContentLength;
        const info = toInfo(key, total, object.ContentType, object.ETag, object.LastModified);
        if (!object.Body) throw new Error(`The bucket sent no body for ${key}`);
        const body = object.Body.transformToWebStream();
        if (!range) return { info, body };
        const wanted = clampRange(range, info.bytes);
        const start = served ? Number(served[1]) : 0;
        const end = served ? Number(served[2]) : info.bytes - 1;
        if (start === wanted.start && end === wanted.end) return { info, body };
        if (start > wanted.start || end < wanted.end) {
          await body.cancel();
          throw new Error(`The bucket served bytes ${start}-${end} for ${wanted.start}-${wanted.end}`);
        }
        return { info, body: sliceStream(body, wanted.start - start, rangeLength(wanted)) };
      } catch (error) {
        if (isNotFound(error)) return null;
        if (statusOf(error) === 416) {
          const info = await stat(key);
          return info && { info, body: new ReadableStream({ start: (c) => c.close() }) };
        }
        throw error;
      }
    },
    stat,
    async delete(key) {
      const objectKey = keyOf(key);
      const { s3, client } = await sdk();
      await client.send(new s3.DeleteObjectCommand({ Bucket: options.bucket, Key: objectKey }));
    },
    async publicUrl(key, { expiresAt, download }) {
      if (!options.presignedUrls) return null;
      const objectKey = keyOf(key);
      const { s3, client } = await sdk();
      const { getSignedUrl } = await import("@aws-sdk/s3-request-presigner");
      const now = (options.now ?? (() => /* @__PURE__ */ new Date()))();
      const seconds = Math.floor((expiresAt.getTime() - now.getTime()) / 1e3);
      const command = new s3.GetObjectCommand({
        Bucket: options.bucket,
        Key: objectKey,
        ResponseContentDisposition: download ? `attachment; filename="${download.replace(/["\\]/g, "_")}"` : void 0
      });
      return getSignedUrl(client, command, {
        expiresIn: Math.min(604800, Math.max(1, seconds)),
        signingDate: now
      });
    }
  };
}
async function loadSdk(options) {
  let s3;
  let Upload;
  try {
    s3 = await import("@aws-sdk/client-s3");
    ({ Upload } = await import("@aws-sdk/lib-storage"));
  } catch (error) {
    throw new Error("s3Blobs needs the AWS SDK: npm i @aws-sdk/client-s3 @aws-sdk/lib-storage", {
      cause: error
    });
  }
  const client = new s3.S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials
  });
  return { s3, client, Upload };
}
function toInfo(key, bytes, contentType, etag, lastModified) {
  return {
    key,
    bytes: bytes ?? 0,
    contentType: contentType ?? "application/octet-stream",
    etag: etag?.startsWith('"') ? etag : `"${etag ?? ""}"`,
    lastModified: lastModified ?? /* @__PURE__ */ new Date(0)
  };
}
function statusOf(error) {
  return error?.$metadata?.httpStatusCode;
}
function isNotFound(error) {
  const name = error?.name;
  return name === "NotFound" || name === "NoSuchKey" || statusOf(error) === 404;
}

// src/blobs/vercel.ts
import { BlobNotFoundError, del, head, put } from "@vercel/blob";
function vercelBlobs(options = {}) {
  const access = options.access ?? "private";
  const prefix = options.prefix ?? "";
  const fetcher = options.fetch ?? globalThis.fetch;
  const token = () => options.token ?? process.env.BLOB_READ_WRITE_TOKEN ?? "";
  const pathnameOf = (key) => {
    assertSafeKey(key);
    return `${prefix}${key}`;
  };
  const stat = async (key) => {
    try {
      const meta = await head(pathnameOf(key), { token: token() });
      return {
        key,
        bytes: meta.size,
        contentType: meta.contentType,
        etag: quote(meta.etag),
        lastModified: meta.uploadedAt
      };
    } catch (error) {
      if (error instanceof BlobNotFoundError) return null;
      throw error;
    }
  };
  return {
    async put(key, body, { contentType }) {
      await put(pathnameOf(key), body, {
        access,
        token: token(),
        contentType,
        addRandomSuffix: false,
        allowOverwrite: true,
        cacheControlMaxAge: options.cacheControlMaxAge ?? 60,
        multipart: options.multipart ?? false
      });
      const info = await stat(key);
      if (!info) throw new Error(`Vercel Blob lost ${key} right after storing it`);
      return info;
    },
    async get(key, range) {
      if (range) clampRange(range, Number.MAX_SAFE_INTEGER);
      const headers = access === "private" ? { authorization: `Bearer ${token()}` } : {};
      if (range) headers.range = `bytes=${range.start}-${range.end}`;
      const response = await fetcher(blobUrl(token(), access, pathnameOf(key)), { headers });
      if (response.status === 404) return null;
      if (response.status === 416) {
        const info2 = await stat(key);
        return info2 && { info: info2, body: emptyStream() };
      }
      if (!response.ok || !response.body) throw new Error(`Vercel Blob read failed with ${response.status}`);
      if (range && response.status === 200 && range.start > 0) {
        await response.body.cancel();
        throw new Error("Vercel Blob ignored the Range header");
      }
      const info = infoFromResponse(key, response) ?? await stat(key);
      if (!info) return null;
      return { info, body: response.body };
    },
    stat,
    async delete(key) {
      await del(pathnameOf(key), { token: token() });
    },
    async publicUrl(key, { download }) {
      if (access !== "public") return null;
      const url = new URL(blobUrl(token(), access, pathnameOf(key)));
      if (download) url.searchParams.set("download", "1");
      return url.toString();
    }
  };
}
function blobUrl(token, access, pathname) {
  const storeId = token.split("_")[3];
  if (!storeId) throw new Error("vercelBlobs needs a read-write token (BLOB_READ_WRITE_TOKEN)");
  return `https://${storeId}.${access}.blob.vercel-storage.com/${pathname}`;
}
function infoFromResponse(key, response) {
  const total = /\/(\d+)$/.exec(response.headers.get("content-range") ?? "")?.[1];
  const bytes = Number(
    total ?? (response.status === 200 ? response.headers.get("content-length") : void 0)
  );
  const etag = response.headers.get("etag");
  const lastModified = new Date(response.headers.get("last-modified") ?? "");
  if (!Number.isSafeInteger(bytes) || !etag || Number.isNaN(lastModified.getTime())) return null;
  const contentType = response.headers.get("content-type") ?? "application/octet-stream";
  return { key, bytes, contentType, etag: quote(etag), lastModified };
}
function quote(etag) {
  return etag.startsWith('"') || etag.startsWith("W/") ? etag : `"${etag}"`;
}
function emptyStream() {
  return new ReadableStream({ start: (controller) => controller.close() });
}

// src/providers/fake-provider.ts
var FAKE_KEY = "sk-fake";
function fakeProvider(options = {}) {
  const { fake: given, name, provider, ...fakeOptions } = options;
  const fake = given ?? createFakeOpenAI({ ...fakeOptions, apiKey: FAKE_KEY });
  const webhookSecret = provider?.webhookSecret ?? fakeOptions.webhook?.secret;
  const adapter = openaiProvider({
    ...provider,
    // The fake signs with the secret it was given; the adapter verifies with the same by default.
    ...webhookSecret ? { webhookSecret } : {},
    name: name ?? "fake",
    apiKey: FAKE_KEY,
    baseURL: "http://fake.local/v1",
    fetch: fake.fetch
  });
  return Object.assign(adapter, { fake });
}

// src/providers/openrouter-capabilities.ts
var DEFAULT_OPENROUTER_MODELS = [
  "openai/sora-2-pro",
  "google/veo-3.1",
  "bytedance/seedance-2.0",
  "alibaba/wan-2.6"
];
var PER_SECOND = /^per-video-second(?:-(.+))?$/;
function pricePerSecond(skus, sizes) {
  if (!skus) return void 0;
  const prices = {};
  const specific = [];
  for (const [sku, raw] of Object.entries(skus)) {
    const match = PER_SECOND.exec(sku);
    const usd = Number.parseFloat(raw);
    if (!match || !Number.isFinite(usd) || usd < 0) continue;
    const target = match[1];
    if (target === void 0) for (const size of sizes) prices[size] ??= usd;
    else specific.push([target, usd]);
  }
  for (const [target, usd] of specific) {
    for (const size of sizes) if (size === target || resolutionOfSize(size) === target) prices[size] = usd;
  }
  return Object.keys(prices).length > 0 ? prices : void 0;
}
function toModelCapabilities(model) {
  const sizes = modelSizes(model);
  const seconds = [...new Set(model.supported_durations ?? [])].sort((a, b) => a - b);
  if (sizes.length === 0 || seconds.length === 0) return void 0;
  const capabilities = {
    id: model.id,
    sizes,
    seconds,
    reference: model.supported_frame_images?.includes("first_frame") ?? false,
    remix: false
  };
  const prices = pricePerSecond(model.pricing_skus, sizes);
  if (prices) capabilities.pricePerSecondUsd = prices;
  return capabilities;
}
function selectModels(all, wanted) {
  const out = [];
  for (const id of wanted) {
    const wire = all.find((m) => m.id === id);
    const capabilities = wire && toModelCapabilities(wire);
    if (wire && capabilities) out.push({ wire, capabilities });
  }
  return out;
}
function ttlCache(load, ttlMs, now) {
  let entry;
  return () => {
    if (entry && now() - entry.at < ttlMs) return entry.value;
    const value = load();
    const current = { value, at: now() };
    entry = current;
    value.catch(() => {
      if (entry === current) entry = void 0;
    });
    return value;
  };
}

// src/providers/openrouter-mapping.ts
var MAX_ESTIMATED_PROGRESS = 95;
var REFUSAL = /moderat|content polic|safety|refus|blocked|prohibited|inappropriate|violat|nsfw/i;
function isRefusal(message) {
  return message !== void 0 && REFUSAL.test(message);
}
function estimateProgress(elapsedMs, typicalMs) {
  if (elapsedMs <= 0 || typicalMs <= 0) return 0;
  const ratio = elapsedMs / typicalMs;
  const value = ratio <= 1 ? ratio * 90 : MAX_ESTIMATED_PROGRESS - 5 / ratio;
  return Math.min(MAX_ESTIMATED_PROGRESS - 1, Math.floor(value));
}
function toProviderVideo(job, elapsedMs, typicalMs) {
  const message = job.error?.trim() || void 0;
  switch (job.status) {
    case "pending":
      return { id: job.id, status: "queued", progress: 0 };
    case "in_progress":
      return {
        id: job.id,
        status: "in_progress",
        ...elapsedMs === void 0 ? {} : { progress: estimateProgress(elapsedMs, typicalMs) }
      };
    case "completed": {
      const cost = job.usage?.cost;
      return {
        id: job.id,
        status: "completed",
        progress: 100,
        ...typeof cost === "number" && Number.isFinite(cost) ? { costUsd: cost } : {}
      };
    }
    case "failed":
      return isRefusal(message) ? failed(job.id, "moderation_blocked", message ?? "The provider refused the request.", false) : failed(job.id, "upstream_failed", message ?? "The provider failed to generate the video.", true);
    case "cancelled":
      return failed(job.id, "upstream_failed", message ?? "The provider cancelled the generation.", true);
    case "expired":
      return failed(job.id, "expired", message ?? "The provider expired the generation.", true);
    default:
      return failed(job.id, "upstream_failed", `Unknown OpenRouter status "${String(job.status)}".`, true);
  }
}
function failed(id, code, message, retryable) {
  return { id, status: "failed", error: { code, message, retryable } };
}
function retryAfterMs(header, nowMs) {
  if (!header) return void 0;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1e3);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - nowMs);
}
function kindOf(status) {
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 402) return "unavailable";
  if (status === 404 || status === 410) return "not_found";
  if (status === 429) return "rate_limited";
  if (status === 408 || status >= 500) return "unavailable";
  if (status >= 400) return "rejected";
  return "unknown";
}
function messageOf(body) {
  const error = body?.error;
  return typeof error?.message === "string" ? error.message : void 0;
}
function errorFromResponse(status, body, headers, options) {
  const kind = kindOf(status);
  let upstream = messageOf(body) ?? `HTTP ${status}`;
  if (options.secret) upstream = upstream.split(options.secret).join("[redacted]");
  const code = status === 402 ? "insufficient_credits" : kind === "rejected" && isRefusal(upstream) ? "moderation_blocked" : void 0;
  return new ProviderError(kind, `OpenRouter answered ${status}: ${upstream}`, {
    status,
    ...code ? { code } : {},
    ...status === 429 || status === 503 ? { retryAfterMs: retryAfterMs(headers.get("retry-after"), options.nowMs) } : {}
  });
}

// src/providers/openrouter-http.ts
async function send(http, path, init) {
  const headers = {
    ...http.headers,
    ...init.headers,
    Authorization: `Bearer ${http.apiKey}`
  };
  if (init.body !== void 0) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await http.fetch(`${http.baseURL}${path}`, {
      method: init.method ?? "GET",
      headers,
      body: init.body === void 0 ? null : JSON.stringify(init.body),
      signal: init.signal ?? null
    });
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ProviderError("unavailable", `Could not reach OpenRouter: ${scrub(reason, http.apiKey)}`);
  }
  if (response.ok) return response;
  const body = await response.json().catch(() => null);
  throw errorFromResponse(response.status, body, response.headers, {
    nowMs: http.now(),
    secret: http.apiKey
  });
}
async function json(response) {
  try {
    return await response.json();
  } catch (cause) {
    throw new ProviderError("unknown", "OpenRouter answered with a body that is not JSON", {
      status: response.status,
      cause
    });
  }
}
function scrub(text, secret) {
  return secret ? text.split(secret).join("[redacted]") : text;
}

// src/providers/openrouter-request.ts
function dataUrl(reference) {
  let binary = "";
  for (let i = 0; i < reference.bytes.length; i += 32768) {
    binary += String.fromCharCode(...reference.bytes.subarray(i, i + 32768));
  }
  return `data:${reference.contentType};base64,${btoa(binary)}`;
}
async function createRequest(model, input, options) {
  const size = sizeFields(model, input.size);
  if (!size || !model.supported_durations?.includes(input.seconds)) {
    throw new ProviderError("rejected", `${model.id} cannot make ${input.size} for ${input.seconds} s`, {
      code: "invalid_request"
    });
  }
  const body = {
    model: model.id,
    prompt: input.prompt,
    duration: input.seconds,
    ...size
  };
  if (options.callbackUrl) body.callback_url = options.callbackUrl;
  if (input.reference) {
    const url = await options.referenceUrl(input.reference);
    body.frame_images = [{ type: "image_url", image_url: { url }, frame_type: "first_frame" }];
  }
  return body;
}

// src/providers/openrouter-webhook.ts
var MESSAGES = {
  missing: "the delivery has no X-OpenRouter-Signature header",
  malformed: "the X-OpenRouter-Signature header is malformed",
  stale: "the delivery is older than 300 seconds (or from the future)",
  mismatch: "the signature does not match the body"
};
function invalid(message) {
  return new ProviderError("invalid_webhook", `OpenRouter webhook refused: ${message}`);
}
function parseEvent(rawBody) {
  let event;
  try {
    event = JSON.parse(rawBody);
  } catch {
    throw invalid("the body is not JSON");
  }
  const candidate = event;
  if (typeof candidate?.type !== "string" || !candidate.type.startsWith("video.generation.") || typeof candidate.data?.id !== "string" || candidate.data.id === "") {
    throw invalid("the body is not a video generation event");
  }
  return candidate;
}
async function verifyOpenRouterWebhook(rawBody, headers, options) {
  if (!options.secret) throw invalid("no webhook secret is configured");
  const problem = await checkOpenRouterSignature(
    options.secret,
    rawBody,
    headers.get(OPENROUTER_SIGNATURE_HEADER),
    options.nowMs
  );
  if (problem) throw invalid(MESSAGES[problem]);
  const event = parseEvent(rawBody);
  const key = headers.get(OPENROUTER_IDEMPOTENCY_HEADER)?.trim();
  return { eventId: key || await bodyDigest(rawBody), videoId: event.data.id, type: event.type };
}

// src/providers/openrouter.ts
var OPENROUTER_PROVIDER_NAME = "openrouter";
var FIRST_SEEN_LIMIT = 1e3;
function envKey() {
  const env = globalThis.process?.env;
  return env?.OPENROUTER_API_KEY;
}
function openrouterProvider(options = {}) {
  const apiKey = options.apiKey ?? envKey();
  if (!apiKey) throw new TypeError("openrouterProvider needs an apiKey (or OPENROUTER_API_KEY)");
  const now = options.now ?? (() => Date.now());
  const http = {
    baseURL: (options.baseURL ?? "https://openrouter.ai/api/v1").replace(/\/+$/, ""),
    apiKey,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    now,
    headers: options.headers ?? {}
  };
  const typicalMs = (options.estimatedSeconds ?? 120) * 1e3;
  const wanted = options.models ?? DEFAULT_OPENROUTER_MODELS;
  const referenceUrl = options.referenceUrl ?? dataUrl;
  const firstSeen = /* @__PURE__ */ new Map();
  const remember = (id, at) => {
    if (firstSeen.has(id)) return;
    if (firstSeen.size >= FIRST_SEEN_LIMIT) firstSeen.delete(firstSeen.keys().next().value);
    firstSeen.set(id, at);
  };
  const models = ttlCache(
    async () => {
      const list = await json(await send(http, "/videos/models", {}));
      return selectModels(Array.isArray(list.data) ? list.data : [], wanted);
    },
    options.capabilitiesTtlMs ?? 10 * 6e4,
    now
  );
  async function wireModel(id) {
    const found = (await models()).find((m) => m.wire.id === id);
    if (!found)
      throw new ProviderError("rejected", `OpenRouter model "${id}" is not offered`, {
        code: "invalid_request"
      });
    return found.wire;
  }
  return {
    name: OPENROUTER_PROVIDER_NAME,
    async capabilities() {
      return { models: (await models()).map((m) => m.capabilities), variants: ["video"] };
    },
    async create(input, call) {
      const body = await createRequest(await wireModel(input.model), input, {
        callbackUrl: options.callbackUrl,
        referenceUrl
      });
      const response = await send(http, "/videos", {
        method: "POST",
        body,
        headers: { "Idempotency-Key": input.idempotencyKey },
        ...call?.signal ? { signal: call.signal } : {}
      });
      const job = await json(response);
      remember(job.id, now());
      return toProviderVideo(job, 0, typicalMs);
    },
    async retrieve(id, call) {
      const response = await send(http, `/videos/${encodeURIComponent(id)}`, {
        ...call?.signal ? { signal: call.signal } : {}
      });
      const job = await json(response);
      remember(id, now());
      const startedAt = call?.startedAt ?? firstSeen.get(id);
      return toProviderVideo(job, startedAt === void 0 ? void 0 : now() - startedAt, typicalMs);
    },
    async download(id, variant, call) {
      if (variant !== "video") {
        throw new ProviderError("not_found", `OpenRouter offers no ${variant} for its videos`);
      }
      const response = await send(http, `/videos/${encodeURIComponent(id)}/content?index=0`, {
        headers: { Accept: "video/mp4" },
        ...call?.signal ? { signal: call.signal } : {}
      });
      if (!response.body) throw new ProviderError("unknown", "OpenRouter sent no video bytes");
      const length = Number(response.headers.get("content-length"));
      return {
        body: response.body,
        contentType: response.headers.get("content-type")?.split(";")[0] || "video/mp4",
        ...Number.isFinite(length) && length > 0 ? { bytes: length } : {}
      };
    },
    verifyWebhook(rawBody, headers) {
      return verifyOpenRouterWebhook(rawBody, headers, { secret: options.webhookSecret, nowMs: now() });
    }
  };
}
export {
  AssetExpiredError,
  DEFAULT_OPENAI_MODELS,
  DEFAULT_OPENROUTER_MODELS,
  DEFAULT_PER_CLIENT,
  DEFAULT_PRICES,
  DEFAULT_QUOTAS,
  DEFAULT_RATE_LIMIT,
  HttpError,
  InvalidMediaError,
  MediaInputError,
  MissingVariantError,
  OPENROUTER_PROVIDER_NAME,
  ProviderError,
  anonymousSessions,
  consoleLogger,
  copyAssets,
  corsMiddleware,
  createAdmissionControl,
  createMediaRoutes,
  createMediaSigner,
  createSoraHandler,
  crossSiteProtection,
  fakeProvider,
  firstIdentity,
  fsBlobs,
  identityFrom,
  jwtAuth,
  mediaUrlFor,
  mergePrices,
  openaiProvider,
  openrouterProvider,
  prepareReference,
  pricesFromCapabilities,
  probeVideo,
  s3Blobs,
  silentLogger,
  vercelBlobs
};
//# sourceMappingURL=index.js.map
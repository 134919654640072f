import {
  blobKey,
  collectBytes,
  isVariant,
  jobBlobKeys
} from "./chunk-ZFQ5MQTK.js";
import {
  AssetExpiredError,
  InvalidMediaError,
  MissingVariantError
} from "./chunk-NBBZKFDJ.js";

// src/auth/anonymous-sessions.ts
import { getSignedCookie, setSignedCookie } from "hono/cookie";

// src/jobs/hash.ts
var encoder = new TextEncoder();
function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}
async function sha256Hex(value) {
  return hex(await crypto.subtle.digest("SHA-256", encoder.encode(value)));
}
async function deriveSecret(secret, purpose) {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"]
  );
  return hex(await crypto.subtle.sign("HMAC", key, encoder.encode(`sora-kit:${purpose}`)));
}

// src/auth/anonymous-sessions.ts
var ID_SHAPE = /^anon_[A-Za-z0-9-]{36}$/;
var SESSION_ISSUED = "soraSessionIssued";
function anonymousSessions(options) {
  if (typeof options.secret !== "string" || options.secret.length < 32) {
    throw new TypeError("anonymousSessions: `secret` must be at least 32 characters");
  }
  const name = options.cookieName ?? "sora_kit_session";
  const maxAge = options.maxAgeSeconds ?? 400 * 24 * 60 * 60;
  let key;
  const cookieKey = () => {
    key ??= deriveSecret(options.secret, "session-cookie");
    return key;
  };
  return async (c) => {
    const secret = await cookieKey();
    const existing = await getSignedCookie(c, secret, name);
    if (typeof existing === "string" && ID_SHAPE.test(existing)) return { id: existing };
    const id = `anon_${crypto.randomUUID()}`;
    const secure = options.secure ?? new URL(c.req.url).protocol === "https:";
    await setSignedCookie(c, name, id, secret, {
      httpOnly: true,
      sameSite: "Lax",
      path: "/",
      maxAge,
      secure
    });
    c.set(SESSION_ISSUED, true);
    return { id };
  };
}

// src/providers/errors.ts
var ProviderError = class extends Error {
  constructor(kind, message2, options = {}) {
    super(message2, { cause: options.cause });
    this.name = "ProviderError";
    this.kind = kind;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.code = options.code;
  }
  /** Whether trying the same call again later may succeed. */
  get retryable() {
    return this.kind === "rate_limited" || this.kind === "unavailable";
  }
};

// src/http-error.ts
import { HTTPException } from "hono/http-exception";
var HttpError = class extends Error {
  constructor(status, code, message2, options = {}) {
    super(message2, { cause: options.cause });
    this.name = "HttpError";
    this.status = status;
    this.code = code;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
};
function jobNotFound() {
  return new HttpError(404, "not_found", "No such video.");
}
function upstreamHttpError(error) {
  if (error.kind === "rate_limited" || error.kind === "unavailable") {
    const retryAfterSeconds = error.retryAfterMs === void 0 ? void 0 : Math.ceil(error.retryAfterMs / 1e3);
    return new HttpError(
      503,
      "upstream_unavailable",
      "The video provider is unavailable; try again shortly.",
      {
        retryAfterSeconds
      }
    );
  }
  return new HttpError(502, "upstream_error", "The video provider could not take this request.");
}
var CONTRACT_CODES = /* @__PURE__ */ new Set([
  "invalid_request",
  "unauthorized",
  "forbidden",
  "not_found",
  "not_ready",
  "conflict",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "quota_exceeded",
  "upstream_error",
  "upstream_unavailable",
  "internal"
]);
function fromShape(error) {
  if (!(error instanceof Error)) return void 0;
  const { status, code } = error;
  if (typeof status !== "number" || typeof code !== "string" || status < 400 || status > 599) {
    return void 0;
  }
  if (!CONTRACT_CODES.has(code)) return void 0;
  const retryAfter = error.retryAfterSeconds;
  return new HttpError(status, code, error.message, {
    details: error.details,
    retryAfterSeconds: typeof retryAfter === "number" ? retryAfter : void 0
  });
}
var httpExceptionCodes = {
  400: "invalid_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited"
};
function toHttpError(error, logger) {
  if (error instanceof HttpError) return error;
  if (error instanceof ProviderError) return upstreamHttpError(error);
  if (error instanceof HTTPException) {
    const code = httpExceptionCodes[error.status];
    if (code) return new HttpError(error.status, code, error.message || code);
  }
  const shaped = fromShape(error);
  if (shaped) return shaped;
  logger.error("unhandled error", {
    error: error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  });
  return new HttpError(500, "internal", "Something went wrong on the server.");
}
function renderError(c, error, logger) {
  const http = toHttpError(error, logger);
  const body = { error: { code: http.code, message: http.message } };
  if (http.details !== void 0) body.error.details = http.details;
  if (http.retryAfterSeconds !== void 0) c.header("Retry-After", String(http.retryAfterSeconds));
  c.header("Cache-Control", "no-store");
  return c.json(body, http.status);
}

// src/media/probe.ts
import { createFile, MP4BoxBuffer } from "mp4box";
async function probeVideo(blobs, key, options = {}) {
  const chunkBytes = options.chunkBytes ?? 256 * 1024;
  const maxReads = options.maxReads ?? 64;
  const info = await blobs.stat(key);
  if (!info) throw new InvalidMediaError(`No stored video under ${key}`);
  const file = createFile(false);
  let movie;
  let failure;
  file.onReady = (ready) => {
    movie = ready;
  };
  file.onError = (_module, message2) => {
    failure = message2;
  };
  let position = 0;
  for (let reads = 0; !movie && !failure && position < info.bytes && reads < maxReads; reads++) {
    const end = Math.min(info.bytes, position + chunkBytes) - 1;
    const chunk = await readRange(blobs, key, position, end);
    if (chunk.byteLength === 0) break;
    const isLast = position + chunk.byteLength >= info.bytes;
    const next = file.appendBuffer(
      MP4BoxBuffer.fromArrayBuffer(chunk.buffer, position),
      isLast
    );
    position = typeof next === "number" && next > position ? next : position + chunk.byteLength;
  }
  if (!movie) file.flush();
  if (!movie) throw new InvalidMediaError(failure ?? `No moov box found in ${key}`);
  return describe(movie, info.bytes);
}
function describe(movie, bytes) {
  const track = movie.videoTracks[0];
  if (!track) throw new InvalidMediaError("The MP4 has no video track");
  const width = track.video?.width ?? Math.round(track.track_width);
  const height = track.video?.height ?? Math.round(track.track_height);
  const duration = durationOf(movie, track);
  if (!(width > 0 && height > 0 && Number.isFinite(duration)))
    throw new InvalidMediaError("Unreadable video track");
  return { contentType: "video/mp4", bytes, width, height, seconds: Math.round(duration * 1e3) / 1e3 };
}
function durationOf(movie, track) {
  if (movie.duration > 0 && movie.timescale > 0) return movie.duration / movie.timescale;
  const fragments = movie.fragment_duration;
  if (fragments && fragments.num > 0 && fragments.den > 0) return fragments.num / fragments.den;
  return track.timescale > 0 ? track.duration / track.timescale : Number.NaN;
}
async function readRange(blobs, key, start2, end) {
  const result = await blobs.get(key, { start: start2, end });
  if (!result) throw new InvalidMediaError(`The stored video under ${key} disappeared`);
  return collectBytes(result.body);
}

// src/media/copy.ts
import { VARIANTS } from "@sora-kit/core";

// src/media/guarded-stream.ts
var StreamCutError = class extends Error {
  constructor() {
    super(...arguments);
    this.name = "StreamCutError";
  }
};
function guardStream(source, expectedBytes) {
  const reader = source.getReader();
  const state = { cut: false, bytes: 0 };
  const fail2 = (controller, message2, cause) => {
    state.cut = true;
    controller.error(new StreamCutError(message2, { cause }));
  };
  const body = new ReadableStream(
    {
      async pull(controller) {
        let result;
        try {
          result = await reader.read();
        } catch (error) {
          return fail2(controller, `The download broke off after ${state.bytes} bytes`, error);
        }
        if (result.done) {
          if (expectedBytes !== void 0 && state.bytes < expectedBytes) {
            return fail2(controller, `The download ended after ${state.bytes} of ${expectedBytes} bytes`);
          }
          return controller.close();
        }
        state.bytes += result.value.byteLength;
        controller.enqueue(result.value);
      },
      async cancel(reason) {
        await reader.cancel(reason).catch(() => {
        });
      }
    },
    { highWaterMark: 0 }
  );
  return {
    body,
    get cut() {
      return state.cut;
    },
    get bytes() {
      return state.bytes;
    }
  };
}

// src/media/retry.ts
function backoffDelay(policy, attempt, retryAfterMs2) {
  const base = policy.baseDelayMs ?? 500;
  const max = policy.maxDelayMs ?? 8e3;
  const exponential = Math.min(max, base * 2 ** (attempt - 1));
  return Math.max(exponential, Math.min(retryAfterMs2 ?? 0, max * 4));
}
function abortableSleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

// src/media/copy.ts
var DEFAULT_TYPES = {
  video: "video/mp4",
  thumbnail: "image/jpeg",
  spritesheet: "image/jpeg"
};
async function copyAssets(options) {
  if (!options.variants.includes("video")) {
    throw new MissingVariantError("The provider offers no video for this job");
  }
  const videoKey = blobKey(options.jobId, "video");
  await copyVariant(options, "video");
  const stored = ["video"];
  for (const variant of VARIANTS) {
    if (variant === "video" || !options.variants.includes(variant)) continue;
    if (await copyOptional(options, variant)) stored.push(variant);
  }
  const probe = await probeVideo(options.blobs, videoKey, options.probe);
  return { ...probe, variants: VARIANTS.filter((v) => stored.includes(v)) };
}
async function copyOptional(options, variant) {
  try {
    await copyVariant(options, variant);
    return true;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    options.logger?.warn("An optional variant could not be copied", {
      jobId: options.jobId,
      variant,
      error: error instanceof Error ? error.name : "unknown"
    });
    return await options.blobs.stat(blobKey(options.jobId, variant)).catch(() => null) !== null;
  }
}
async function copyVariant(options, variant) {
  const policy = options.retry ?? {};
  const attempts = Math.max(1, policy.attempts ?? 4);
  const sleep3 = policy.sleep ?? abortableSleep;
  for (let attempt = 1; ; attempt++) {
    assertNotExpired(options);
    try {
      return await transfer(options, variant);
    } catch (error) {
      const retry = classify(error, options);
      if (!retry || attempt >= attempts) throw retry?.final ?? error;
      options.logger?.warn("Download failed, trying again", {
        jobId: options.jobId,
        variant,
        attempt,
        error: error instanceof Error ? error.message : "unknown"
      });
      await sleep3(backoffDelay(policy, attempt, retry.retryAfterMs), options.signal);
    }
  }
}
async function transfer(options, variant) {
  const download = await options.provider.download(options.providerVideoId, variant, {
    signal: options.signal
  });
  const guarded = guardStream(download.body, download.bytes);
  const contentType = download.contentType && !download.contentType.startsWith("application/octet-stream") ? download.contentType : DEFAULT_TYPES[variant];
  try {
    await options.blobs.put(blobKey(options.jobId, variant), guarded.body, { contentType });
  } catch (error) {
    if (guarded.cut) throw new CutOffError(error);
    throw error;
  }
}
var CutOffError = class extends Error {
  constructor(cause) {
    super("The download was cut off", { cause });
  }
};
function classify(error, options) {
  if (options.signal?.aborted) return null;
  if (error instanceof ProviderError && error.kind === "not_found") {
    throw new AssetExpiredError("The provider no longer has the video's files", { cause: error });
  }
  if (error instanceof ProviderError && error.retryable) {
    return { retryAfterMs: error.retryAfterMs, final: error };
  }
  if (error instanceof CutOffError) return { final: error.cause instanceof Error ? error.cause : error };
  return null;
}
function assertNotExpired(options) {
  if (options.expiresAt === void 0) return;
  const expiresAt = options.expiresAt instanceof Date ? options.expiresAt.getTime() : options.expiresAt;
  const now = (options.now ?? (() => /* @__PURE__ */ new Date()))().getTime();
  if (now >= expiresAt) throw new AssetExpiredError();
}

// src/limits/pricing.ts
var DEFAULT_PRICES = {
  "sora-2": { "720x1280": 0.1, "1280x720": 0.1 },
  "sora-2-pro": {
    "720x1280": 0.3,
    "1280x720": 0.3,
    "1024x1792": 0.5,
    "1792x1024": 0.5,
    "1080x1920": 0.7,
    "1920x1080": 0.7
  }
};
function pricesFromCapabilities(models) {
  const table = {};
  for (const model of models) {
    if (model.pricePerSecondUsd) table[model.id] = { ...model.pricePerSecondUsd };
  }
  return table;
}
function mergePrices(...tables) {
  const merged = {};
  for (const table of tables) {
    if (!table) continue;
    for (const [model, sizes] of Object.entries(table)) {
      merged[model] = { ...merged[model], ...sizes };
    }
  }
  return merged;
}
function pricePerSecond(table, model, size) {
  const sizes = Object.hasOwn(table, model) ? table[model] : void 0;
  const price = sizes && Object.hasOwn(sizes, size) ? sizes[size] : void 0;
  return typeof price === "number" && Number.isFinite(price) && price >= 0 ? price : void 0;
}
var MICROS_PER_USD = 1e6;
function costMicros(table, model, size, seconds2) {
  const price = pricePerSecond(table, model, size);
  return price === void 0 ? void 0 : Math.round(price * MICROS_PER_USD) * seconds2;
}

// src/limits/window.ts
function slidingWindow(log, now, limit, windowMs) {
  const kept = log.filter((t) => t > now - windowMs).sort((a, b) => a - b);
  if (kept.length < limit) return { allowed: true, state: [...kept, now] };
  const freeing = kept[kept.length - limit] ?? now;
  return { allowed: false, retryAfterMs: Math.max(1, freeing + windowMs - now), state: kept };
}
function fixedWindow(state, now, limit, windowMs) {
  const start2 = Math.floor(now / windowMs) * windowMs;
  const count = state && state.start === start2 ? state.count : 0;
  if (count < limit) return { allowed: true, state: { start: start2, count: count + 1 } };
  return { allowed: false, retryAfterMs: Math.max(1, start2 + windowMs - now), state: { start: start2, count } };
}
function quotaPeriod(period, now) {
  const date = new Date(now);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const mm = String(month + 1).padStart(2, "0");
  if (period === "month") {
    return { key: `${year}-${mm}`, endsAt: Date.UTC(year, month + 1, 1) };
  }
  const day = date.getUTCDate();
  const dd = String(day).padStart(2, "0");
  return { key: `${year}-${mm}-${dd}`, endsAt: Date.UTC(year, month, day + 1) };
}
function toRetryAfterSeconds(ms) {
  return Math.max(1, Math.ceil(ms / 1e3));
}

// src/limits/quota.ts
var DEFAULT_QUOTAS = {
  secondsPerDay: 120,
  secondsPerMonth: 1200,
  usdPerDay: 15,
  usdPerMonth: 150
};
function asUsage(value) {
  if (typeof value !== "object" || value === null) return { seconds: 0, micros: 0 };
  const { seconds: seconds2, micros } = value;
  const num = (n) => typeof n === "number" && Number.isFinite(n) && n > 0 ? n : 0;
  return { seconds: num(seconds2), micros: num(micros) };
}
function limitsOf(period, quotas) {
  const seconds2 = period === "day" ? quotas.secondsPerDay : quotas.secondsPerMonth;
  const usd = period === "day" ? quotas.usdPerDay : quotas.usdPerMonth;
  return {
    seconds: typeof seconds2 === "number" ? seconds2 : void 0,
    micros: typeof usd === "number" ? Math.round(usd * MICROS_PER_USD) : void 0
  };
}
function withinQuota(period, used, cost, quotas) {
  const limit = limitsOf(period, quotas);
  if (limit.seconds !== void 0 && used.seconds + cost.seconds > limit.seconds) return false;
  if (limit.micros !== void 0 && used.micros + cost.micros > limit.micros) return false;
  return true;
}
function periodEnabled(period, quotas) {
  const limit = limitsOf(period, quotas);
  return limit.seconds !== void 0 || limit.micros !== void 0;
}
async function checkPeriod(storage, usageKey, period, cost, quotas, now) {
  const { key: periodKey, endsAt } = quotaPeriod(period, now);
  const key = usageKey(`${period}:${periodKey}`);
  const used = asUsage(await storage.getItem(key));
  return { period, key, used, fits: withinQuota(period, used, cost, quotas), endsAt };
}
async function addUsage(storage, key, cost, sign, ttlSeconds) {
  const used = asUsage(await storage.getItem(key));
  const next = {
    seconds: Math.max(0, used.seconds + sign * cost.seconds),
    micros: Math.max(0, used.micros + sign * cost.micros)
  };
  await storage.setItem(key, next, { ttl: ttlSeconds });
}

// src/limits/rate-limit.ts
var DEFAULT_RATE_LIMIT = {
  limit: 10,
  windowSeconds: 60,
  algorithm: "sliding"
};
function asLog(value) {
  return Array.isArray(value) ? value.filter((t) => typeof t === "number" && Number.isFinite(t)) : [];
}
function asFixed(value) {
  if (typeof value !== "object" || value === null) return null;
  const { start: start2, count } = value;
  return typeof start2 === "number" && typeof count === "number" ? { start: start2, count } : null;
}
async function checkRateLimit(storage, key, options, now) {
  const windowMs = options.windowSeconds * 1e3;
  const stored = await storage.getItem(key);
  const verdict = options.algorithm === "fixed" ? fixedWindow(asFixed(stored), now, options.limit, windowMs) : slidingWindow(asLog(stored), now, options.limit, windowMs);
  if (!verdict.allowed) return { allowed: false, retryAfterMs: verdict.retryAfterMs };
  const ttl = options.windowSeconds * 2;
  return { allowed: true, commit: () => storage.setItem(key, verdict.state, { ttl }) };
}

// src/limits/active-jobs.ts
async function liveSlots(storage, base, now, ttlMs) {
  const keys2 = await storage.getKeys(base);
  const slots = await Promise.all(
    keys2.map(async (key) => {
      const at = await storage.getItem(key);
      const id = key.slice(key.lastIndexOf(":") + 1);
      if (typeof at === "number" && at > now - ttlMs) return { id, at };
      await storage.removeItem(key);
      return void 0;
    })
  );
  return rankSlots(slots.filter((s) => s !== void 0));
}
function rankSlots(slots) {
  return [...slots].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
function slotsAhead(live, slot) {
  return live.filter((s) => s.id !== slot.id && s.at <= slot.at).length;
}
async function claimSlot(storage, base, slot, cap, ttlMs) {
  await storage.setItem(`${base}${slot.id}`, slot.at, { ttl: Math.ceil(ttlMs / 1e3) });
  const live = await liveSlots(storage, base, slot.at, ttlMs);
  if (slotsAhead(live, slot) < cap) return true;
  await storage.removeItem(`${base}${slot.id}`);
  return false;
}
async function releaseSlot(storage, base, id) {
  await storage.removeItem(`${base}${id}`);
}

// src/limits/keys.ts
var DEFAULT_LIMITS_PREFIX = "limits:";
async function identityKey(identity) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(identity));
  return Array.from(new Uint8Array(digest).slice(0, 16), (b) => b.toString(16).padStart(2, "0")).join("");
}
function limitKeys(prefix) {
  return {
    rate: (who) => `${prefix}rate:${who}`,
    /** A key prefix: one key per active slot of `who` lives under it. */
    active: (who) => `${prefix}active:${who}:`,
    /** A key prefix: one key per active slot of anyone. */
    globalActive: () => `${prefix}active-global:`,
    usage: (who, period) => `${prefix}usage:${who}:${period}`,
    reservation: (id) => `${prefix}reservation:${id}`
  };
}

// src/limits/serial.ts
function createSerializer() {
  let tail = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => void 0);
    return run;
  };
}

// src/limits/admission.ts
var ACTIVE_RETRY_AFTER_SECONDS = 10;
function refuse(code, message2, retryAfterMs2) {
  return { ok: false, code, message: message2, retryAfterSeconds: toRetryAfterSeconds(retryAfterMs2) };
}
function resolveQuotas(quotas) {
  if (quotas === false) return void 0;
  return quotas === void 0 ? DEFAULT_QUOTAS : quotas;
}
function configOf(options) {
  const given = options.prices ?? DEFAULT_PRICES;
  return {
    storage: options.storage,
    now: options.now ?? Date.now,
    newId: options.id ?? (() => crypto.randomUUID()),
    keys: limitKeys(options.prefix ?? DEFAULT_LIMITS_PREFIX),
    rate: options.rateLimit === false ? void 0 : { ...DEFAULT_RATE_LIMIT, ...options.rateLimit },
    perIdentity: options.activeJobs === false ? void 0 : options.activeJobs ?? 3,
    global: options.globalActiveJobs === false ? void 0 : options.globalActiveJobs ?? 50,
    quotas: resolveQuotas(options.quotas),
    ttlMs: (options.activeJobTtlSeconds ?? 6 * 3600) * 1e3,
    prices: async () => typeof given === "function" ? given() : given
  };
}
async function checkQuotas(cfg, who, cost, at) {
  const { quotas } = cfg;
  if (!quotas) return [];
  const periods = ["day", "month"].filter((p) => periodEnabled(p, quotas));
  const usageKey = (period) => cfg.keys.usage(who, period);
  const checks = await Promise.all(
    periods.map((p) => checkPeriod(cfg.storage, usageKey, p, cost, quotas, at))
  );
  const over = checks.filter((c) => !c.fits);
  if (over.length === 0) return checks;
  const until = Math.max(...over.map((c) => c.endsAt));
  const which = over.map((c) => c.period).join(" and ");
  return refuse("quota_exceeded", `This would go over your video quota for the ${which}`, until - at);
}
function capsOf(cfg, who) {
  const caps = [
    {
      base: cfg.keys.active(who),
      cap: cfg.perIdentity,
      message: `At most ${cfg.perIdentity} videos can be in progress at once`
    },
    { base: cfg.keys.globalActive(), cap: cfg.global, message: "The service is busy; try again shortly" }
  ];
  return caps.filter((c) => c.cap !== void 0);
}
var busy = (message2) => refuse("rate_limited", message2, ACTIVE_RETRY_AFTER_SECONDS * 1e3);
async function claimAll(cfg, who, slot) {
  const taken = [];
  for (const { base, cap, message: message2 } of capsOf(cfg, who)) {
    if (!await claimSlot(cfg.storage, base, slot, cap, cfg.ttlMs)) {
      for (const held of taken) await releaseSlot(cfg.storage, held, slot.id);
      return busy(message2);
    }
    taken.push(base);
  }
  return void 0;
}
async function admitNow(cfg, request) {
  const { storage, keys: keys2, ttlMs } = cfg;
  const who = await identityKey(request.identity);
  const at = cfg.now();
  const rate = cfg.rate ? await checkRateLimit(storage, keys2.rate(who), cfg.rate, at) : void 0;
  if (rate && !rate.allowed) {
    return refuse("rate_limited", "Too many videos started in a short time", rate.retryAfterMs);
  }
  const micros = costMicros(await cfg.prices(), request.model, request.size, request.seconds) ?? 0;
  const cost = { seconds: request.seconds, micros };
  const periods = await checkQuotas(cfg, who, cost, at);
  if (!Array.isArray(periods)) return periods;
  const reservation = cfg.newId();
  const refused = await claimAll(cfg, who, { id: reservation, at: cfg.now() });
  if (refused) return refused;
  const record = { who, cost, usageKeys: periods.map((p) => p.key) };
  await storage.setItem(keys2.reservation(reservation), record, { ttl: Math.ceil(ttlMs / 1e3) * 2 });
  await rate?.commit();
  for (const p of periods) await addUsage(storage, p.key, cost, 1, usageTtlSeconds(p));
  return { ok: true, reservation };
}
async function settleNow(cfg, reservation, outcome) {
  const { storage, keys: keys2 } = cfg;
  const key = keys2.reservation(reservation);
  const record = asRecord(await storage.getItem(key));
  if (!record) return;
  await storage.removeItem(key);
  await releaseSlot(storage, keys2.active(record.who), reservation);
  await releaseSlot(storage, keys2.globalActive(), reservation);
  if (outcome === "failed") {
    for (const usageKey of record.usageKeys) await addUsage(storage, usageKey, record.cost, -1, 40 * 86400);
  }
}
function createAdmissionControl(options) {
  const cfg = configOf(options);
  const serial = createSerializer();
  return {
    admit: (request) => serial(() => admitNow(cfg, request)),
    settle: (reservation, outcome) => serial(() => settleNow(cfg, reservation, outcome))
  };
}
function usageTtlSeconds(check) {
  return check.period === "day" ? 2 * 86400 : 40 * 86400;
}
function asRecord(value) {
  if (typeof value !== "object" || value === null) return void 0;
  const r = value;
  if (typeof r.who !== "string" || !Array.isArray(r.usageKeys) || typeof r.cost !== "object" || !r.cost) {
    return void 0;
  }
  return { who: r.who, cost: r.cost, usageKeys: r.usageKeys.filter((k) => typeof k === "string") };
}

// src/logger.ts
var order = { debug: 0, info: 1, warn: 2, error: 3 };
function consoleLogger(level = "info") {
  const line = (at) => (message2, fields2) => {
    if (order[at] < order[level]) return;
    const extra = fields2 ? ` ${JSON.stringify(fields2)}` : "";
    const write = at === "error" ? console.error : at === "warn" ? console.warn : console.log;
    write(`[sora-kit] ${at} ${message2}${extra}`);
  };
  return { debug: line("debug"), info: line("info"), warn: line("warn"), error: line("error") };
}
function silentLogger() {
  const drop = () => {
  };
  return { debug: drop, info: drop, warn: drop, error: drop };
}

// src/media/signing.ts
import { base64url } from "jose";
var encoder2 = new TextEncoder();
function createMediaSigner(options) {
  if (!options.secret) throw new TypeError("createMediaSigner needs a non-empty secret");
  const key = crypto.subtle.importKey(
    "raw",
    encoder2.encode(options.secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"]
  );
  return {
    async sign({ jobId, variant, expiresAt, download }) {
      const exp = Math.floor(expiresAt.getTime() / 1e3);
      const mac = await crypto.subtle.sign(
        "HMAC",
        await key,
        message(jobId, variant, String(exp), download === true)
      );
      const sig = base64url.encode(new Uint8Array(mac));
      return `exp=${exp}&sig=${sig}${download ? "&dl=1" : ""}`;
    },
    async verify({ jobId, variant, exp, sig, dl }) {
      if (!exp || !/^\d{1,12}$/.test(exp) || !sig || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return false;
      if (dl !== void 0 && dl !== "1") return false;
      if (Number(exp) * 1e3 <= options.now().getTime()) return false;
      const mac = new Uint8Array(base64url.decode(sig));
      return crypto.subtle.verify("HMAC", await key, mac, message(jobId, variant, exp, dl === "1"));
    }
  };
}
function message(jobId, variant, exp, download) {
  return encoder2.encode(["sora-kit-media-v1", jobId, variant, exp, download ? "1" : "0"].join("\n"));
}

// src/routes/media.ts
import { Hono } from "hono";

// src/media/filename.ts
var MAX_NAME = 60;
var VARIANT_EXTENSIONS = {
  video: ".mp4",
  thumbnail: ".jpg",
  spritesheet: ".jpg"
};
function downloadFilename(prompt, variant) {
  return `${asciiName(unicodeName(prompt))}${VARIANT_EXTENSIONS[variant]}`;
}
function contentDisposition(prompt, variant) {
  const unicode = unicodeName(prompt);
  const extension = VARIANT_EXTENSIONS[variant];
  return `attachment; filename="${asciiName(unicode)}${extension}"; filename*=UTF-8''${encodeRfc5987(`${unicode}${extension}`)}`;
}
function unicodeName(prompt) {
  const cleaned = prompt.normalize("NFC").replace(/[\p{Cc}\p{Cf}"\\/:*?<>|]+/gu, " ").replace(/\s+/g, " ").trim();
  const short = Array.from(cleaned).slice(0, MAX_NAME).join("").trim().replace(/^\.+/, "");
  return short || "video";
}
function asciiName(name) {
  const ascii = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[_.]+|_+$/g, "");
  return ascii || "video";
}
function encodeRfc5987(value) {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  );
}

// src/media/serve-decision.ts
import parseRange from "range-parser";
function decideServe(info, request) {
  const whole = { start: 0, end: info.bytes - 1 };
  if (request.ifNoneMatch) {
    if (etagListMatches(request.ifNoneMatch, info.etag)) return { status: 304 };
  } else if (request.ifModifiedSince && notModifiedSince(info.lastModified, request.ifModifiedSince)) {
    return { status: 304 };
  }
  if (!request.range) return { status: 200, range: whole };
  if (request.ifRange && !ifRangeMatches(request.ifRange, info)) return { status: 200, range: whole };
  const header2 = normalizeRange(request.range, info.bytes);
  if (header2 === null) return { status: 200, range: whole };
  const ranges = parseRange(info.bytes, header2, { combine: true });
  if (ranges === -1) return { status: 416 };
  if (ranges === -2 || ranges.type !== "bytes" || ranges.length !== 1) return { status: 200, range: whole };
  const [first] = ranges;
  if (!first) return { status: 200, range: whole };
  return { status: 206, range: { start: first.start, end: first.end } };
}
function normalizeRange(header2, size) {
  const [unit, specs] = header2.split("=", 2);
  if (unit?.trim() !== "bytes" || specs === void 0) return null;
  const out = [];
  for (const raw of specs.split(",")) {
    const spec = raw.trim();
    const match = /^(\d*)-(\d*)$/.exec(spec);
    if (!match || match[1] === "" && match[2] === "") return null;
    const [, first = "", last = ""] = match;
    if (first !== "" && last !== "" && Number(last) < Number(first)) return null;
    out.push(first === "" && size > 0 && Number(last) > size ? `-${size}` : spec);
  }
  return `bytes=${out.join(",")}`;
}
function etagListMatches(header2, etag) {
  if (header2.trim() === "*") return true;
  const bare = stripWeak(etag);
  return header2.split(",").some((candidate) => stripWeak(candidate.trim()) === bare);
}
function stripWeak(tag) {
  return tag.startsWith("W/") ? tag.slice(2) : tag;
}
function ifRangeMatches(header2, info) {
  const value = header2.trim();
  if (value.startsWith('"') || value.startsWith("W/"))
    return value === info.etag && !info.etag.startsWith("W/");
  const date = Date.parse(value);
  return Number.isFinite(date) && date === seconds(info.lastModified);
}
function notModifiedSince(lastModified, header2) {
  const date = Date.parse(header2);
  return Number.isFinite(date) && seconds(lastModified) <= date;
}
function seconds(date) {
  return Math.floor(date.getTime() / 1e3) * 1e3;
}

// src/routes/media.ts
function createMediaRoutes(options) {
  const app = new Hono();
  app.get("/media/:jobId/:variant", (c) => serveMedia(c, options));
  return app;
}
async function serveMedia(c, options) {
  const authorised = await authorise(c, options);
  if (authorised instanceof Response) return authorised;
  const { key, job, variant, expiresAt, download } = authorised;
  const secondsLeft = Math.floor((expiresAt.getTime() - options.now().getTime()) / 1e3);
  const cacheControl = `private, max-age=${Math.max(0, secondsLeft)}`;
  if (options.usePublicUrls && options.blobs.publicUrl) {
    const filename = download ? downloadFilename(job.prompt, variant) : void 0;
    const url = await options.blobs.publicUrl(key, { expiresAt, download: filename });
    if (url)
      return new Response(null, { status: 302, headers: { Location: url, "Cache-Control": cacheControl } });
  }
  const disposition = download ? contentDisposition(job.prompt, variant) : void 0;
  return serveBlob(c, options.blobs, key, cacheControl, disposition);
}
async function authorise(c, options) {
  const jobId = c.req.param("jobId") ?? "";
  const variant = c.req.param("variant") ?? "";
  const exp = c.req.query("exp");
  const dl = c.req.query("dl");
  const valid = await options.signer.verify({ jobId, variant, exp, sig: c.req.query("sig"), dl });
  if (!valid || !isVariant(variant) || !exp) {
    return fail(c, 403, "forbidden", "This media link is invalid or has expired");
  }
  const job = await options.findJob(jobId);
  if (!job) return fail(c, 404, "not_found", "No such video");
  if (job.status !== "completed") return fail(c, 409, "not_ready", "The video is not ready yet");
  if (job.asset && !job.asset.variants.includes(variant)) return fail(c, 404, "not_found", "No such variant");
  return {
    key: blobKey(jobId, variant),
    job,
    variant,
    expiresAt: new Date(Number(exp) * 1e3),
    download: dl === "1"
  };
}
async function serveBlob(c, blobs, key, cacheControl, disposition) {
  const info = await blobs.stat(key);
  if (!info) return fail(c, 404, "not_found", "No such video");
  const headers = baseHeaders(info, cacheControl, disposition);
  const decision = decideServe(info, {
    range: c.req.header("range"),
    ifNoneMatch: c.req.header("if-none-match"),
    ifModifiedSince: c.req.header("if-modified-since"),
    ifRange: c.req.header("if-range")
  });
  if (decision.status === 304) return new Response(null, { status: 304, headers: validatorHeaders(headers) });
  if (decision.status === 416) return unsatisfiable(info, headers);
  const { range } = decision;
  headers.set("Content-Length", String(Math.max(0, range.end - range.start + 1)));
  if (decision.status === 206)
    headers.set("Content-Range", `bytes ${range.start}-${range.end}/${info.bytes}`);
  if (c.req.raw.method === "HEAD" || info.bytes === 0)
    return new Response(null, { status: decision.status, headers });
  const blob = await blobs.get(key, range);
  if (!blob) return fail(c, 404, "not_found", "No such video");
  return new Response(blob.body, { status: decision.status, headers });
}
function unsatisfiable(info, headers) {
  headers.set("Content-Range", `bytes */${info.bytes}`);
  headers.set("Content-Type", "application/json");
  headers.delete("Content-Disposition");
  const body = {
    error: { code: "range_not_satisfiable", message: "The requested range is not satisfiable" }
  };
  return new Response(JSON.stringify(body), { status: 416, headers });
}
function baseHeaders(info, cacheControl, disposition) {
  const headers = new Headers({
    "Accept-Ranges": "bytes",
    "Content-Type": info.contentType,
    ETag: info.etag,
    "Last-Modified": info.lastModified.toUTCString(),
    "Cache-Control": cacheControl,
    "X-Content-Type-Options": "nosniff"
  });
  if (disposition) headers.set("Content-Disposition", disposition);
  return headers;
}
function validatorHeaders(headers) {
  const out = new Headers();
  for (const name of ["ETag", "Last-Modified", "Cache-Control", "Accept-Ranges"]) {
    const value = headers.get(name);
    if (value) out.set(name, value);
  }
  return out;
}
function fail(c, status, code, message2) {
  return c.json({ error: { code, message: message2 } }, status, { "Cache-Control": "no-store" });
}

// src/media/links.ts
async function mediaUrlFor(options) {
  const now = options.now();
  const expiresAt = new Date(Math.floor(now.getTime() / 1e3) * 1e3 + (options.ttlSeconds ?? 900) * 1e3);
  if (options.usePublicUrls && options.blobs?.publicUrl) {
    const download = options.download ? downloadFilename(options.prompt ?? "", options.variant) : void 0;
    const url = await options.blobs.publicUrl(blobKey(options.jobId, options.variant), {
      expiresAt,
      download
    });
    if (url) return { url, expiresAt: expiresAt.toISOString() };
  }
  const query = await options.signer.sign({
    jobId: options.jobId,
    variant: options.variant,
    expiresAt,
    download: options.download
  });
  const base = options.baseUrl.replace(/\/+$/, "");
  const path = `/media/${encodeURIComponent(options.jobId)}/${options.variant}`;
  return { url: `${base}${path}?${query}`, expiresAt: expiresAt.toISOString() };
}

// src/limits/client-limit.ts
var DEFAULT_PER_CLIENT = {
  limit: 20,
  windowSeconds: 60,
  algorithm: "sliding"
};
function startsWork(c) {
  return c.req.method === "POST" && /\/videos(\/[^/]+\/(retry|remix))?\/?$/.test(c.req.path);
}
function perClientLimit(options, storage, now) {
  const rate = {
    limit: options.limit ?? DEFAULT_PER_CLIENT.limit,
    windowSeconds: options.windowSeconds ?? DEFAULT_PER_CLIENT.windowSeconds,
    algorithm: options.algorithm ?? DEFAULT_PER_CLIENT.algorithm
  };
  const serial = createSerializer();
  return async (c, next) => {
    const client = startsWork(c) ? options.key(c) : void 0;
    if (!client) return next();
    const key = `${DEFAULT_LIMITS_PREFIX}client:${await identityKey(client)}`;
    const retryAfterMs2 = await serial(async () => {
      const check = await checkRateLimit(storage, key, rate, now());
      if (!check.allowed) return check.retryAfterMs;
      await check.commit();
      return 0;
    });
    if (retryAfterMs2 === 0) return next();
    const retryAfterSeconds = toRetryAfterSeconds(retryAfterMs2);
    c.header("Retry-After", String(retryAfterSeconds));
    return c.json(
      {
        error: {
          code: "rate_limited",
          message: "Too many videos started from here",
          details: { retryAfterSeconds }
        }
      },
      429
    );
  };
}

// src/security/origin.ts
var STATE_CHANGING = /* @__PURE__ */ new Set(["POST", "PUT", "PATCH", "DELETE"]);
function normalizeOrigin(value) {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return void 0;
    return url.origin;
  } catch {
    return void 0;
  }
}
function hostOf(origin) {
  return new URL(origin).host;
}
function ownHosts(facts) {
  const hosts = /* @__PURE__ */ new Set();
  try {
    hosts.add(new URL(facts.url).host.toLowerCase());
  } catch {
  }
  if (facts.host) hosts.add(facts.host.toLowerCase());
  const forwarded = facts.forwardedHost?.split(",")[0]?.trim();
  if (forwarded) hosts.add(forwarded.toLowerCase());
  return hosts;
}
function isAllowed(origin, facts, allowed) {
  const normalized = normalizeOrigin(origin);
  if (!normalized) return false;
  return allowed.has(normalized) || ownHosts(facts).has(hostOf(normalized));
}
function isCrossSiteAllowed(facts, allowedOrigins) {
  if (!STATE_CHANGING.has(facts.method.toUpperCase())) return true;
  if (facts.origin !== void 0) return isAllowed(facts.origin, facts, allowedOrigins);
  const site = facts.secFetchSite?.toLowerCase();
  if (site === "cross-site" || site === "same-site") {
    return facts.referer !== void 0 && isAllowed(facts.referer, facts, allowedOrigins);
  }
  if (facts.referer !== void 0) return isAllowed(facts.referer, facts, allowedOrigins);
  return true;
}
function originFacts(c) {
  return {
    method: c.req.method,
    url: c.req.url,
    origin: c.req.header("origin"),
    secFetchSite: c.req.header("sec-fetch-site"),
    referer: c.req.header("referer"),
    host: c.req.header("host"),
    forwardedHost: c.req.header("x-forwarded-host")
  };
}
function crossSiteProtection(options = {}) {
  const allowed = new Set(
    (options.allowedOrigins ?? []).map((o) => normalizeOrigin(o)).filter((o) => o !== void 0)
  );
  return async (c, next) => {
    if (options.exempt?.(c) || isCrossSiteAllowed(originFacts(c), allowed)) {
      await next();
      return;
    }
    return c.json(
      { error: { code: "forbidden", message: "Cross-site requests may not change anything here" } },
      403
    );
  };
}

// src/security/cors.ts
import { cors } from "hono/cors";
var ALLOW_HEADERS = ["Content-Type", "Authorization", "Idempotency-Key", "Last-Event-ID"];
var EXPOSE_HEADERS = ["Retry-After", "Content-Range", "Accept-Ranges", "Content-Length", "ETag"];
function corsOrigins(options) {
  return options.origins.map((o) => normalizeOrigin(o)).filter((o) => o !== void 0);
}
function corsMiddleware(options) {
  const allowed = new Set(corsOrigins(options));
  return cors({
    origin: (origin) => allowed.has(normalizeOrigin(origin) ?? "") ? origin : null,
    allowMethods: ["GET", "HEAD", "POST", "DELETE", "OPTIONS"],
    allowHeaders: ALLOW_HEADERS,
    exposeHeaders: EXPOSE_HEADERS,
    credentials: options.credentials === true,
    maxAge: options.maxAgeSeconds ?? 600
  });
}

// src/handler.ts
import { Hono as Hono6 } from "hono";
import { createMiddleware } from "hono/factory";

// src/defaults.ts
import { createStorage } from "unstorage";
function joinPath(dir, name) {
  return `${dir.replace(/[\\/]+$/, "")}/${name}`;
}
function lazyDriver(load) {
  let driver;
  const get = () => {
    driver ??= load();
    return driver;
  };
  return {
    name: "sora-kit-lazy",
    hasItem: async (key, opts) => (await get()).hasItem(key, opts),
    getItem: async (key, opts) => (await get()).getItem(key, opts),
    setItem: async (key, value, opts) => (await get()).setItem?.(key, value, opts),
    removeItem: async (key, opts) => (await get()).removeItem?.(key, opts),
    getKeys: async (base, opts) => (await get()).getKeys(base, opts),
    clear: async (base, opts) => (await get()).clear?.(base, opts),
    getMeta: async (key, opts) => (await get()).getMeta?.(key, opts) ?? null,
    dispose: async () => {
      if (driver) await (await driver).dispose?.();
    }
  };
}
async function atomicFsDriver(base) {
  const [{ default: fsDriver }, fsp, path, { randomUUID }] = await Promise.all([
    import("unstorage/drivers/fs"),
    import("fs/promises"),
    import("path"),
    import("crypto")
  ]);
  const driver = fsDriver({ base, ignore: ["**/node_modules/**", "**/.git/**", "**/.*.tmp"] });
  const root = path.resolve(base);
  const write = async (key, value) => {
    if (/\.\.:|\.\.$/.test(key)) throw new Error(`Invalid key: ${JSON.stringify(key)}`);
    const file = path.join(root, key.replace(/:/g, "/"));
    const dir = path.dirname(file);
    await fsp.mkdir(dir, { recursive: true });
    const temp = path.join(dir, `.${path.basename(file)}.${randomUUID()}.tmp`);
    try {
      await fsp.writeFile(temp, value);
      await fsp.rename(temp, file);
    } catch (error) {
      await fsp.unlink(temp).catch(() => {
      });
      throw error;
    }
  };
  return {
    ...driver,
    setItem: (key, value) => write(key, value),
    setItemRaw: (key, value) => write(key, value)
  };
}
function defaultStorage(dataDir) {
  return createStorage({ driver: lazyDriver(() => atomicFsDriver(joinPath(dataDir, "jobs"))) });
}
function defaultBlobs(dataDir) {
  let store;
  const get = () => {
    store ??= import("./fs-6SLPUFVM.js").then(({ fsBlobs }) => fsBlobs(joinPath(dataDir, "blobs")));
    return store;
  };
  return {
    put: async (key, body, options) => (await get()).put(key, body, options),
    get: async (key, range) => (await get()).get(key, range),
    stat: async (key) => (await get()).stat(key),
    delete: async (key) => (await get()).delete(key)
  };
}

// src/jobs/keys.ts
var PREFIX = "sora";
var keys = {
  /** One job: its wire form plus server-side state. */
  job: (jobId) => `${PREFIX}:job:${jobId}`,
  /** Per-identity index head: the newest chunk number and its fill. */
  indexHead: (owner) => `${PREFIX}:owner:${owner}:head`,
  /** Per-identity index chunk: up to CHUNK job ids in creation order (`null` where deleted). */
  indexChunk: (owner, chunk) => `${PREFIX}:owner:${owner}:chunk:${chunk}`,
  /** Per-identity change feed: a sequence number and the latest changes, for SSE. */
  feed: (owner) => `${PREFIX}:owner:${owner}:feed`,
  /** Ids of every unfinished job, which the poller resumes. */
  active: () => `${PREFIX}:active`,
  /** Provider video id (hashed) → job id, for webhooks. */
  providerVideo: (hashedVideoId) => `${PREFIX}:pvid:${hashedVideoId}`,
  /** `Idempotency-Key` (hashed) of one identity → job id, for 24 h. */
  idempotency: (owner, hashedKey) => `${PREFIX}:idem:${owner}:${hashedKey}`,
  /** Webhook event id (hashed) already handled, for 24 h. */
  webhookEvent: (hashedEventId) => `${PREFIX}:webhook:${hashedEventId}`,
  /** The refresh lease of one job. */
  lease: (jobId) => `${PREFIX}:lease:${jobId}`,
  /** A short lock around a read-modify-write. */
  lock: (name) => `${PREFIX}:lock:${name}`,
  /** A once-only marker (hooks, admission settlement). */
  once: (jobId, attempt, event) => `${PREFIX}:once:${jobId}:${attempt}:${event}`
};
var CHUNK = 100;

// src/jobs/feed.ts
var FEED_LENGTH = 500;
function createNotifier() {
  const listeners = /* @__PURE__ */ new Map();
  return {
    /** Calls `listener` on every local change for `topic`; returns the unsubscribe. */
    subscribe(topic, listener) {
      const set = listeners.get(topic) ?? /* @__PURE__ */ new Set();
      set.add(listener);
      listeners.set(topic, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(topic);
      };
    },
    notify(topic) {
      for (const listener of listeners.get(topic) ?? []) listener();
    }
  };
}
function createFeed(storage, leases, notifier) {
  async function read(owner) {
    const value = await storage.getItem(keys.feed(owner));
    return value && Array.isArray(value.entries) ? value : { seq: 0, entries: [] };
  }
  async function publish(owner, jobId, kind) {
    await leases.withLock(keys.lock(`feed:${owner}`), async () => {
      const feed = await read(owner);
      const seq = feed.seq + 1;
      const entries = [...feed.entries, { seq, jobId, kind }].slice(-FEED_LENGTH);
      await storage.setItem(keys.feed(owner), { seq, entries });
    });
    notifier.notify(owner);
    notifier.notify(jobId);
  }
  return { read, publish };
}

// src/jobs/ids.ts
var alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
function encodeTime(ms) {
  let out = "";
  let rest = Math.max(0, Math.floor(ms));
  for (let i = 0; i < 10; i++) {
    out = alphabet[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}
function encodeRandom() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => alphabet[b % 32]).join("");
}
function createJobIds(now) {
  return () => `job_${encodeTime(now().getTime())}${encodeRandom()}`;
}
function isJobIdShape(value) {
  return /^[A-Za-z0-9_-]{1,100}$/.test(value);
}

// src/jobs/lease.ts
var sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function isLease(value) {
  return typeof value === "object" && value !== null && typeof value.token === "string";
}
function createLeases(deps) {
  const { storage, now } = deps;
  const queues = /* @__PURE__ */ new Map();
  async function acquire(key, ttlMs) {
    const current = await storage.getItem(key);
    if (isLease(current) && current.expiresAt > now().getTime()) return null;
    const token = crypto.randomUUID();
    await storage.setItem(key, { token, expiresAt: now().getTime() + ttlMs });
    if (deps.settleMs > 0) await sleep(deps.settleMs);
    const after = await storage.getItem(key);
    return isLease(after) && after.token === token ? token : null;
  }
  async function renew(key, token, ttlMs) {
    const current = await storage.getItem(key);
    if (!isLease(current) || current.token !== token) return false;
    await storage.setItem(key, { token, expiresAt: now().getTime() + ttlMs });
    return true;
  }
  async function release(key, token) {
    const current = await storage.getItem(key);
    if (isLease(current) && current.token === token) await storage.removeItem(key);
  }
  async function acquireWaiting(key, ttlMs) {
    for (let attempt = 0; attempt < 100; attempt++) {
      const token = await acquire(key, ttlMs);
      if (token) return token;
      await sleep(10 + Math.random() * 20);
    }
    return null;
  }
  function withLock(key, fn, ttlMs = 1e4) {
    const previous = queues.get(key) ?? Promise.resolve();
    const run = previous.catch(() => {
    }).then(async () => {
      const token = await acquireWaiting(key, ttlMs);
      try {
        return await fn();
      } finally {
        if (token) await release(key, token);
      }
    });
    const settled = run.catch(() => {
    });
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return run;
  }
  async function claimOnce(key) {
    return withLock(`${key}-lock`, async () => {
      if (await storage.hasItem(key)) return false;
      await storage.setItem(key, now().toISOString());
      return true;
    });
  }
  return { acquire, renew, release, withLock, claimOnce };
}

// src/jobs/lifecycle.ts
import { isTerminal } from "@sora-kit/core";

// src/providers/registry.ts
function configuredProviders(options) {
  const { provider, providers } = options;
  if (provider && providers)
    throw new TypeError("createSoraHandler: give either `provider` or `providers`, not both");
  const list2 = providers ?? (provider ? [provider] : []);
  if (!Array.isArray(list2) || list2.length === 0 || list2.some((p) => !p || typeof p.name !== "string")) {
    throw new TypeError(
      "createSoraHandler: `provider` (e.g. fakeProvider()) or a non-empty `providers` list is required"
    );
  }
  const seen = /* @__PURE__ */ new Set();
  for (const p of list2) {
    if (seen.has(p.name))
      throw new TypeError(`createSoraHandler: two providers are named "${p.name}"; names must be unique`);
    seen.add(p.name);
  }
  return list2;
}
function retiredProviderError(name) {
  return {
    code: "upstream_failed",
    message: `provider ${name} is no longer configured`,
    retryable: false
  };
}
function createProviderRegistry(providers) {
  const byName = new Map(providers.map((p) => [p.name, p]));
  const cache = /* @__PURE__ */ new Map();
  const head = providers[0];
  if (!head) throw new TypeError("createSoraHandler: at least one provider is required");
  const first = head;
  function capabilitiesOf2(provider) {
    let pending = cache.get(provider.name);
    if (!pending) {
      pending = provider.capabilities().catch((error) => {
        cache.delete(provider.name);
        throw error;
      });
      cache.set(provider.name, pending);
    }
    return pending;
  }
  async function capabilities() {
    const all = await Promise.all(providers.map(capabilitiesOf2));
    const models = [];
    const ids = /* @__PURE__ */ new Set();
    const variants = /* @__PURE__ */ new Set();
    all.forEach((caps, index) => {
      const name = providers[index]?.name ?? first.name;
      for (const variant of caps.variants) variants.add(variant);
      for (const model of caps.models) {
        if (ids.has(model.id)) continue;
        ids.add(model.id);
        models.push({ ...model, provider: name });
      }
    });
    return { models, variants: [...variants] };
  }
  return {
    default: first,
    all: providers,
    get: (name) => byName.get(name),
    capabilities,
    capabilitiesOf: capabilitiesOf2,
    async forModel(model) {
      const { models } = await capabilities();
      const owner = models.find((m) => m.id === model)?.provider;
      return (owner ? byName.get(owner) : void 0) ?? first;
    }
  };
}

// src/jobs/finish.ts
async function callHook(rt, name, record) {
  const hook = rt.hooks[name];
  if (!hook) return;
  const ctx = { identity: { id: record.identity }, job: record.job };
  try {
    await hook(ctx);
  } catch (error) {
    rt.logger.warn(`hook ${name} threw`, {
      jobId: record.job.jobId,
      error: error instanceof Error ? error.message : String(error)
    });
  }
}
async function announceCreated(rt, record) {
  if (!await rt.leases.claimOnce(keys.once(record.job.jobId, 0, "created"))) return;
  rt.metrics.inc("sora_jobs_created_total");
  rt.logger.info("job created", {
    jobId: record.job.jobId,
    model: record.job.model,
    provider: record.job.provider
  });
  await callHook(rt, "onJobCreated", record);
}
async function settleOnce(rt, record, outcome) {
  const { jobId, attempts } = record.job;
  if (!record.reservation || !rt.admission) return;
  if (!await rt.leases.claimOnce(keys.once(jobId, attempts, "settled"))) return;
  try {
    await rt.admission.settle(record.reservation, outcome);
  } catch (error) {
    rt.logger.warn("admission settle failed", {
      jobId,
      error: error instanceof Error ? error.message : String(error)
    });
  }
}
async function announceTerminal(rt, record) {
  const { jobId, status, attempts } = record.job;
  if (status !== "completed" && status !== "failed") return;
  await rt.repo.deactivate(jobId);
  if (!await rt.leases.claimOnce(keys.once(jobId, attempts, status))) return;
  await settleOnce(rt, record, status);
  if (status === "completed") {
    rt.metrics.inc("sora_jobs_completed_total");
    rt.logger.info("job completed", { jobId, attempts });
    await callHook(rt, "onJobCompleted", record);
  } else {
    rt.metrics.inc("sora_jobs_failed_total", { code: record.job.error?.code ?? "internal" });
    rt.logger.info("job failed", { jobId, attempts, code: record.job.error?.code });
    await callHook(rt, "onJobFailed", record);
  }
}

// src/jobs/transitions.ts
function clampProgress(progress) {
  if (progress === void 0 || !Number.isFinite(progress)) return 0;
  return Math.max(0, Math.min(99, Math.floor(progress)));
}
function decideRefresh(record, video, nowMs) {
  if (video.status === "failed") {
    return {
      type: "fail",
      error: video.error ?? {
        code: "upstream_failed",
        message: "The provider could not make this video.",
        retryable: true
      }
    };
  }
  if (video.status === "completed") {
    if (video.expiresAt !== void 0 && video.expiresAt <= nowMs) {
      return { type: "fail", error: expiredError() };
    }
    return { type: "copy" };
  }
  const progress = Math.max(record.job.progress, clampProgress(video.progress));
  return { type: "progress", status: video.status, progress };
}
function expiredError() {
  return {
    code: "expired",
    message: "The provider's copy expired before it could be saved.",
    retryable: true
  };
}
function timeoutError() {
  return { code: "timeout", message: "The video did not finish in time.", retryable: true };
}
function upstreamFailedError() {
  return {
    code: "upstream_failed",
    message: "The video provider kept failing; the video may still be generating. Retry to check again.",
    retryable: true
  };
}
function withProgress(record, status, progress, nowIso) {
  if (record.job.status === status && record.job.progress === progress) return record;
  return { ...record, job: { ...record.job, status, progress, updatedAt: nowIso } };
}
function failed(record, error, nowIso) {
  const { creatingSince: _creating, ...rest } = record;
  return { ...rest, job: { ...record.job, status: "failed", error, updatedAt: nowIso } };
}
function completed(record, asset, nowIso) {
  const { error: _error, ...job } = record.job;
  return {
    ...record,
    job: { ...job, status: "completed", progress: 100, asset, completedAt: nowIso, updatedAt: nowIso },
    poll: { ...record.poll, failures: 0 }
  };
}
function retried(record, nowMs, nowIso) {
  const { error: _error, asset: _asset, completedAt: _done, ...job } = record.job;
  const { providerVideoId: _pv, ...rest } = record;
  return {
    ...rest,
    job: { ...job, status: "queued", progress: 0, attempts: record.job.attempts + 1, updatedAt: nowIso },
    attemptStartedAt: nowMs,
    creatingSince: nowMs,
    poll: { nextAt: nowMs, failures: 0 }
  };
}
function afterUpstreamFailure(record, budget) {
  const failures = record.poll.failures + 1;
  return failures >= budget ? { type: "fail", error: upstreamFailedError() } : { type: "backoff", failures };
}
function providerIdempotencyKey(record) {
  return `${record.keyBase ?? `sora-kit-${record.job.jobId}`}-${record.job.attempts}`;
}

// src/jobs/complete.ts
var OPTIONAL_COPY_RETRIES = 2;
async function copyAndComplete(rt, record, token, video, helpers2) {
  const jobId = record.job.jobId;
  const leaseKey = keys.lease(jobId);
  const controller = new AbortController();
  const renewal = setInterval(
    () => {
      rt.leases.renew(leaseKey, token, rt.polling.leaseMs).then(
        (held) => {
          if (!held) controller.abort();
        },
        () => {
        }
      );
    },
    Math.max(1e3, Math.floor(rt.polling.leaseMs / 3))
  );
  try {
    const provider = rt.providers.get(record.job.provider) ?? rt.provider;
    const { variants } = await rt.providers.capabilitiesOf(provider);
    rt.metrics.inc("sora_upstream_calls_total", { operation: "download" });
    const asset = await copyAssets({
      provider,
      blobs: rt.blobs,
      providerVideoId: record.providerVideoId ?? video.id,
      jobId,
      variants,
      signal: controller.signal,
      expiresAt: video.expiresAt,
      now: rt.now,
      retry: rt.copyRetry
    });
    const missing = variants.filter((variant) => !asset.variants.includes(variant));
    if (missing.length > 0 && (record.poll.optionalRetries ?? 0) < OPTIONAL_COPY_RETRIES && record.poll.failures + 1 < rt.polling.failureBudget) {
      const poll = { ...record.poll, optionalRetries: (record.poll.optionalRetries ?? 0) + 1 };
      await helpers2.onUpstreamError({ ...record, poll }, new Error(`could not copy ${missing.join(", ")}`));
      return;
    }
    const current = await rt.repo.get(jobId);
    if (!current) {
      await Promise.all(jobBlobKeys(jobId).map((key) => rt.blobs.delete(key).catch(() => {
      })));
      return;
    }
    if (current.job.status !== record.job.status || current.job.attempts !== record.job.attempts) return;
    const saved = await rt.repo.save(completed(current, asset, rt.now().toISOString()));
    await rt.feed.publish(saved.owner, jobId, "job");
    await announceTerminal(rt, saved);
  } catch (error) {
    rt.metrics.inc("sora_upstream_errors_total", { operation: "download" });
    if (error instanceof AssetExpiredError) {
      await helpers2.fail(record, expiredError());
    } else if (error instanceof InvalidMediaError || error instanceof MissingVariantError) {
      await helpers2.fail(record, {
        code: "upstream_failed",
        message: "The provider sent a file that is not a playable video.",
        retryable: true
      });
    } else {
      await helpers2.onUpstreamError(record, error);
    }
  } finally {
    clearInterval(renewal);
  }
}

// src/jobs/poll-delay.ts
function nextPollDelay(input) {
  const { elapsedMs, progress, minDelayMs, maxDelayMs } = input;
  const span = Math.max(0, maxDelayMs - minDelayMs);
  let delay;
  if ((input.failures ?? 0) > 0) {
    delay = Math.min(maxDelayMs, minDelayMs * 2 ** Math.min(20, input.failures ?? 0));
  } else if (progress !== void 0 && progress >= 90) {
    delay = minDelayMs;
  } else {
    const middle = progress === void 0 ? 1 : 1 - Math.abs(progress - 45) / 45;
    const ramp = Math.min(1, Math.max(0, elapsedMs) / 6e4);
    delay = minDelayMs + span * Math.max(0, middle) * ramp;
  }
  if (input.safetyNetDelayMs !== void 0) delay = Math.max(delay, input.safetyNetDelayMs);
  if (input.retryAfterMs !== void 0) delay = Math.max(delay, input.retryAfterMs);
  return Math.round(delay);
}

// src/jobs/lifecycle.ts
function createLifecycle(rt) {
  const inFlight = /* @__PURE__ */ new Set();
  const nowMs = () => rt.now().getTime();
  const nowIso = () => rt.now().toISOString();
  const createGraceMs = () => Math.min(rt.polling.leaseMs, 3e4);
  async function persist(record, previous) {
    const saved = await rt.repo.save(record);
    if (!previous || previous.job !== record.job)
      await rt.feed.publish(record.owner, record.job.jobId, "job");
    return saved;
  }
  function delayFor(record, extra = {}) {
    return nextPollDelay({
      elapsedMs: nowMs() - record.attemptStartedAt,
      progress: record.job.progress,
      minDelayMs: rt.polling.minDelayMs,
      maxDelayMs: rt.polling.maxDelayMs,
      safetyNetDelayMs: rt.polling.webhooks ? rt.polling.safetyNetDelayMs : void 0,
      ...extra
    });
  }
  async function fail2(record, error) {
    const saved = await persist(failed(record, error, nowIso()), record);
    await announceTerminal(rt, saved);
    return saved;
  }
  async function loadReference(record) {
    if (!record.job.hasReference) return void 0;
    const blob = await rt.blobs.get(blobKey(record.job.jobId, "reference"));
    if (!blob)
      throw new ProviderError("rejected", "The reference image is missing", { code: "invalid_reference" });
    const bytes = new Uint8Array(await new Response(blob.body).arrayBuffer());
    const contentType = blob.info.contentType;
    const extension = contentType.split("/")[1] ?? "png";
    return { bytes, contentType, filename: `reference.${extension === "jpeg" ? "jpg" : extension}` };
  }
  async function callProvider(record, reference) {
    const provider = rt.providers.get(record.job.provider);
    if (!provider)
      throw new ProviderError("rejected", `provider ${record.job.provider} is no longer configured`);
    const idempotencyKey = providerIdempotencyKey(record);
    const { prompt, model, size, seconds: seconds2 } = record.job;
    const operation = record.remixSource ? "remix" : "create";
    rt.metrics.inc("sora_upstream_calls_total", { operation });
    try {
      if (record.remixSource) {
        if (!provider.remix) throw new ProviderError("rejected", "This provider cannot remix videos");
        return await provider.remix(record.remixSource, { prompt, idempotencyKey });
      }
      const input = {
        prompt,
        model,
        size,
        seconds: seconds2,
        idempotencyKey,
        reference: reference ?? await loadReference(record)
      };
      return await provider.create(input);
    } catch (error) {
      rt.metrics.inc("sora_upstream_errors_total", { operation });
      throw error;
    }
  }
  async function applyVideo(record, video) {
    const decision = decideRefresh(record, video, nowMs());
    if (decision.type === "fail") return fail2(record, decision.error);
    if (decision.type === "copy") {
      return persist({ ...record, poll: { ...record.poll, nextAt: nowMs() } }, record);
    }
    const next = withProgress(record, decision.status, decision.progress, nowIso());
    return persist(
      { ...next, poll: { ...next.poll, nextAt: nowMs() + delayFor(next), failures: 0 } },
      record
    );
  }
  async function startAttempt(record, reference) {
    const video = await callProvider(record, reference);
    await rt.storage.setItem(keys.providerVideo(await sha256Hex(video.id)), record.job.jobId);
    const { creatingSince: _sent, ...rest } = record;
    const current = await rt.repo.get(record.job.jobId) ?? record;
    return applyVideo({ ...rest, rev: current.rev, providerVideoId: video.id }, video);
  }
  async function onUpstreamError(record, error) {
    const message2 = error instanceof Error ? error.message : String(error);
    rt.logger.warn("upstream refresh failed", { jobId: record.job.jobId, error: message2 });
    if (error instanceof ProviderError && error.kind === "not_found" && record.providerVideoId) {
      await fail2(record, {
        code: "upstream_failed",
        message: "The provider no longer knows this video.",
        retryable: true
      });
      return;
    }
    if (error instanceof ProviderError && error.kind === "rejected" && !record.providerVideoId) {
      const code = error.code === "moderation_blocked" || error.code === "invalid_reference" ? error.code : "upstream_failed";
      await fail2(record, {
        code,
        message: "The provider refused this video.",
        retryable: code === "upstream_failed"
      });
      return;
    }
    const verdict = afterUpstreamFailure(record, rt.polling.failureBudget);
    if (verdict.type === "fail") {
      await fail2(record, verdict.error);
      return;
    }
    const retryAfterMs2 = error instanceof ProviderError ? error.retryAfterMs : void 0;
    const delay = delayFor(record, { failures: verdict.failures, retryAfterMs: retryAfterMs2 });
    await persist(
      { ...record, poll: { ...record.poll, nextAt: nowMs() + delay, failures: verdict.failures } },
      record
    );
  }
  async function refreshHeld(jobId, token, force) {
    const record = await rt.repo.get(jobId);
    if (!record || isTerminal(record.job.status)) {
      if (record) await announceTerminal(rt, record);
      else await rt.repo.deactivate(jobId);
      return;
    }
    if (!force && record.poll.nextAt > nowMs()) return;
    const provider = rt.providers.get(record.job.provider);
    if (!provider) {
      await fail2(record, retiredProviderError(record.job.provider));
      return;
    }
    if (nowMs() - record.attemptStartedAt > rt.polling.deadlineMs) {
      await fail2(record, timeoutError());
      return;
    }
    if (!record.providerVideoId) {
      if (record.creatingSince !== void 0 && nowMs() - record.creatingSince < createGraceMs()) return;
      const resending = await persist({ ...record, creatingSince: nowMs() }, record);
      await startAttempt(resending).catch((error) => onUpstreamError(resending, error));
      return;
    }
    let video;
    rt.metrics.inc("sora_upstream_calls_total", { operation: "retrieve" });
    try {
      video = await provider.retrieve(record.providerVideoId, { startedAt: record.attemptStartedAt });
    } catch (error) {
      rt.metrics.inc("sora_upstream_errors_total", { operation: "retrieve" });
      await onUpstreamError(record, error);
      return;
    }
    const applied = await applyVideo(record, video);
    if (decideRefresh(record, video, nowMs()).type === "copy") {
      await copyAndComplete(rt, applied, token, video, { fail: fail2, onUpstreamError });
    }
  }
  async function refresh(jobId, options = {}) {
    if (inFlight.has(jobId)) return;
    inFlight.add(jobId);
    try {
      const leaseKey = keys.lease(jobId);
      const token = await rt.leases.acquire(leaseKey, rt.polling.leaseMs);
      if (!token) return;
      try {
        await refreshHeld(jobId, token, options.force === true);
      } finally {
        await rt.leases.release(leaseKey, token);
      }
    } catch (error) {
      rt.logger.error("refresh failed", {
        jobId,
        error: error instanceof Error ? error.message : String(error)
      });
    } finally {
      inFlight.delete(jobId);
    }
  }
  return { persist, fail: fail2, startAttempt, refresh, inFlight: () => inFlight.size };
}

// src/jobs/metrics.ts
var help = {
  sora_jobs_created_total: "Jobs created.",
  sora_jobs_completed_total: "Jobs completed (our copy stored).",
  sora_jobs_failed_total: "Jobs failed, by error code.",
  sora_upstream_calls_total: "Calls to the video provider, by operation.",
  sora_upstream_errors_total: "Failed calls to the video provider, by operation."
};
function labelText(labels) {
  if (!labels || Object.keys(labels).length === 0) return "";
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, "_")}"`);
  return `{${parts.join(",")}}`;
}
function createMetrics() {
  const counters = /* @__PURE__ */ new Map();
  for (const name of Object.keys(help)) counters.set(name, /* @__PURE__ */ new Map());
  return {
    /** Adds one to a counter. */
    inc(name, labels) {
      const series = counters.get(name) ?? /* @__PURE__ */ new Map();
      counters.set(name, series);
      const key = labelText(labels);
      series.set(key, (series.get(key) ?? 0) + 1);
    },
    /** The value of one series (tests and figures). */
    value(name, labels) {
      return counters.get(name)?.get(labelText(labels)) ?? 0;
    },
    /** Sum over every series of a counter. */
    total(name) {
      let sum = 0;
      for (const v of counters.get(name)?.values() ?? []) sum += v;
      return sum;
    },
    /** Prometheus text exposition format. */
    render() {
      const lines = [];
      for (const [name, series] of counters) {
        lines.push(`# HELP ${name} ${help[name] ?? name}`, `# TYPE ${name} counter`);
        if (series.size === 0) lines.push(`${name} 0`);
        for (const [labels, value] of series) lines.push(`${name}${labels} ${value}`);
      }
      return `${lines.join("\n")}
`;
    }
  };
}

// src/jobs/poller.ts
import { isTerminal as isTerminal2 } from "@sora-kit/core";
async function eachLimited(items, limit, work) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  });
  await Promise.all(lanes);
}
function createPoller(rt, lifecycle) {
  let timer;
  let running = false;
  let pass;
  async function pollOnce() {
    const ids = await rt.repo.listActive();
    const now = rt.now().getTime();
    const due2 = [];
    await eachLimited(ids, 16, async (jobId) => {
      const record = await rt.repo.get(jobId);
      if (!record || isTerminal2(record.job.status) || record.poll.nextAt <= now) due2.push(jobId);
    });
    await eachLimited(due2, rt.polling.concurrency, (jobId) => lifecycle.refresh(jobId));
    return due2.length;
  }
  function schedule() {
    if (timer || !running) return;
    timer = setTimeout(() => {
      timer = void 0;
      pass = pollOnce().catch((error) => {
        rt.logger.error("polling pass failed", {
          error: error instanceof Error ? error.message : String(error)
        });
        return 0;
      });
      void pass.then(() => {
        pass = void 0;
        schedule();
      });
    }, rt.polling.tickMs);
  }
  return {
    pollOnce,
    /** Starts the loop (idempotent). */
    start() {
      if (running) return;
      running = true;
      if (!pass) schedule();
    },
    /** Stops the loop; a pass in progress finishes on its own. */
    stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = void 0;
    },
    /** Stops the loop and waits for a pass in progress. */
    async close() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = void 0;
      await pass;
    },
    isRunning: () => running
  };
}

// src/jobs/repository.ts
function asList(value) {
  return Array.isArray(value) ? value : [];
}
function isHead(value) {
  return typeof value === "object" && value !== null && Number.isInteger(value.chunk);
}
function isRecord(value) {
  return typeof value === "object" && value !== null && typeof value.job?.jobId === "string";
}
function encodeCursor(chunk, position) {
  return btoa(`${chunk}.${position}`).replace(/=+$/, "");
}
function decodeCursor(cursor) {
  try {
    const match = /^(\d{1,9})\.(\d{1,4})$/.exec(atob(cursor));
    return match ? { chunk: Number(match[1]), position: Number(match[2]) } : void 0;
  } catch {
    return void 0;
  }
}
function createRepository(storage, leases) {
  async function get(jobId) {
    if (!isJobIdShape(jobId)) return null;
    const value = await storage.getItem(keys.job(jobId));
    return isRecord(value) ? value : null;
  }
  async function getOwned(jobId, owner) {
    const record = await get(jobId);
    return record && record.owner === owner ? record : null;
  }
  async function save(record) {
    const next = { ...record, rev: record.rev + 1 };
    const key = keys.job(record.job.jobId);
    if (!await storage.hasItem(key)) return next;
    await storage.setItem(key, next);
    return next;
  }
  async function appendToIndex(owner, jobId) {
    return leases.withLock(keys.lock(`index:${owner}`), async () => {
      const stored = await storage.getItem(keys.indexHead(owner));
      const head = isHead(stored) ? stored : { chunk: 0, size: 0 };
      const chunk = head.size >= CHUNK ? head.chunk + 1 : head.chunk;
      const ids = chunk === head.chunk ? asList(await storage.getItem(keys.indexChunk(owner, chunk))) : [];
      ids.push(jobId);
      await storage.setItem(keys.indexChunk(owner, chunk), ids);
      await storage.setItem(keys.indexHead(owner), { chunk, size: ids.length });
      return chunk;
    });
  }
  async function updateActive(change) {
    await leases.withLock(keys.lock("active"), async () => {
      const ids = new Set(asList(await storage.getItem(keys.active())));
      const before = ids.size;
      change(ids);
      if (ids.size !== before) await storage.setItem(keys.active(), [...ids]);
    });
  }
  async function insert(record) {
    const draft = { ...record, indexChunk: -1, rev: 0 };
    await storage.setItem(keys.job(record.job.jobId), draft);
    await updateActive((ids) => ids.add(record.job.jobId));
    const indexChunk = await appendToIndex(record.owner, record.job.jobId);
    return save({ ...draft, indexChunk });
  }
  async function remove(record) {
    const { owner, indexChunk } = record;
    const jobId = record.job.jobId;
    await leases.withLock(keys.lock(`index:${owner}`), async () => {
      const ids = asList(await storage.getItem(keys.indexChunk(owner, indexChunk)));
      const at = ids.indexOf(jobId);
      if (at >= 0) {
        ids[at] = null;
        await storage.setItem(keys.indexChunk(owner, indexChunk), ids);
      }
    });
    await updateActive((ids) => ids.delete(jobId));
    await storage.removeItem(keys.job(jobId));
  }
  async function collectIds(owner, limit, cursor) {
    const head = await storage.getItem(keys.indexHead(owner));
    const found = [];
    if (!isHead(head)) return found;
    let chunk = cursor?.chunk ?? head.chunk;
    let end = cursor?.position ?? Number.POSITIVE_INFINITY;
    while (chunk >= 0 && found.length <= limit) {
      const ids = asList(await storage.getItem(keys.indexChunk(owner, chunk)));
      for (let i = Math.min(end, ids.length) - 1; i >= 0 && found.length <= limit; i--) {
        const id = ids[i];
        if (id) found.push({ id, chunk, position: i });
      }
      chunk -= 1;
      end = Number.POSITIVE_INFINITY;
    }
    return found;
  }
  async function listPage2(owner, limit, cursor) {
    const found = await collectIds(owner, limit, cursor);
    const page = found.slice(0, limit);
    const last = page[page.length - 1];
    const records = (await Promise.all(page.map((entry) => get(entry.id)))).filter(
      (r) => r !== null && r.owner === owner
    );
    const nextCursor = found.length > limit && last ? encodeCursor(last.chunk, last.position) : null;
    return { records, nextCursor };
  }
  return {
    get,
    getOwned,
    save,
    insert,
    remove,
    listPage: listPage2,
    /** Ids of unfinished jobs. */
    listActive: async () => asList(await storage.getItem(keys.active())),
    /** Marks a job active again (a retry). */
    activate: (jobId) => updateActive((ids) => ids.add(jobId)),
    /** Drops a finished job from the active set. */
    deactivate: (jobId) => updateActive((ids) => ids.delete(jobId))
  };
}

// src/limits/resolve.ts
function isAdmissionControl(value) {
  const v = value;
  return typeof v === "object" && v !== null && typeof v.admit === "function" && typeof v.settle === "function";
}
function priceTable(capabilities, hostPrices) {
  let table;
  return () => {
    table ??= capabilities().then(
      (caps) => mergePrices(DEFAULT_PRICES, pricesFromCapabilities(caps.models), hostPrices),
      () => {
        table = void 0;
        return mergePrices(DEFAULT_PRICES, hostPrices);
      }
    );
    return table;
  };
}
function admissionFor(setup) {
  if (isAdmissionControl(setup.limits)) return setup.limits;
  if (setup.limits === false && setup.quotas === false) return void 0;
  const limits = setup.limits === false ? { storage: setup.storage, rateLimit: false, activeJobs: false, globalActiveJobs: false } : { storage: setup.storage, ...setup.limits };
  return createAdmissionControl({
    ...limits,
    now: setup.now,
    quotas: setup.quotas,
    prices: priceTable(setup.capabilities, setup.prices)
  });
}

// src/options.ts
import { DEFAULT_MAX_PROMPT_CHARS, DEFAULT_MAX_REFERENCE_BYTES } from "@sora-kit/core";
function resolvePolling(options) {
  const p = options.polling ?? {};
  return {
    minDelayMs: p.minDelayMs ?? 1e3,
    maxDelayMs: p.maxDelayMs ?? 15e3,
    failureBudget: p.failureBudget ?? 8,
    deadlineMs: p.deadlineMs ?? 30 * 6e4,
    leaseMs: p.leaseMs ?? 6e4,
    tickMs: p.tickMs ?? 500,
    leaseSettleMs: p.leaseSettleMs ?? 15,
    concurrency: p.concurrency ?? 8,
    webhooks: options.webhooks?.enabled ?? false,
    safetyNetDelayMs: options.webhooks?.safetyNetDelayMs ?? 6e4
  };
}
function resolveLimits(options) {
  return {
    maxPromptChars: options.maxPromptChars ?? DEFAULT_MAX_PROMPT_CHARS,
    maxReferenceBytes: options.maxReferenceBytes ?? DEFAULT_MAX_REFERENCE_BYTES,
    maxJsonBytes: options.maxJsonBytes ?? 64 * 1024,
    mediaLinkTtlSeconds: options.mediaLinkTtlSeconds ?? 900
  };
}
function assertOptions(options) {
  if (!options || typeof options !== "object") throw new TypeError("createSoraHandler: options are required");
  configuredProviders(options);
  if (typeof options.secret !== "string" || options.secret.length < 32) {
    throw new TypeError(
      "createSoraHandler: `secret` must be a string of at least 32 characters (e.g. `openssl rand -base64 32`)"
    );
  }
}

// src/routes/events.ts
import { isTerminal as isTerminal3 } from "@sora-kit/core";
import { Hono as Hono2 } from "hono";
import { streamSSE } from "hono/streaming";
var CHECK_MS = 1e3;
var HEARTBEAT_MS = 15e3;
var SNAPSHOT_SIZE = 50;
function nextWake(rt, topic, signal) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, CHECK_MS);
    const unsubscribe = rt.notifier.subscribe(topic, done);
    signal.addEventListener("abort", done, { once: true });
  });
}
function openStream(c, rt, body) {
  c.header("X-Accel-Buffering", "no");
  return streamSSE(c, async (stream) => {
    const controller = new AbortController();
    const stop = () => controller.abort();
    stream.onAbort(stop);
    c.req.raw.signal?.addEventListener("abort", stop, { once: true });
    const heartbeat = setInterval(() => {
      stream.write(": heartbeat\n\n").catch(stop);
    }, HEARTBEAT_MS);
    try {
      await body(stream, controller.signal);
    } catch (error) {
      if (!controller.signal.aborted) {
        rt.logger.warn("event stream ended by an error", {
          error: error instanceof Error ? error.message : String(error)
        });
      }
    } finally {
      clearInterval(heartbeat);
      c.req.raw.signal?.removeEventListener("abort", stop);
    }
  });
}
function due(rt, record) {
  return !rt.isPolling() && !isTerminal3(record.job.status) && record.poll.nextAt <= rt.now().getTime();
}
function parseLastEventId(c) {
  const raw = c.req.header("last-event-id");
  return raw !== void 0 && /^\d{1,15}$/.test(raw) ? Number(raw) : void 0;
}
function latestPerJob(entries) {
  const last = /* @__PURE__ */ new Map();
  for (const entry of entries) {
    last.delete(entry.jobId);
    last.set(entry.jobId, entry);
  }
  return [...last.values()];
}
function createEventRoutes(rt, lifecycle) {
  const app = new Hono2();
  app.get("/videos/:jobId/events", async (c) => {
    const jobId = c.req.param("jobId");
    const owner = c.get("owner");
    if (!await rt.repo.getOwned(jobId, owner)) throw jobNotFound();
    const resumeFrom = parseLastEventId(c);
    return openStream(c, rt, async (stream, signal) => {
      let sent = "";
      let first = true;
      while (!signal.aborted) {
        let record = await rt.repo.getOwned(jobId, owner);
        if (record && due(rt, record)) {
          await lifecycle.refresh(jobId);
          record = await rt.repo.getOwned(jobId, owner);
        }
        if (!record) {
          await stream.writeSSE({ event: "deleted", data: JSON.stringify({ jobId }) });
          return;
        }
        const data = JSON.stringify(record.job);
        const alreadyHeld = first && resumeFrom !== void 0 && record.rev <= resumeFrom;
        if (data !== sent && !alreadyHeld)
          await stream.writeSSE({ event: "job", id: String(record.rev), data });
        sent = data;
        first = false;
        if (isTerminal3(record.job.status)) return;
        await nextWake(rt, jobId, signal);
      }
    });
  });
  app.get("/events", async (c) => {
    const owner = c.get("owner");
    const resumeFrom = parseLastEventId(c);
    return openStream(c, rt, async (stream, signal) => {
      const watching = /* @__PURE__ */ new Set();
      const sendJob = async (record, id) => {
        if (!isTerminal3(record.job.status)) watching.add(record.job.jobId);
        else watching.delete(record.job.jobId);
        await stream.writeSSE({ event: "job", id: String(id), data: JSON.stringify(record.job) });
      };
      const sendEntries = async (entries) => {
        for (const entry of latestPerJob(entries)) {
          const record = entry.kind === "deleted" ? null : await rt.repo.getOwned(entry.jobId, owner);
          if (record) await sendJob(record, entry.seq);
          else {
            watching.delete(entry.jobId);
            await stream.writeSSE({
              event: "deleted",
              id: String(entry.seq),
              data: JSON.stringify({ jobId: entry.jobId })
            });
          }
        }
      };
      const sendSnapshot = async (seq) => {
        const page = await rt.repo.listPage(owner, SNAPSHOT_SIZE);
        for (const record of [...page.records].reverse()) await sendJob(record, seq);
      };
      let feed = await rt.feed.read(owner);
      const oldest = feed.entries[0]?.seq ?? feed.seq + 1;
      if (resumeFrom !== void 0 && resumeFrom <= feed.seq && resumeFrom >= oldest - 1) {
        await sendEntries(feed.entries.filter((e) => e.seq > resumeFrom));
      } else {
        await sendSnapshot(feed.seq);
      }
      if (c.get("soraSessionIssued")) return;
      let cursor = feed.seq;
      while (!signal.aborted) {
        await nextWake(rt, owner, signal);
        if (signal.aborted) return;
        await Promise.all(
          [...watching].map(async (jobId) => {
            const record = await rt.repo.get(jobId);
            if (record && due(rt, record)) await lifecycle.refresh(jobId);
          })
        );
        feed = await rt.feed.read(owner);
        if (feed.seq === cursor) continue;
        const firstKept = feed.entries[0]?.seq ?? feed.seq;
        if (feed.seq < cursor || firstKept > cursor + 1) await sendSnapshot(feed.seq);
        else await sendEntries(feed.entries.filter((e) => e.seq > cursor));
        cursor = feed.seq;
      }
    });
  });
  return app;
}

// src/routes/meta.ts
import { Hono as Hono4 } from "hono";

// src/routes/videos.ts
import { isTerminal as isTerminal4 } from "@sora-kit/core";
import { listQueryShape, remixVideoShape, validate, validateCreateVideo } from "@sora-kit/core/validation";
import { Hono as Hono3 } from "hono";

// src/jobs/create.ts
function refusalAsJobError(error) {
  if (!(error instanceof ProviderError) || error.kind !== "rejected") return void 0;
  if (error.code === "moderation_blocked") {
    return {
      code: "moderation_blocked",
      message: "The provider refused this prompt or image.",
      retryable: false
    };
  }
  if (error.code === "invalid_reference") {
    return {
      code: "invalid_reference",
      message: "The provider could not use this reference image.",
      retryable: false
    };
  }
  return void 0;
}
function refusalAsHttpError(error) {
  if (!(error instanceof ProviderError)) return error;
  if (error.kind === "rejected") {
    return new HttpError(400, "invalid_request", "The video provider refused this request.");
  }
  return upstreamHttpError(error);
}
async function settleFailed(rt, reservation) {
  if (reservation && rt.admission) await rt.admission.settle(reservation, "failed").catch(() => {
  });
}
function newJob(rt, jobId, request) {
  const at = rt.now().toISOString();
  const job = {
    jobId,
    status: "queued",
    progress: 0,
    prompt: request.input.prompt,
    model: request.input.model,
    size: request.input.size,
    seconds: request.input.seconds,
    provider: request.provider,
    hasReference: request.reference !== void 0,
    attempts: 1,
    createdAt: at,
    updatedAt: at
  };
  if (request.remixOf) job.remixOf = request.remixOf;
  return job;
}
async function createJob(rt, lifecycle, request) {
  const jobId = rt.id();
  const nowMs = rt.now().getTime();
  if (request.reference) {
    const bytes = request.reference.bytes;
    const body = new Blob([bytes]).stream();
    await rt.blobs.put(blobKey(jobId, "reference"), body, { contentType: request.reference.contentType });
  }
  const provider = request.provider ?? (await rt.providers.forModel(request.input.model)).name;
  const record = await rt.repo.insert({
    job: newJob(rt, jobId, { ...request, provider }),
    identity: request.identity.id,
    owner: request.owner,
    attemptStartedAt: nowMs,
    creatingSince: nowMs,
    poll: { nextAt: nowMs, failures: 0 },
    ...request.remixSource ? { remixSource: request.remixSource } : {},
    ...request.reservation ? { reservation: request.reservation } : {},
    ...request.keyBase ? { keyBase: request.keyBase } : {}
  });
  try {
    const started = await lifecycle.startAttempt(record, request.reference);
    await rt.feed.publish(request.owner, jobId, "job");
    await announceCreated(rt, started);
    return await rt.repo.get(jobId) ?? started;
  } catch (error) {
    const kept = refusalAsJobError(error);
    if (kept) {
      await announceCreated(rt, record);
      return lifecycle.fail(record, kept);
    }
    rt.logger.warn("create refused upstream", {
      jobId,
      error: error instanceof Error ? error.message : String(error)
    });
    await rt.repo.remove(record);
    await rt.blobs.delete(blobKey(jobId, "reference")).catch(() => {
    });
    await settleFailed(rt, request.reservation);
    throw refusalAsHttpError(error);
  }
}
async function retryJob(rt, lifecycle, record, reservation) {
  if (record.job.status !== "failed") {
    throw new HttpError(409, "conflict", "Only a failed video can be retried.");
  }
  const nowMs = rt.now().getTime();
  const next = retried(record, nowMs, rt.now().toISOString());
  if (reservation) next.reservation = reservation;
  const saved = await lifecycle.persist(next, record);
  await rt.repo.activate(record.job.jobId);
  try {
    await lifecycle.startAttempt(saved);
    return await rt.repo.get(record.job.jobId) ?? saved;
  } catch (error) {
    const kept = refusalAsJobError(error);
    if (kept) return lifecycle.fail(saved, kept);
    const current = await rt.repo.get(record.job.jobId) ?? saved;
    await lifecycle.persist({ ...record, rev: current.rev }, current);
    await rt.repo.deactivate(record.job.jobId);
    await settleFailed(rt, reservation);
    throw refusalAsHttpError(error);
  }
}

// src/jobs/idempotency.ts
var IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1e3;
async function idempotencyStorageKey(owner, clientKey) {
  return keys.idempotency(owner, await sha256Hex(clientKey));
}
async function recallIdempotent(storage, key, nowMs) {
  const value = await storage.getItem(key);
  return value && typeof value.jobId === "string" && value.expiresAt > nowMs ? value.jobId : null;
}
async function rememberIdempotent(storage, key, jobId, nowMs) {
  await storage.setItem(key, { jobId, expiresAt: nowMs + IDEMPOTENCY_TTL_MS }, {
    ttl: IDEMPOTENCY_TTL_MS / 1e3
  });
}
function isValidIdempotencyKey(value) {
  return value.length >= 1 && value.length <= 255 && /^[\x21-\x7e]+$/.test(value);
}

// src/routes/create-body.ts
function tooLarge(what, limit) {
  return new HttpError(413, "payload_too_large", `The ${what} is larger than ${limit} bytes.`);
}
async function readLimited(request, limit, what) {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(what, limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const parts = [];
  let total = 0;
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {
      });
      throw tooLarge(what, limit);
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}
async function readJsonObject(c, maxBytes) {
  const bytes = await readLimited(c.req.raw, maxBytes, "request body");
  let value;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new HttpError(400, "invalid_request", "The request body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new HttpError(400, "invalid_request", "The request body must be a JSON object.");
  }
  return value;
}
async function readMultipart(c, maxReferenceBytes) {
  const limit = maxReferenceBytes + 64 * 1024;
  const bytes = await readLimited(c.req.raw, limit, "reference image");
  let form;
  try {
    const copy = new Request(c.req.url, {
      method: "POST",
      headers: { "content-type": c.req.header("content-type") ?? "" },
      body: bytes
    });
    form = await copy.formData();
  } catch {
    throw new HttpError(400, "invalid_request", "The multipart body could not be read.");
  }
  const fields2 = {};
  let reference;
  for (const [name, value] of form.entries()) {
    if (name === "input_reference") {
      if (typeof value === "string") {
        throw new HttpError(400, "invalid_request", "input_reference must be an image file.", {
          details: [{ path: "input_reference", message: "input_reference must be an image file" }]
        });
      }
      reference = value;
    } else if (typeof value === "string") {
      fields2[name] = value;
    }
  }
  return reference ? { fields: fields2, reference } : { fields: fields2 };
}
async function readCreateBody(c, limits) {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) return readMultipart(c, limits.maxReferenceBytes);
  if (type === "" || type.startsWith("application/json") || type.includes("+json")) {
    return { fields: await readJsonObject(c, limits.maxJsonBytes) };
  }
  throw new HttpError(400, "invalid_request", "Send JSON (application/json) or multipart/form-data.");
}

// src/routes/videos.ts
async function capabilitiesOf(rt) {
  const { models } = await rt.capabilities();
  return {
    provider: rt.provider.name,
    models,
    limits: { maxPromptChars: rt.limits.maxPromptChars, maxReferenceBytes: rt.limits.maxReferenceBytes }
  };
}
function retiredConflict(record, what) {
  return new HttpError(
    409,
    "conflict",
    `This video's provider (${record.job.provider}) is no longer configured, so it cannot be ${what}.`
  );
}
function invalid(issues) {
  return new HttpError(400, "invalid_request", issues[0]?.message ?? "The request is not valid.", {
    details: issues
  });
}
function helpers(rt, lifecycle) {
  async function ownedJob(c) {
    const jobId = c.req.param("jobId") ?? "";
    const record = await rt.repo.getOwned(jobId, c.get("owner"));
    if (!record) throw jobNotFound();
    return record;
  }
  async function fresh(record) {
    if (rt.isPolling() || isTerminal4(record.job.status) || record.poll.nextAt > rt.now().getTime())
      return record;
    await lifecycle.refresh(record.job.jobId);
    return await rt.repo.get(record.job.jobId) ?? record;
  }
  async function admit(c, input) {
    if (!rt.admission) return void 0;
    const verdict = await rt.admission.admit({ identity: c.get("identity").id, ...input });
    if (verdict.ok) return verdict.reservation;
    throw new HttpError(429, verdict.code, verdict.message, { retryAfterSeconds: verdict.retryAfterSeconds });
  }
  async function beforeCreate(c, input) {
    const verdict = await rt.hooks.beforeCreate?.({ identity: c.get("identity"), input, request: c.req.raw });
    if (!verdict) return;
    if (verdict.status === 400) throw new HttpError(400, "invalid_request", verdict.refuse);
    throw new HttpError(403, "forbidden", verdict.refuse);
  }
  return { ownedJob, fresh, admit, beforeCreate };
}
async function readCreate(c, rt) {
  const body = await readCreateBody(c, rt.limits);
  const checked = validateCreateVideo(body.fields, await capabilitiesOf(rt));
  if (!checked.ok) throw invalid(checked.issues);
  let reference;
  if (body.reference) {
    const { prepareReference } = await import("./reference-74NDYGQ3.js");
    reference = await prepareReference(body.reference, checked.value.size, {
      maxBytes: rt.limits.maxReferenceBytes
    });
  }
  return { input: checked.value, reference };
}
function createVideoRoutes(rt, lifecycle) {
  const app = new Hono3();
  const { ownedJob, fresh, admit, beforeCreate } = helpers(rt, lifecycle);
  app.post("/videos", async (c) => {
    const clientKey = c.req.header("idempotency-key");
    if (clientKey !== void 0 && !isValidIdempotencyKey(clientKey)) {
      throw invalid([
        { path: "Idempotency-Key", message: "Idempotency-Key must be 1 to 255 printable characters" }
      ]);
    }
    const { input, reference } = await readCreate(c, rt);
    const owner = c.get("owner");
    const key = clientKey ? await idempotencyStorageKey(owner, clientKey) : void 0;
    const run = async () => {
      const earlier = key ? await recallIdempotent(rt.storage, key, rt.now().getTime()) : null;
      const existing = earlier ? await rt.repo.getOwned(earlier, owner) : null;
      if (existing) return existing;
      await beforeCreate(c, { ...input, hasReference: reference !== void 0 });
      const reservation = await admit(c, input);
      const record2 = await createJob(rt, lifecycle, {
        identity: c.get("identity"),
        owner,
        input,
        reference,
        reservation,
        // A repeat of a create whose answer was lost must be the same video upstream.
        keyBase: key ? `sora-kit-${(await sha256Hex(key)).slice(0, 40)}` : void 0
      });
      if (key) await rememberIdempotent(rt.storage, key, record2.job.jobId, rt.now().getTime());
      return record2;
    };
    const record = key ? await rt.leases.withLock(keys.lock(key), run, 12e4) : await run();
    return c.json(record.job, 202);
  });
  app.get("/videos", async (c) => {
    const query = validate(listQueryShape, c.req.query());
    if (!query.ok) throw invalid(query.issues);
    const cursor = query.value.cursor === void 0 ? void 0 : decodeCursor(query.value.cursor);
    if (query.value.cursor !== void 0 && !cursor)
      throw invalid([{ path: "cursor", message: "cursor is not valid" }]);
    const page = await rt.repo.listPage(c.get("owner"), query.value.limit ?? 20, cursor);
    const items = await Promise.all(page.records.map(fresh));
    c.header("Cache-Control", "no-store");
    return c.json({ items: items.map((r) => r.job), nextCursor: page.nextCursor });
  });
  app.get("/videos/:jobId", async (c) => {
    const record = await fresh(await ownedJob(c));
    c.header("Cache-Control", "no-store");
    return c.json(record.job);
  });
  app.get("/videos/:jobId/media", async (c) => {
    const record = await ownedJob(c);
    const variant = c.req.query("variant") ?? "video";
    if (!isVariant(variant)) {
      throw invalid([{ path: "variant", message: "variant must be one of: video, thumbnail, spritesheet" }]);
    }
    if (record.job.status !== "completed" || !record.job.asset) {
      throw new HttpError(409, "not_ready", "The video is not ready yet.");
    }
    if (!record.job.asset.variants.includes(variant)) {
      throw invalid([{ path: "variant", message: `this video has no ${variant}` }]);
    }
    const download = c.req.query("download");
    const url = new URL(c.req.url);
    const baseUrl = url.origin + url.pathname.slice(0, url.pathname.lastIndexOf("/videos/"));
    const link = await mediaUrlFor({
      baseUrl,
      jobId: record.job.jobId,
      variant,
      download: download === "1" || download === "true",
      signer: rt.signer,
      now: rt.now,
      ttlSeconds: rt.limits.mediaLinkTtlSeconds
    });
    c.header("Cache-Control", "no-store");
    return c.json(link);
  });
  app.post("/videos/:jobId/retry", async (c) => {
    const record = await ownedJob(c);
    if (record.job.status !== "failed")
      throw new HttpError(409, "conflict", "Only a failed video can be retried.");
    if (!rt.providers.get(record.job.provider)) throw retiredConflict(record, "retried");
    const { prompt, model, size, seconds: seconds2 } = record.job;
    const reservation = await admit(c, { prompt, model, size, seconds: seconds2 });
    const retriedRecord = await retryJob(rt, lifecycle, record, reservation);
    return c.json(retriedRecord.job, 202);
  });
  app.post("/videos/:jobId/remix", async (c) => {
    const source = await ownedJob(c);
    const body = validate(
      remixVideoShape(rt.limits.maxPromptChars),
      await readJsonObject(c, rt.limits.maxJsonBytes)
    );
    if (!body.ok) throw invalid(body.issues);
    if (source.job.status !== "completed" || !source.providerVideoId) {
      throw new HttpError(409, "conflict", "Only a completed video can be remixed.");
    }
    const provider = rt.providers.get(source.job.provider);
    if (!provider) throw retiredConflict(source, "remixed");
    if (!provider.remix) throw new HttpError(400, "invalid_request", "This provider cannot remix videos.");
    const { model, size, seconds: seconds2 } = source.job;
    const input = { prompt: body.value.prompt, model, size, seconds: seconds2 };
    await beforeCreate(c, { ...input, hasReference: false, remixOf: source.job.jobId });
    const reservation = await admit(c, input);
    const record = await createJob(rt, lifecycle, {
      identity: c.get("identity"),
      owner: c.get("owner"),
      input,
      remixOf: source.job.jobId,
      remixSource: source.providerVideoId,
      provider: provider.name,
      reservation
    });
    return c.json(record.job, 202);
  });
  app.delete("/videos/:jobId", async (c) => {
    const record = await ownedJob(c);
    const { jobId } = record.job;
    await rt.repo.remove(record);
    if (!isTerminal4(record.job.status)) await settleOnce(rt, record, "completed");
    await rt.feed.publish(record.owner, jobId, "deleted");
    await Promise.all(jobBlobKeys(jobId).map((key) => rt.blobs.delete(key)));
    if (record.providerVideoId) {
      await rt.storage.removeItem(keys.providerVideo(await sha256Hex(record.providerVideoId)));
    }
    const provider = rt.providers.get(record.job.provider);
    if (record.providerVideoId && provider?.delete) {
      await provider.delete(record.providerVideoId).catch((error) => {
        rt.logger.debug("provider delete failed (ignored)", { jobId, error: String(error) });
      });
    }
    return c.body(null, 204);
  });
  return app;
}

// src/routes/meta.ts
function sameText(a, b) {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
function createMetaRoutes(rt, metrics) {
  const app = new Hono4();
  app.get("/health", (c) => c.json({ ok: true }));
  app.get("/capabilities", async (c) => {
    c.header("Cache-Control", "private, max-age=60");
    return c.json(await capabilitiesOf(rt));
  });
  if (metrics !== false) {
    app.get("/metrics", (c) => {
      const token = metrics.token;
      if (token !== void 0 && !sameText(c.req.header("authorization") ?? "", `Bearer ${token}`)) {
        throw new HttpError(401, "unauthorized", "The metrics need a bearer token.");
      }
      return c.body(rt.metrics.render(), 200, { "Content-Type": "text/plain; version=0.0.4; charset=utf-8" });
    });
  }
  return app;
}

// src/routes/webhooks.ts
import { Hono as Hono5 } from "hono";
var REPLAY_WINDOW_MS = 24 * 60 * 60 * 1e3;
var MAX_WEBHOOK_BYTES = 256 * 1024;
function createWebhookRoutes(rt, lifecycle) {
  const app = new Hono5();
  app.post("/webhooks/:provider", async (c) => {
    const provider = rt.providers.get(c.req.param("provider"));
    const verify = provider?.verifyWebhook?.bind(provider);
    if (!verify) {
      throw new HttpError(404, "not_found", "No webhook endpoint for this provider.");
    }
    const raw = await c.req.text();
    if (raw.length > MAX_WEBHOOK_BYTES)
      throw new HttpError(413, "payload_too_large", "The webhook body is too large.");
    let event;
    try {
      event = await verify(raw, c.req.raw.headers);
    } catch (error) {
      if (error instanceof ProviderError && error.kind !== "invalid_webhook") throw error;
      throw new HttpError(400, "invalid_request", "The webhook signature or payload is not valid.");
    }
    const seenKey = keys.webhookEvent(await sha256Hex(event.eventId));
    const nowMs = rt.now().getTime();
    const seen = await rt.storage.getItem(seenKey);
    if (typeof seen === "number" && seen > nowMs) return c.json({ ok: true, duplicate: true });
    await rt.storage.setItem(seenKey, nowMs + REPLAY_WINDOW_MS, { ttl: REPLAY_WINDOW_MS / 1e3 });
    const jobId = await rt.storage.getItem(keys.providerVideo(await sha256Hex(event.videoId)));
    if (typeof jobId === "string") await lifecycle.refresh(jobId, { force: true });
    rt.logger.debug("webhook received", { type: event.type, known: typeof jobId === "string" });
    return c.json({ ok: true });
  });
  return app;
}

// src/security/body-limit.ts
import { bodyLimit } from "hono/body-limit";
var DEFAULT_JSON_BODY_BYTES = 64 * 1024;
var MULTIPART_OVERHEAD_BYTES = 64 * 1024;
function tooLarge2(maxBytes) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => c.json(
      { error: { code: "payload_too_large", message: `The request body is over ${maxBytes} bytes` } },
      413
    )
  });
}
function bodySizeLimit(options) {
  const json = tooLarge2(options.jsonBytes ?? DEFAULT_JSON_BODY_BYTES);
  const multipart = tooLarge2(options.maxReferenceBytes + MULTIPART_OVERHEAD_BYTES);
  return (c, next) => {
    const type = c.req.header("content-type")?.toLowerCase() ?? "";
    return type.startsWith("multipart/form-data") ? multipart(c, next) : json(c, next);
  };
}

// src/security/apply.ts
var MAX_WEBHOOK_BODY_BYTES = 256 * 1024;
function isWebhookRequest(c) {
  return /\/webhooks\/[^/]+\/?$/.test(c.req.path);
}
function applySecurity(app, options, deps) {
  if (options.cors) app.use("*", corsMiddleware(options.cors));
  const allowedOrigins = [
    ...options.allowedOrigins ?? [],
    ...options.cors ? corsOrigins(options.cors) : []
  ];
  app.use("*", crossSiteProtection({ allowedOrigins, exempt: isWebhookRequest }));
  const perClient = options.limits && !isAdmissionControl(options.limits) ? options.limits.perClient : void 0;
  if (perClient && deps) app.use("*", perClientLimit(perClient, deps.storage, deps.now));
  app.use("/webhooks/*", bodySizeLimit({ jsonBytes: MAX_WEBHOOK_BODY_BYTES, maxReferenceBytes: 0 }));
}

// src/handler.ts
function lazySigner(secret, now) {
  const signer = deriveSecret(secret, "media-links").then((key) => createMediaSigner({ secret: key, now }));
  return {
    sign: async (input) => (await signer).sign(input),
    verify: async (input) => (await signer).verify(input)
  };
}
function buildRuntime(options, isPolling) {
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const dataDir = options.dataDir ?? ".sora-kit";
  const storage = options.storage ?? defaultStorage(dataDir);
  const polling = resolvePolling(options);
  const leases = createLeases({ storage, now, settleMs: polling.leaseSettleMs });
  const notifier = createNotifier();
  const providers = createProviderRegistry(configuredProviders(options));
  return {
    provider: providers.default,
    providers,
    storage,
    blobs: options.blobs ?? defaultBlobs(dataDir),
    auth: options.auth ?? anonymousSessions({ secret: options.secret }),
    admission: options.admission ?? admissionFor({
      ...options,
      storage,
      now: () => now().getTime(),
      capabilities: () => providers.capabilities()
    }),
    repo: createRepository(storage, leases),
    leases,
    feed: createFeed(storage, leases, notifier),
    notifier,
    signer: lazySigner(options.secret, now),
    logger: options.logger === false ? silentLogger() : options.logger ?? consoleLogger("info"),
    metrics: createMetrics(),
    hooks: options.hooks ?? {},
    polling,
    copyRetry: options.copy ?? {},
    limits: resolveLimits(options),
    now,
    id: options.id ?? createJobIds(now),
    capabilities: () => providers.capabilities(),
    isPolling
  };
}
function createSoraHandler(options) {
  assertOptions(options);
  let pollerRef;
  const rt = buildRuntime(options, () => pollerRef?.isRunning() ?? false);
  const lifecycle = createLifecycle(rt);
  const poller = createPoller(rt, lifecycle);
  pollerRef = poller;
  const identify = createMiddleware(async (c, next) => {
    const identity = await rt.auth(c);
    if (!identity || typeof identity.id !== "string" || identity.id === "") {
      throw new HttpError(401, "unauthorized", "Sign in to continue.");
    }
    c.set("identity", identity);
    c.set("owner", await sha256Hex(identity.id));
    await next();
  });
  const app = new Hono6();
  app.onError((error, c) => renderError(c, error, rt.logger));
  applySecurity(app, options, { storage: rt.storage, now: () => rt.now().getTime() });
  app.use("/capabilities", async (c, next) => {
    try {
      await rt.auth(c);
    } catch {
    }
    await next();
  });
  app.route("/", createMetaRoutes(rt, options.metrics ?? {}));
  app.route("/", createWebhookRoutes(rt, lifecycle));
  app.route(
    "/",
    createMediaRoutes({
      blobs: rt.blobs,
      signer: rt.signer,
      now: rt.now,
      findJob: async (jobId) => {
        const record = await rt.repo.get(jobId);
        return record ? { status: record.job.status, asset: record.job.asset, prompt: record.job.prompt } : null;
      }
    })
  );
  app.use("/videos/*", identify);
  app.use("/events", identify);
  app.route("/", createVideoRoutes(rt, lifecycle));
  app.route("/", createEventRoutes(rt, lifecycle));
  app.all("*", () => {
    throw new HttpError(404, "not_found", "No such route.");
  });
  return Object.assign(app, {
    startPolling: () => poller.start(),
    stopPolling: () => poller.stop(),
    pollOnce: () => poller.pollOnce(),
    close: async () => {
      await poller.close();
      if (!options.storage) await rt.storage.dispose();
    }
  });
}

// src/providers/fake/models.ts
var STANDARD_SIZES = ["720x1280", "1280x720"];
var PRO_SIZES = [...STANDARD_SIZES, "1024x1792", "1792x1024", "1920x1080", "1080x1920"];
var FAKE_MODEL_SIZES = {
  "sora-2": STANDARD_SIZES,
  "sora-2-2025-10-06": STANDARD_SIZES,
  "sora-2-2025-12-08": STANDARD_SIZES,
  "sora-2-pro": PRO_SIZES,
  "sora-2-pro-2025-10-06": PRO_SIZES
};
var FAKE_SECONDS = ["4", "8", "12"];
var FAKE_EXTENSION_SECONDS = ["4", "8", "12", "16", "20"];
var FAKE_DEFAULTS = { model: "sora-2", seconds: "4", size: "720x1280" };

// src/providers/fake/scenarios.ts
var SCENARIO_TOKENS = {
  moderation: "fake:moderation_blocked",
  failed: "fake:failed",
  slow: "fake:slow",
  rateLimit: "fake:rate_limit"
};
function parseScenario(prompt) {
  const text = prompt.toLowerCase();
  const has = (token) => text.includes(token);
  let outcome = "completed";
  let failAt = 1;
  if (has(SCENARIO_TOKENS.moderation)) {
    outcome = "moderation_blocked";
    failAt = 0.3;
  } else if (has(SCENARIO_TOKENS.failed)) {
    outcome = "failed";
    failAt = 0.6;
  }
  return {
    outcome,
    failAt,
    slowdown: has(SCENARIO_TOKENS.slow) ? 3 : 1,
    rateLimits: has(SCENARIO_TOKENS.rateLimit) ? 2 : 0
  };
}
function scenarioError(outcome) {
  if (outcome === "moderation_blocked") {
    return {
      code: "moderation_blocked",
      message: "Your request was blocked by our moderation system."
    };
  }
  if (outcome === "failed") {
    return { code: "video_generation_failed", message: "Video generation failed. Please try again." };
  }
  return null;
}

// src/providers/fake/clock.ts
function createFakeClock(base = () => Date.now()) {
  let offset = 0;
  return {
    now: () => base() + offset,
    advance(ms) {
      offset += Math.max(0, ms);
    }
  };
}
function unixSeconds(epochMs) {
  return Math.floor(epochMs / 1e3);
}

// src/providers/fake/faults.ts
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = state + 1831565813 >>> 0;
    let t = state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function createFaultInjector(faults = {}) {
  const random = faults.random ?? Math.random;
  const roll = (rate) => (rate ?? 0) > 0 && random() < (rate ?? 0);
  return {
    request(route) {
      if (faults.routes && !faults.routes.includes(route)) return void 0;
      if (roll(faults.serverErrorRate)) return "server_error";
      if (roll(faults.rateLimitRate)) return "rate_limit";
      return void 0;
    },
    cutDownload: () => roll(faults.cutDownloadRate),
    retryAfterSeconds: faults.retryAfterSeconds ?? 1,
    latencyMs: faults.latencyMs ?? 0
  };
}
function cutStream(bytes) {
  const half = bytes.subarray(0, Math.floor(bytes.length / 2));
  let sent = false;
  return new ReadableStream({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(half);
        return;
      }
      controller.error(new Error("sora-kit fake: connection cut mid-download"));
    }
  });
}

// src/providers/fake/media.ts
var MEDIA_CONTENT_TYPES = {
  video: "video/mp4",
  thumbnail: "image/jpeg",
  spritesheet: "image/jpeg"
};
function fixtureSeconds(seconds2) {
  const lengths = FAKE_SECONDS.map(Number);
  const fitting = lengths.filter((length) => length <= seconds2);
  return fitting.length > 0 ? Math.max(...fitting) : Math.min(...lengths);
}
function fixtureName(variant, size, seconds2) {
  if (variant === "video") return `video-${size}-${fixtureSeconds(seconds2)}s.mp4`;
  return `${variant}-${size}.jpg`;
}
function urlMediaLoader(baseUrl, fetcher = fetch) {
  const page = globalThis.location?.href;
  return async (variant, size, seconds2) => {
    const response = await fetcher(new URL(fixtureName(variant, size, seconds2), new URL(baseUrl, page)));
    if (!response.ok || !response.body) {
      throw new Error(`Fixture ${fixtureName(variant, size, seconds2)}: HTTP ${response.status}`);
    }
    return response.body;
  };
}
var CANDIDATE_DIRS = ["../../../media/", "../media/"];
async function findMediaDir(moduleUrl) {
  const [{ access }, { fileURLToPath }] = await Promise.all([import("fs/promises"), import("url")]);
  for (const candidate of CANDIDATE_DIRS) {
    const dir = fileURLToPath(new URL(candidate, moduleUrl));
    try {
      await access(`${dir}thumbnail-1280x720.jpg`);
      return dir;
    } catch {
    }
  }
  throw new Error("sora-kit fake: sample media not found next to the package (media/)");
}
function nodeMediaLoader(options = {}) {
  const { dir } = options;
  let resolved = dir ? Promise.resolve(dir.endsWith("/") ? dir : `${dir}/`) : void 0;
  return async (variant, size, seconds2) => {
    resolved ??= findMediaDir(options.moduleUrl ?? import.meta.url);
    const root = await resolved.catch((error) => {
      resolved = void 0;
      throw error;
    });
    const { readFile } = await import("fs/promises");
    return new Uint8Array(await readFile(`${root}${fixtureName(variant, size, seconds2)}`));
  };
}

// src/providers/fake/webhooks.ts
function secretBytes(secret) {
  if (secret.startsWith("whsec_")) {
    const binary = atob(secret.slice("whsec_".length));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  }
  return new TextEncoder().encode(secret);
}
function toBase64(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)));
}
async function signWebhook(secret, id, timestampSeconds, body) {
  const key = await crypto.subtle.importKey(
    "raw",
    secretBytes(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"]
  );
  const signed = new TextEncoder().encode(`${id}.${timestampSeconds}.${body}`);
  const signature = await crypto.subtle.sign("HMAC", key, signed);
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestampSeconds),
    "webhook-signature": `v1,${toBase64(signature)}`
  };
}
async function deliverWebhook(options, event) {
  try {
    const body = JSON.stringify(event);
    const timestamp = Math.floor((options.timestamp ?? Date.now)() / 1e3);
    const headers = await signWebhook(options.secret, event.id, timestamp, body);
    const request = new Request(options.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "OpenAI/1.0 (sora-kit fake)",
        ...headers
      },
      body
    });
    const response = await (options.fetch ?? ((r) => fetch(r)))(request);
    void response.body?.cancel().catch(() => void 0);
    return response.status;
  } catch {
    return 0;
  }
}

// src/providers/openai.ts
import OpenAI from "openai";

// src/providers/openai-calls.ts
import { toFile } from "openai";
function toProviderVideo(video) {
  const mapped = { id: video.id, status: video.status, progress: video.progress ?? 0 };
  if (typeof video.expires_at === "number") mapped.expiresAt = video.expires_at * 1e3;
  if (video.status === "failed") {
    const code = video.error?.code;
    const message2 = video.error?.message ?? "The video generation failed.";
    mapped.error = code === "moderation_blocked" ? { code: "moderation_blocked", message: message2, retryable: false } : { code: "upstream_failed", message: message2, retryable: true };
  }
  return mapped;
}
function requestOptions(options, idempotencyKey) {
  return {
    ...options?.signal ? { signal: options.signal } : {},
    // The SDK accepts `idempotencyKey` but OpenAI's client sends no header for it; send it ourselves.
    ...idempotencyKey ? { idempotencyKey, headers: { "Idempotency-Key": idempotencyKey } } : {}
  };
}
async function createVideo(client, input, options) {
  const reference = input.reference ? await toFile(input.reference.bytes, input.reference.filename, { type: input.reference.contentType }) : void 0;
  const video = await client.videos.create(
    {
      prompt: input.prompt,
      model: input.model,
      size: input.size,
      // The SDK's enums lag the API (newer sizes and lengths): the API itself validates.
      seconds: String(input.seconds),
      ...reference ? { input_reference: reference } : {}
    },
    requestOptions(options, input.idempotencyKey)
  );
  return toProviderVideo(video);
}
async function downloadVariant(client, id, variant, options) {
  const response = await client.videos.downloadContent(id, { variant }, requestOptions(options));
  if (!response.body) throw new ProviderError("unavailable", `OpenAI sent no body for ${variant}`);
  const length = Number(response.headers.get("content-length"));
  return {
    body: response.body,
    contentType: response.headers.get("content-type") ?? "application/octet-stream",
    ...Number.isFinite(length) && length > 0 ? { bytes: length } : {}
  };
}
async function verifyOpenAIWebhook(client, rawBody, headers, secret) {
  if (!secret) throw new ProviderError("invalid_webhook", "No OpenAI webhook secret is configured");
  let event;
  try {
    event = await client.webhooks.unwrap(rawBody, headers, secret);
  } catch (error) {
    throw new ProviderError("invalid_webhook", `OpenAI webhook refused: ${error.message}`, {
      cause: error
    });
  }
  const { type, data } = event ?? {};
  const videoId = data?.id;
  if (typeof type !== "string" || typeof videoId !== "string") {
    throw new ProviderError("invalid_webhook", "OpenAI webhook without a type and data.id");
  }
  return { eventId: headers.get("webhook-id") ?? "", videoId, type };
}

// src/providers/openai-errors.ts
import { APIConnectionError, APIError, APIUserAbortError } from "openai";
function header(headers, name) {
  if (!headers) return void 0;
  if (headers instanceof Headers) return headers.get(name) ?? void 0;
  return headers[name] ?? void 0;
}
function retryAfterMs(headers, now = Date.now) {
  const ms = Number.parseFloat(header(headers, "retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const after = header(headers, "retry-after");
  if (!after) return void 0;
  const seconds2 = Number.parseFloat(after);
  if (Number.isFinite(seconds2) && seconds2 >= 0) return seconds2 * 1e3;
  const date = Date.parse(after);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - now());
}
function redact(message2, secrets) {
  let clean = message2;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) clean = clean.split(secret).join("[redacted]");
  }
  return clean;
}
function upstreamCode(error) {
  const code = error.code ?? error.error?.code;
  return typeof code === "string" ? code : void 0;
}
function kindOf(status) {
  if (status === 429) return "rate_limited";
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 404 || status === 410) return "not_found";
  if (status === 400 || status === 422 || status === 409 || status === 413 || status === 415)
    return "rejected";
  if (status === void 0 || status === 408 || status >= 500) return "unavailable";
  return "unknown";
}
function toProviderError(error, secrets = []) {
  if (error instanceof ProviderError || error instanceof APIUserAbortError) return error;
  if (error instanceof APIConnectionError) {
    return new ProviderError("unavailable", redact(`OpenAI unreachable: ${error.message}`, secrets), {
      cause: error
    });
  }
  if (error instanceof APIError) {
    const status = error.status;
    const code = upstreamCode(error);
    const after = retryAfterMs(error.headers);
    return new ProviderError(
      kindOf(status),
      redact(`OpenAI ${status ?? "error"}: ${error.message}`, secrets),
      {
        ...status !== void 0 ? { status } : {},
        ...after !== void 0 ? { retryAfterMs: after } : {},
        ...code ? { code } : {},
        cause: error
      }
    );
  }
  if (error instanceof Error && error.name === "AbortError") return error;
  const message2 = error instanceof Error ? error.message : String(error);
  return new ProviderError("unknown", redact(`OpenAI call failed: ${message2}`, secrets), { cause: error });
}

// src/providers/openai.ts
var DEFAULT_OPENAI_MODELS = [
  {
    id: "sora-2",
    sizes: ["1280x720", "720x1280"],
    seconds: [4, 8, 12],
    reference: true,
    remix: true,
    pricePerSecondUsd: { "1280x720": 0.1, "720x1280": 0.1 }
  },
  {
    id: "sora-2-pro",
    sizes: ["1280x720", "720x1280", "1792x1024", "1024x1792"],
    seconds: [4, 8, 12],
    reference: true,
    remix: true,
    pricePerSecondUsd: { "1280x720": 0.3, "720x1280": 0.3, "1792x1024": 0.5, "1024x1792": 0.5 }
  }
];
var VARIANTS2 = ["video", "thumbnail", "spritesheet"];
function makeClient(options) {
  if (options.client) return options.client;
  const common = {
    ...options.fetch ? { fetch: options.fetch } : {},
    ...options.maxRetries !== void 0 ? { maxRetries: options.maxRetries } : {},
    ...options.timeoutMs !== void 0 ? { timeout: options.timeoutMs } : {}
  };
  if (options.azure) {
    const { endpoint, apiKey, apiVersion } = options.azure;
    return new OpenAI({
      ...common,
      apiKey,
      baseURL: `${endpoint.replace(/\/+$/, "")}/openai/v1`,
      defaultHeaders: { "api-key": apiKey },
      ...apiVersion ? { defaultQuery: { "api-version": apiVersion } } : {}
    });
  }
  return new OpenAI({
    ...common,
    ...options.apiKey !== void 0 ? { apiKey: options.apiKey } : {},
    ...options.baseURL !== void 0 ? { baseURL: options.baseURL } : {}
  });
}
function openaiProvider(options = {}) {
  const client = makeClient(options);
  const secrets = [options.apiKey, options.azure?.apiKey, client.apiKey ?? void 0];
  const models = options.models ?? DEFAULT_OPENAI_MODELS;
  const call = async (run) => {
    try {
      return await run();
    } catch (error) {
      throw toProviderError(error, secrets);
    }
  };
  return {
    name: options.name ?? "openai",
    capabilities: async () => ({ models, variants: [...VARIANTS2] }),
    create: (input, callOptions) => call(() => createVideo(client, input, callOptions)),
    retrieve: (id, callOptions) => call(async () => toProviderVideo(await client.videos.retrieve(id, requestOptions(callOptions)))),
    download: (id, variant, callOptions) => call(() => downloadVariant(client, id, variant, callOptions)),
    remix: (id, input, callOptions) => call(
      async () => toProviderVideo(
        await client.videos.remix(
          id,
          { prompt: input.prompt },
          requestOptions(callOptions, input.idempotencyKey)
        )
      )
    ),
    delete: (id, callOptions) => call(async () => {
      await client.videos.delete(id, requestOptions(callOptions));
    }),
    verifyWebhook: (rawBody, headers) => verifyOpenAIWebhook(client, rawBody, headers, options.webhookSecret)
  };
}

// src/providers/fake/counters.ts
function createCounters() {
  const counts = /* @__PURE__ */ new Map();
  return {
    hit(route) {
      counts.set(route, (counts.get(route) ?? 0) + 1);
    },
    get: (route) => counts.get(route) ?? 0,
    total: () => [...counts.values()].reduce((sum, n) => sum + n, 0),
    snapshot: () => Object.fromEntries(counts),
    reset() {
      counts.clear();
    }
  };
}
var ROUTES = [
  [/^\/videos$/, "/videos"],
  [/^\/videos\/edits$/, "/videos/edits"],
  [/^\/videos\/extensions$/, "/videos/extensions"],
  [/^\/videos\/characters$/, "/videos/characters"],
  [/^\/videos\/characters\/[^/]+$/, "/videos/characters/:id"],
  [/^\/videos\/[^/]+\/content$/, "/videos/:id/content"],
  [/^\/videos\/[^/]+\/remix$/, "/videos/:id/remix"],
  [/^\/videos\/[^/]+$/, "/videos/:id"]
];
function routeKey(method, path) {
  const below = path.replace(/^.*?\/v1(?=\/)/, "").replace(/\/+$/, "");
  const match = ROUTES.find(([pattern]) => pattern.test(below));
  return `${method.toUpperCase()} ${match ? match[1] : below || "/"}`;
}

// src/providers/fake/app.ts
import { Hono as Hono7 } from "hono";
import { cors as cors2 } from "hono/cors";

// src/providers/fake/body.ts
function isRecord2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function foldNested(form) {
  const fields2 = {};
  for (const [key, value] of Object.entries(form)) {
    const nested = /^([^[]+)\[([^\]]+)\]$/.exec(key);
    if (nested?.[1] && nested[2]) {
      const parent = fields2[nested[1]];
      const object = isRecord2(parent) && !(parent instanceof File) ? parent : {};
      object[nested[2]] = value;
      fields2[nested[1]] = object;
    } else {
      fields2[key] = value;
    }
  }
  return fields2;
}
async function readBody(c) {
  const type = c.req.header("content-type") ?? "";
  if (type.includes("multipart/form-data") || type.includes("application/x-www-form-urlencoded")) {
    try {
      const form = await c.req.parseBody();
      return { ok: true, fields: foldNested(form) };
    } catch {
      return { ok: false, message: "Could not parse multipart form data." };
    }
  }
  const text = await c.req.text();
  if (text.trim() === "") return { ok: true, fields: {} };
  try {
    const json = JSON.parse(text);
    if (!isRecord2(json)) return { ok: false, message: "The request body must be a JSON object." };
    return { ok: true, fields: json };
  } catch {
    return {
      ok: false,
      message: "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)"
    };
  }
}
function textField(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return void 0;
}

// src/providers/fake/errors.ts
function apiError(c, status, message2, fields2 = {}, headers = {}) {
  const body = {
    error: {
      message: message2,
      type: fields2.type ?? "invalid_request_error",
      param: fields2.param ?? null,
      code: fields2.code ?? null
    }
  };
  return c.json(body, status, headers);
}
function invalidParam(c, param, message2, code = "invalid_value") {
  return apiError(c, 400, message2, { param, code });
}
function videoNotFound(c, id) {
  return apiError(c, 404, `Video with id '${id}' not found.`, { param: "video_id", code: "video_not_found" });
}
function rateLimited(c, retryAfterSeconds) {
  return apiError(
    c,
    429,
    "Rate limit reached for requests. Please try again later.",
    { type: "requests", code: "rate_limit_exceeded" },
    { "retry-after": String(retryAfterSeconds), "retry-after-ms": String(retryAfterSeconds * 1e3) }
  );
}
function serverError(c) {
  return apiError(c, 500, "The server had an error while processing your request. Sorry about that!", {
    type: "server_error"
  });
}

// src/providers/fake/store.ts
var ASSET_TTL_SECONDS = 3600;
function createVideoStore() {
  const videos = /* @__PURE__ */ new Map();
  let seq = 0;
  return {
    add(record) {
      const stored = { ...record, seq: seq++ };
      videos.set(stored.id, stored);
      return stored;
    },
    get: (id) => videos.get(id),
    delete: (id) => videos.delete(id),
    all: () => [...videos.values()].sort((a, b) => a.seq - b.seq)
  };
}
function settlesAt(record) {
  const fraction = record.outcome === "completed" ? 1 : record.failAt;
  return record.createdAt + Math.round(record.durationMs * fraction);
}
var QUEUED_SHARE = 0.1;
function viewVideo(record, now) {
  const elapsed = Math.max(0, now - record.createdAt);
  const base = {
    id: record.id,
    object: "video",
    model: record.model,
    status: "queued",
    progress: 0,
    prompt: record.prompt,
    seconds: record.seconds,
    size: record.size,
    created_at: unixSeconds(record.createdAt),
    completed_at: null,
    expires_at: null,
    remixed_from_video_id: record.remixedFrom,
    error: null
  };
  if (now >= settlesAt(record)) {
    if (record.outcome !== "completed") {
      const progress2 = Math.round(record.failAt * 100);
      return { ...base, status: "failed", progress: progress2, error: scenarioError(record.outcome) };
    }
    const completedAt = unixSeconds(settlesAt(record));
    return {
      ...base,
      status: "completed",
      progress: 100,
      completed_at: completedAt,
      expires_at: completedAt + ASSET_TTL_SECONDS
    };
  }
  if (elapsed < record.durationMs * QUEUED_SHARE) return base;
  const progress = Math.min(99, Math.max(1, Math.floor(elapsed / record.durationMs * 100)));
  return { ...base, status: "in_progress", progress };
}

// src/providers/fake/image-size.ts
function png(bytes, view) {
  const signature = [137, 80, 78, 71, 13, 10, 26, 10];
  if (bytes.length < 24 || !signature.every((byte, i) => bytes[i] === byte)) return void 0;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
function jpeg(bytes, view) {
  if (bytes[0] !== 255 || bytes[1] !== 216) return void 0;
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 255) return void 0;
    const marker = bytes[offset + 1] ?? 0;
    const length = view.getUint16(offset + 2);
    if (marker >= 192 && marker <= 207 && ![196, 200, 204].includes(marker)) {
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    offset += 2 + length;
  }
  return void 0;
}
function webp(bytes, view) {
  const text = (from, to) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length < 30 || text(0, 4) !== "RIFF" || text(8, 12) !== "WEBP") return void 0;
  const chunk = text(12, 16);
  if (chunk === "VP8 ") {
    return { width: view.getUint16(26, true) & 16383, height: view.getUint16(28, true) & 16383 };
  }
  if (chunk === "VP8L") {
    const bits = view.getUint32(21, true);
    return { width: (bits & 16383) + 1, height: (bits >> 14 & 16383) + 1 };
  }
  if (chunk === "VP8X") {
    const width = 1 + ((bytes[24] ?? 0) | (bytes[25] ?? 0) << 8 | (bytes[26] ?? 0) << 16);
    const height = 1 + ((bytes[27] ?? 0) | (bytes[28] ?? 0) << 8 | (bytes[29] ?? 0) << 16);
    return { width, height };
  }
  return void 0;
}
function imageSize(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    return png(bytes, view) ?? jpeg(bytes, view) ?? webp(bytes, view);
  } catch {
    return void 0;
  }
}

// src/providers/fake/validate.ts
var IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp"];
var list = (values) => values.map((value) => `'${value}'`).join(", ");
function validatePrompt(value) {
  const prompt = textField(value);
  if (prompt === void 0) {
    return {
      param: "prompt",
      message: "Missing required parameter: 'prompt'.",
      code: "missing_required_parameter"
    };
  }
  if (prompt.trim() === "") {
    return {
      param: "prompt",
      message: "Invalid 'prompt': string too short. Expected a string with minimum length 1, but got an empty string instead.",
      code: "string_below_min_length"
    };
  }
  return prompt;
}
function validateReference(value) {
  if (value === void 0 || value === "") return void 0;
  if (value instanceof File) {
    if (!IMAGE_TYPES.includes(value.type)) {
      return {
        param: "input_reference",
        message: `Invalid file format for 'input_reference': ${value.type || "unknown"}. Supported formats are: ${list(IMAGE_TYPES)}.`,
        code: "unsupported_file_mimetype"
      };
    }
    return { kind: "file", file: value };
  }
  if (typeof value === "object" && typeof value.image_url === "string") {
    if (!/^(https?:\/\/|data:image\/)/.test(value.image_url)) {
      return {
        param: "input_reference.image_url",
        message: "Invalid 'input_reference.image_url': expected an http(s) URL or a data:image URL.",
        code: "invalid_value"
      };
    }
    return { kind: "image_url", url: value.image_url };
  }
  if (typeof value === "object" && typeof value.file_id === "string") {
    return { kind: "file_id", id: value.file_id };
  }
  return {
    param: "input_reference",
    message: "Invalid 'input_reference': expected an image file, {image_url} or {file_id}.",
    code: "invalid_type"
  };
}
function isIssue(value) {
  return typeof value === "object" && value !== null && "param" in value && "code" in value;
}
function validateCreate(fields2) {
  const prompt = validatePrompt(fields2.prompt);
  if (isIssue(prompt)) return prompt;
  const model = textField(fields2.model) ?? FAKE_DEFAULTS.model;
  const sizes = FAKE_MODEL_SIZES[model];
  if (!sizes) {
    return {
      param: "model",
      message: `Invalid value: '${model}'. Supported values are: ${list(Object.keys(FAKE_MODEL_SIZES))}.`,
      code: "invalid_value"
    };
  }
  const seconds2 = textField(fields2.seconds) ?? FAKE_DEFAULTS.seconds;
  if (!FAKE_SECONDS.includes(seconds2)) {
    return {
      param: "seconds",
      message: `Invalid value: '${seconds2}'. Supported values are: ${list(FAKE_SECONDS)}.`,
      code: "invalid_value"
    };
  }
  const size = textField(fields2.size) ?? FAKE_DEFAULTS.size;
  if (!sizes.includes(size)) {
    return {
      param: "size",
      message: `Invalid value: '${size}'. Supported values for model '${model}' are: ${list(sizes)}.`,
      code: "invalid_value"
    };
  }
  const reference = validateReference(fields2.input_reference);
  if (isIssue(reference)) return reference;
  return { prompt, model, size, seconds: seconds2, ...reference ? { reference } : {} };
}
async function referenceIssue(reference, size) {
  if (reference?.kind !== "file") return void 0;
  const dimensions = imageSize(new Uint8Array(await reference.file.arrayBuffer()));
  if (!dimensions) {
    return {
      param: "input_reference",
      message: "The input_reference image could not be read. Upload a valid PNG, JPEG or WebP image.",
      code: "invalid_image"
    };
  }
  if (`${dimensions.width}x${dimensions.height}` !== size) {
    return {
      param: "input_reference",
      message: `Inpaint image must match the requested width and height (got ${dimensions.width}x${dimensions.height}, expected ${size}).`,
      code: "invalid_value"
    };
  }
  return void 0;
}

// src/providers/fake/routes-create.ts
function start(state, c, shape) {
  const key = c.req.header("idempotency-key");
  const known = key ? state.store.get(state.idempotency.get(key) ?? "") : void 0;
  if (known) return c.json(viewVideo(known, state.clock.now()));
  const scenario = parseScenario(shape.prompt);
  const limitKey = key ?? `prompt:${shape.prompt}`;
  const hits = state.rateLimitHits.get(limitKey) ?? 0;
  if (hits < scenario.rateLimits) {
    state.rateLimitHits.set(limitKey, hits + 1);
    return rateLimited(c, state.faults.retryAfterSeconds);
  }
  const record = state.store.add({
    ...shape,
    id: state.newId("video"),
    createdAt: state.clock.now(),
    durationMs: state.generationMs * scenario.slowdown,
    outcome: scenario.outcome,
    failAt: scenario.failAt
  });
  if (key) state.idempotency.set(key, record.id);
  return c.json(viewVideo(record, state.clock.now()));
}
function completedSource(state, c, id) {
  const record = state.store.get(id);
  if (!record) return videoNotFound(c, id);
  const status = viewVideo(record, state.clock.now()).status;
  if (status !== "completed") {
    return apiError(
      c,
      400,
      `Video '${id}' is not completed (status: ${status}). Only completed videos can be used.`,
      {
        param: "video_id",
        code: "invalid_video_state"
      }
    );
  }
  return record;
}
function sourceOf(state, c, video) {
  if (video instanceof File) {
    if (video.type !== "video/mp4")
      return invalidParam(c, "video", "Uploaded videos must be MP4 files.", "unsupported_file_mimetype");
    return "upload";
  }
  const id = typeof video === "object" ? textField(video.id) : void 0;
  if (!id)
    return apiError(c, 400, "Missing required parameter: 'video'.", {
      param: "video",
      code: "missing_required_parameter"
    });
  return completedSource(state, c, id);
}
async function fields(c) {
  const body = await readBody(c);
  return body.ok ? body.fields : apiError(c, 400, body.message);
}
async function createRoute(state, c) {
  const body = await fields(c);
  if (body instanceof Response) return body;
  const valid = validateCreate(body);
  if (isIssue(valid)) return invalidParam(c, valid.param, valid.message, valid.code);
  const refused = await referenceIssue(valid.reference, valid.size);
  if (refused) return invalidParam(c, refused.param, refused.message, refused.code);
  const { prompt, model, size, seconds: seconds2 } = valid;
  return start(state, c, { prompt, model, size, seconds: seconds2, remixedFrom: null });
}
async function editRoute(state, c) {
  const body = await fields(c);
  if (body instanceof Response) return body;
  const prompt = validatePrompt(body.prompt);
  if (typeof prompt !== "string") return invalidParam(c, prompt.param, prompt.message, prompt.code);
  const source = sourceOf(state, c, body.video);
  if (source instanceof Response) return source;
  const base = source === "upload" ? { ...FAKE_DEFAULTS } : source;
  return start(state, c, {
    prompt,
    model: base.model,
    size: base.size,
    seconds: base.seconds,
    remixedFrom: null
  });
}
async function extendRoute(state, c) {
  const body = await fields(c);
  if (body instanceof Response) return body;
  const prompt = validatePrompt(body.prompt);
  if (typeof prompt !== "string") return invalidParam(c, prompt.param, prompt.message, prompt.code);
  const added = textField(body.seconds);
  if (!added || !FAKE_EXTENSION_SECONDS.includes(added)) {
    const allowed = FAKE_EXTENSION_SECONDS.map((s) => `'${s}'`).join(", ");
    return invalidParam(c, "seconds", `Invalid value: '${added ?? ""}'. Supported values are: ${allowed}.`);
  }
  const source = sourceOf(state, c, body.video);
  if (source instanceof Response) return source;
  const base = source === "upload" ? { ...FAKE_DEFAULTS } : source;
  const seconds2 = String(Number(base.seconds) + Number(added));
  return start(state, c, { prompt, model: base.model, size: base.size, seconds: seconds2, remixedFrom: null });
}
async function remixRoute(state, c) {
  const body = await fields(c);
  if (body instanceof Response) return body;
  const prompt = validatePrompt(body.prompt);
  if (typeof prompt !== "string") return invalidParam(c, prompt.param, prompt.message, prompt.code);
  const source = completedSource(state, c, c.req.param("id") ?? "");
  if (source instanceof Response) return source;
  const { model, size, seconds: seconds2, id } = source;
  return start(state, c, { prompt, model, size, seconds: seconds2, remixedFrom: id });
}
function mountCreateRoutes(app, state) {
  app.post("/videos", (c) => createRoute(state, c));
  app.post("/videos/edits", (c) => editRoute(state, c));
  app.post("/videos/extensions", (c) => extendRoute(state, c));
  app.post("/videos/:id/remix", (c) => remixRoute(state, c));
}

// src/providers/fake/routes-read.ts
var VARIANTS3 = Object.keys(MEDIA_CONTENT_TYPES);
function listPage(state, c) {
  const order2 = c.req.query("order") ?? "desc";
  if (order2 !== "asc" && order2 !== "desc") {
    return invalidParam(c, "order", `Invalid value: '${order2}'. Supported values are: 'asc' and 'desc'.`);
  }
  const limitText = c.req.query("limit") ?? "20";
  const limit = Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return invalidParam(
      c,
      "limit",
      `Invalid 'limit': expected an integer between 1 and 100, got '${limitText}'.`
    );
  }
  const now = state.clock.now();
  const records = state.store.all();
  if (order2 === "desc") records.reverse();
  const after = c.req.query("after");
  let start2 = 0;
  if (after) {
    const index = records.findIndex((record) => record.id === after);
    if (index < 0) return invalidParam(c, "after", `No video found with id '${after}'.`, "invalid_cursor");
    start2 = index + 1;
  }
  const data = records.slice(start2, start2 + limit).map((record) => viewVideo(record, now));
  return c.json({
    object: "list",
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: start2 + limit < records.length
  });
}
async function content(state, c) {
  const id = c.req.param("id") ?? "";
  const variant = c.req.query("variant") ?? "video";
  if (!VARIANTS3.includes(variant)) {
    return invalidParam(
      c,
      "variant",
      `Invalid value: '${variant}'. Supported values are: 'video', 'thumbnail' and 'spritesheet'.`
    );
  }
  const record = state.store.get(id);
  if (!record) return videoNotFound(c, id);
  const video = viewVideo(record, state.clock.now());
  if (video.status !== "completed") {
    return apiError(c, 400, `Video '${id}' is not ready: its status is ${video.status}.`, {
      param: "video_id",
      code: "video_not_ready"
    });
  }
  if (video.expires_at !== null && unixSeconds(state.clock.now()) >= video.expires_at) {
    return apiError(c, 404, `The content of video '${id}' has expired.`, {
      param: "video_id",
      code: "video_expired"
    });
  }
  const loaded = await state.media(variant, record.size, Number(record.seconds));
  const bytes = loaded instanceof Uint8Array ? loaded : new Uint8Array(await new Response(loaded).arrayBuffer());
  const body = state.faults.cutDownload() ? cutStream(bytes) : bytes;
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": MEDIA_CONTENT_TYPES[variant],
      "content-length": String(bytes.byteLength)
    }
  });
}
function mountReadRoutes(app, state) {
  app.get("/videos", (c) => listPage(state, c));
  app.get("/videos/characters/:id", (c) => {
    const character = state.characters.get(c.req.param("id"));
    if (!character)
      return apiError(c, 404, `Character '${c.req.param("id")}' not found.`, { code: "not_found" });
    return c.json(character);
  });
  app.get("/videos/:id", (c) => {
    const record = state.store.get(c.req.param("id"));
    return record ? c.json(viewVideo(record, state.clock.now())) : videoNotFound(c, c.req.param("id"));
  });
  app.delete("/videos/:id", (c) => {
    const id = c.req.param("id");
    const record = state.store.get(id);
    if (!record) return videoNotFound(c, id);
    const status = viewVideo(record, state.clock.now()).status;
    if (status !== "completed" && status !== "failed") {
      return apiError(c, 400, `Video '${id}' cannot be deleted while it is ${status}.`, {
        param: "video_id",
        code: "invalid_video_state"
      });
    }
    state.store.delete(id);
    return c.json({ id, object: "video.deleted", deleted: true });
  });
  app.get("/videos/:id/content", (c) => content(state, c));
}

// src/providers/fake/app.ts
function bearer(header2) {
  const match = /^Bearer\s+(\S+)$/i.exec(header2 ?? "");
  return match?.[1];
}
function masked(key) {
  return key.length <= 8 ? "****" : `${key.slice(0, 3)}${"*".repeat(8)}${key.slice(-4)}`;
}
function authError(state, c) {
  const key = bearer(c.req.header("authorization")) ?? c.req.header("api-key");
  if (!key) {
    return apiError(
      c,
      401,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."
    );
  }
  if (state.apiKey !== void 0 && key !== state.apiKey) {
    return apiError(
      c,
      401,
      `Incorrect API key provided: ${masked(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      { code: "invalid_api_key" }
    );
  }
  return void 0;
}
var sleep2 = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function createFakeApp(state) {
  const app = new Hono7().basePath("/v1");
  app.use("*", cors2({ origin: "*", exposeHeaders: ["x-request-id", "retry-after", "retry-after-ms"] }));
  app.use("*", async (c, next) => {
    const route = routeKey(c.req.method, c.req.path);
    state.counters.hit(route);
    const requestId = state.newId("req");
    c.header("x-request-id", requestId);
    if (state.faults.latencyMs > 0) await sleep2(state.faults.latencyMs);
    void state.notifier.sweep(state.clock.now());
    const refused = authError(state, c);
    if (refused) return refused;
    const fault = state.faults.request(route);
    if (fault === "server_error") return serverError(c);
    if (fault === "rate_limit") return rateLimited(c, state.faults.retryAfterSeconds);
    await next();
    c.header("x-request-id", requestId);
  });
  mountCreateRoutes(app, state);
  mountReadRoutes(app, state);
  app.post("/videos/characters", async (c) => {
    const body = await readBody(c);
    if (!body.ok) return apiError(c, 400, body.message);
    const name = textField(body.fields.name);
    if (!name)
      return apiError(c, 400, "Missing required parameter: 'name'.", {
        param: "name",
        code: "missing_required_parameter"
      });
    if (!(body.fields.video instanceof File)) {
      return apiError(c, 400, "Missing required parameter: 'video'.", {
        param: "video",
        code: "missing_required_parameter"
      });
    }
    const character = { id: state.newId("char"), name, created_at: Math.floor(state.clock.now() / 1e3) };
    state.characters.set(character.id, character);
    return c.json(character);
  });
  app.notFound((c) => apiError(c, 404, `Invalid URL (${c.req.method} ${c.req.path})`));
  app.onError(
    (error, c) => apiError(c, 500, `The fake failed: ${error instanceof Error ? error.message : String(error)}`, {
      type: "server_error"
    })
  );
  return app;
}

// src/providers/fake/notifier.ts
var MAX_ATTEMPTS = 5;
var RETRY_AFTER_MS = 5e3;
function createNotifier2(store, newEventId, options) {
  const pending = /* @__PURE__ */ new Map();
  const log = [];
  const inFlight = /* @__PURE__ */ new Set();
  const attempt = async (entry, now) => {
    if (!options) return;
    entry.attempts += 1;
    entry.nextAt = now + RETRY_AFTER_MS;
    const status = await deliverWebhook(options, entry.event);
    log.push({ event: entry.event, status });
    entry.done = status >= 200 && status < 300 || entry.attempts >= MAX_ATTEMPTS;
  };
  const due2 = (now) => {
    const ready = [];
    for (const record of store.all()) {
      const at = settlesAt(record);
      if (at > now) continue;
      let entry = pending.get(record.id);
      if (!entry) {
        const type = record.outcome === "completed" ? "video.completed" : "video.failed";
        const event = {
          id: newEventId(),
          object: "event",
          created_at: unixSeconds(at),
          type,
          data: { id: record.id }
        };
        entry = { event, attempts: 0, nextAt: at, done: false };
        pending.set(record.id, entry);
      }
      if (!entry.done && entry.nextAt <= now) ready.push(entry);
    }
    return ready;
  };
  return {
    async sweep(now) {
      if (!options) return;
      const work = Promise.all(due2(now).map((entry) => attempt(entry, now))).then(() => void 0);
      inFlight.add(work);
      try {
        await work;
      } finally {
        inFlight.delete(work);
      }
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    deliveries: () => [...log]
  };
}

// src/providers/fake/state.ts
function randomId(prefix) {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}_${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

// src/providers/fake/fake.ts
function abortable(app, request) {
  const { signal } = request;
  const reason = () => signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
  if (signal.aborted) return Promise.reject(reason());
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(reason());
    signal.addEventListener("abort", onAbort, { once: true });
    Promise.resolve(app.fetch(request)).then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
function createState(options, clock, store, notifier, newId) {
  return {
    clock,
    store,
    counters: createCounters(),
    faults: createFaultInjector(options.faults),
    media: options.media ?? nodeMediaLoader(),
    notifier,
    newId,
    generationMs: (options.generationSeconds ?? 12) * 1e3,
    ...options.apiKey !== void 0 ? { apiKey: options.apiKey } : {},
    idempotency: /* @__PURE__ */ new Map(),
    rateLimitHits: /* @__PURE__ */ new Map(),
    characters: /* @__PURE__ */ new Map()
  };
}
function createFakeOpenAI(options = {}) {
  const inner = options.clock ?? createFakeClock(options.now);
  const store = createVideoStore();
  const newId = options.id ?? randomId;
  const notifier = createNotifier2(store, () => newId("evt"), options.webhook);
  const clock = {
    now: () => inner.now(),
    advance(ms) {
      inner.advance(ms);
      void notifier.sweep(inner.now());
    }
  };
  const state = createState(options, clock, store, notifier, newId);
  const app = createFakeApp(state);
  const timer = options.sweepIntervalMs && options.sweepIntervalMs > 0 ? setInterval(() => void notifier.sweep(clock.now()), options.sweepIntervalMs) : void 0;
  timer?.unref?.();
  const fetchFake = (input, init) => abortable(app, input instanceof Request && !init ? input : new Request(input, init));
  return {
    app,
    fetch: fetchFake,
    clock,
    async advance(ms) {
      inner.advance(ms);
      await notifier.sweep(inner.now());
      await notifier.idle();
    },
    idle: () => notifier.idle(),
    counters: state.counters,
    videos: () => store.all().map((record) => viewVideo(record, clock.now())),
    webhookDeliveries: () => notifier.deliveries(),
    close: () => clearInterval(timer),
    async listen(listenOptions = {}) {
      const { serveFake } = await import("./serve-M5SWRZP5.js");
      return serveFake(app, listenOptions, () => notifier.sweep(clock.now()));
    }
  };
}

// src/providers/openrouter-sizes.ts
var SHORT_SIDE = {
  "360p": 360,
  "480p": 480,
  "720p": 720,
  "768p": 768,
  "1080p": 1080
};
function even(n) {
  return Math.round(n / 2) * 2;
}
function parseRatio(aspect) {
  const match = /^(\d{1,3}):(\d{1,3})$/.exec(aspect);
  if (!match) return void 0;
  const w = Number(match[1]);
  const h = Number(match[2]);
  return w > 0 && h > 0 ? [w, h] : void 0;
}
function sizeFromResolution(resolution, aspect) {
  const short = SHORT_SIDE[resolution];
  const ratio = parseRatio(aspect);
  if (!short || !ratio) return void 0;
  const [w, h] = ratio;
  return w >= h ? `${even(short * w / h)}x${short}` : `${short}x${even(short * h / w)}`;
}
function modelSizes(model) {
  if (model.supported_sizes && model.supported_sizes.length > 0) return [...model.supported_sizes];
  const sizes = [];
  for (const resolution of model.supported_resolutions ?? []) {
    for (const aspect of model.supported_aspect_ratios ?? []) {
      const size = sizeFromResolution(resolution, aspect);
      if (size && !sizes.includes(size)) sizes.push(size);
    }
  }
  return sizes;
}
function sizeFields(model, size) {
  if (model.supported_sizes && model.supported_sizes.length > 0) {
    return model.supported_sizes.includes(size) ? { size } : void 0;
  }
  for (const resolution of model.supported_resolutions ?? []) {
    for (const aspect of model.supported_aspect_ratios ?? []) {
      if (sizeFromResolution(resolution, aspect) === size) return { resolution, aspect_ratio: aspect };
    }
  }
  return void 0;
}
function resolutionOfSize(size) {
  const match = /^(\d+)x(\d+)$/.exec(size);
  if (!match) return void 0;
  const short = Math.min(Number(match[1]), Number(match[2]));
  return Object.keys(SHORT_SIDE).find((label) => SHORT_SIDE[label] === short);
}

// src/providers/openrouter-signature.ts
var OPENROUTER_SIGNATURE_TOLERANCE_SECONDS = 300;
var encoder3 = new TextEncoder();
function hmacKey(secret, usage) {
  return crypto.subtle.importKey("raw", encoder3.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    usage
  ]);
}
function toHex(bytes) {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
}
function fromHex(hex2) {
  if (hex2.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(hex2)) return void 0;
  const out = new Uint8Array(hex2.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex2.slice(i * 2, i * 2 + 2), 16);
  return out;
}
async function signOpenRouterWebhook(secret, rawBody, unixSeconds2) {
  const key = await hmacKey(secret, "sign");
  const mac = await crypto.subtle.sign("HMAC", key, encoder3.encode(`${unixSeconds2},${rawBody}`));
  return `t=${unixSeconds2},v1=${toHex(mac)}`;
}
function parseSignatureHeader(header2) {
  let t;
  const v1 = [];
  for (const part of header2.split(",")) {
    const [name, value] = part.trim().split("=", 2);
    if (name === "t" && value && /^\d{1,12}$/.test(value)) t = Number(value);
    else if (name === "v1" && value) v1.push(value);
  }
  return t === void 0 || v1.length === 0 ? void 0 : { t, v1 };
}
async function checkOpenRouterSignature(secret, rawBody, header2, nowMs, toleranceSeconds = OPENROUTER_SIGNATURE_TOLERANCE_SECONDS) {
  if (!header2) return "missing";
  const parsed = parseSignatureHeader(header2);
  if (!parsed) return "malformed";
  if (Math.abs(nowMs / 1e3 - parsed.t) > toleranceSeconds) return "stale";
  const key = await hmacKey(secret, "verify");
  const data = encoder3.encode(`${parsed.t},${rawBody}`);
  for (const candidate of parsed.v1) {
    const mac = fromHex(candidate);
    if (mac && await crypto.subtle.verify("HMAC", key, mac, data)) return void 0;
  }
  return "mismatch";
}
async function bodyDigest(rawBody) {
  return `sha256:${toHex(await crypto.subtle.digest("SHA-256", encoder3.encode(rawBody)))}`;
}

// src/providers/openrouter-wire.ts
var OPENROUTER_SIGNATURE_HEADER = "X-OpenRouter-Signature";
var OPENROUTER_IDEMPOTENCY_HEADER = "X-OpenRouter-Idempotency-Key";

export {
  anonymousSessions,
  ProviderError,
  HttpError,
  probeVideo,
  copyAssets,
  DEFAULT_PRICES,
  pricesFromCapabilities,
  mergePrices,
  DEFAULT_QUOTAS,
  DEFAULT_RATE_LIMIT,
  createAdmissionControl,
  consoleLogger,
  silentLogger,
  createMediaSigner,
  createMediaRoutes,
  mediaUrlFor,
  DEFAULT_PER_CLIENT,
  crossSiteProtection,
  corsMiddleware,
  createSoraHandler,
  createCounters,
  FAKE_MODEL_SIZES,
  FAKE_SECONDS,
  SCENARIO_TOKENS,
  createFakeClock,
  seededRandom,
  createFaultInjector,
  cutStream,
  fixtureName,
  urlMediaLoader,
  nodeMediaLoader,
  signWebhook,
  createFakeOpenAI,
  DEFAULT_OPENAI_MODELS,
  openaiProvider,
  sizeFromResolution,
  modelSizes,
  sizeFields,
  resolutionOfSize,
  signOpenRouterWebhook,
  checkOpenRouterSignature,
  bodyDigest,
  OPENROUTER_SIGNATURE_HEADER,
  OPENROUTER_IDEMPOTENCY_HEADER
};
//# sourceMappingURL=chunk-TRQRMDIS.js.map
import {
  FAKE_MODEL_SIZES,
  FAKE_SECONDS,
  OPENROUTER_IDEMPOTENCY_HEADER,
  OPENROUTER_SIGNATURE_HEADER,
  SCENARIO_TOKENS,
  createCounters,
  createFakeClock,
  createFakeOpenAI,
  createFaultInjector,
  createSoraHandler,
  cutStream,
  fixtureName,
  nodeMediaLoader,
  openaiProvider,
  resolutionOfSize,
  seededRandom,
  signOpenRouterWebhook,
  signWebhook,
  sizeFromResolution,
  urlMediaLoader
} from "./chunk-TRQRMDIS.js";
import {
  assertSafeKey,
  clampRange,
  collectBytes
} from "./chunk-ZFQ5MQTK.js";
import "./chunk-NBBZKFDJ.js";

// src/providers/fake/msw.ts
import { http } from "msw";
function fakeOpenAIHandlers(fake, baseUrl = "https://api.openai.com/v1") {
  const base2 = baseUrl.replace(/\/+$/, "");
  return [
    http.all(`${base2}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const below = url.href.slice(base2.length);
      const target = `http://fake.local/v1${below}`;
      const hasBody = request.method !== "GET" && request.method !== "HEAD";
      return fake.fetch(target, {
        method: request.method,
        headers: request.headers,
        ...hasBody ? { body: await request.arrayBuffer() } : {}
      });
    })
  ];
}

// src/providers/fake/with-msw.ts
function createFakeOpenAI2(options = {}) {
  const fake = createFakeOpenAI(options);
  return { ...fake, handlers: (baseUrl) => fakeOpenAIHandlers(fake, baseUrl) };
}

// src/providers/openrouter-fake/catalog.ts
var base = {
  created: 1767225600,
  generate_audio: true,
  seed: true,
  creativity: null,
  upscale_factor: null,
  allowed_passthrough_parameters: []
};
function defaultFakeModels() {
  return [
    {
      ...base,
      id: "openai/sora-2-pro",
      canonical_slug: "openai/sora-2-pro",
      name: "OpenAI: Sora 2 Pro",
      description: "Sora 2 Pro through OpenRouter (explicit sizes).",
      supported_durations: [4, 8, 12],
      supported_resolutions: ["720p", "1080p"],
      supported_aspect_ratios: ["16:9", "9:16"],
      supported_sizes: ["1280x720", "720x1280", "1792x1024", "1024x1792"],
      supported_frame_images: ["first_frame"],
      seed: false,
      pricing_skus: {
        "per-video-second": "0.30",
        "per-video-second-1792x1024": "0.50",
        "per-video-second-1024x1792": "0.50"
      }
    },
    {
      ...base,
      id: "google/veo-3.1",
      canonical_slug: "google/veo-3.1",
      name: "Google: Veo 3.1",
      description: "Veo 3.1 (resolution and aspect ratio; no explicit sizes).",
      supported_durations: [4, 6, 8],
      supported_resolutions: ["720p", "1080p"],
      supported_aspect_ratios: ["16:9", "9:16"],
      supported_sizes: null,
      supported_frame_images: ["first_frame", "last_frame"],
      pricing_skus: { "per-video-second": "0.40", "per-video-second-1080p": "0.50" }
    },
    {
      ...base,
      id: "alibaba/wan-2.6",
      canonical_slug: "alibaba/wan-2.6",
      name: "Alibaba: Wan 2.6",
      description: "Wan 2.6 (text-to-video only in the fake).",
      supported_durations: [5, 10],
      supported_resolutions: ["720p"],
      supported_aspect_ratios: ["16:9", "9:16"],
      supported_sizes: null,
      supported_frame_images: null,
      generate_audio: false,
      pricing_skus: { "per-video-second": "0.04" }
    }
  ];
}
function fakePrice(model, size, resolution) {
  const skus = model.pricing_skus ?? {};
  const specific = skus[`per-video-second-${size}`] ?? (resolution && skus[`per-video-second-${resolution}`]);
  return Number.parseFloat(specific || skus["per-video-second"] || "0") || 0;
}

// src/providers/openrouter-fake/app.ts
import { Hono } from "hono";

// src/providers/openrouter-fake/scenarios.ts
function scenarioOf(prompt) {
  const has = (token) => prompt.includes(`fake:${token}`);
  const outcome = has("moderation_blocked") ? "moderation_blocked" : has("failed") ? "failed" : has("cancelled") ? "cancelled" : has("expired") ? "expired" : "completed";
  return { outcome, slow: has("slow"), rateLimit: has("rate_limit") };
}
var SCENARIO_ERRORS = {
  moderation_blocked: "Request blocked by the provider: the prompt was flagged by content moderation and violates the usage policy.",
  failed: "The provider failed to generate the video. Please try again.",
  cancelled: "The generation was cancelled by the provider.",
  expired: "The generation expired before its output was retrieved."
};
function statusAt(scenario, elapsedMs, durationMs) {
  const total = durationMs * (scenario.slow ? 3 : 1);
  const ends = {
    completed: total,
    expired: total,
    moderation_blocked: total * 0.4,
    failed: total * 0.6,
    cancelled: total * 0.5
  };
  const end = ends[scenario.outcome];
  if (elapsedMs >= end) {
    if (scenario.outcome === "completed") return { status: "completed", settledAt: end };
    const status = scenario.outcome === "moderation_blocked" ? "failed" : scenario.outcome;
    return { status, error: SCENARIO_ERRORS[scenario.outcome], settledAt: end };
  }
  return { status: elapsedMs < total * 0.1 ? "pending" : "in_progress" };
}

// src/providers/openrouter-fake/jobs.ts
function jobView(job, now, durationMs, base2) {
  const state = statusAt(job.scenario, now - job.submittedAt, durationMs);
  const view = {
    id: job.id,
    polling_url: `${base2.path}/videos/${job.id}`,
    status: state.status
  };
  if (state.error) view.error = state.error;
  if (state.status === "completed") {
    view.generation_id = `gen-${job.id}`;
    view.unsigned_urls = [`${base2.url}/videos/${job.id}/content?index=0`];
    view.usage = { cost: job.cost, is_byok: false };
  }
  return view;
}
function settledAt(job, now, durationMs) {
  const state = statusAt(job.scenario, now - job.submittedAt, durationMs);
  return state.settledAt === void 0 ? void 0 : job.submittedAt + state.settledAt;
}
function webhookEvent(view, job, at) {
  const status = view.status;
  return {
    type: `video.generation.${status}`,
    created_at: new Date(at).toISOString(),
    data: {
      id: view.id,
      status,
      generation_id: view.generation_id ?? null,
      model: job.request.model.id,
      ...view.unsigned_urls ? { unsigned_urls: view.unsigned_urls } : {},
      ...view.usage ? { usage: view.usage } : {},
      ...view.error ? { error: view.error } : {}
    }
  };
}

// src/providers/openrouter-fake/validate.ts
function list(values) {
  return values && values.length > 0 ? values.join(", ") : "none";
}
function outOfSet(name, value, allowed, model) {
  if (value === void 0) return void 0;
  if (allowed?.includes(value)) return void 0;
  return `${name} ${JSON.stringify(value)} is not supported by ${model}; supported: ${list(allowed)}`;
}
function pickSize(model, body) {
  if (body.size) return body.size;
  const resolution = body.resolution ?? model.supported_resolutions?.[0];
  const aspect = body.aspect_ratio ?? model.supported_aspect_ratios?.[0];
  const derived = resolution && aspect ? sizeFromResolution(resolution, aspect) : void 0;
  return derived ?? model.supported_sizes?.[0];
}
function checkFrames(model, body) {
  for (const frame of body.frame_images ?? []) {
    if (frame?.type !== "image_url" || typeof frame.image_url?.url !== "string" || !frame.image_url.url) {
      return 'frame_images entries need {type: "image_url", image_url: {url}}';
    }
    const problem = outOfSet("frame_type", frame.frame_type, model.supported_frame_images, model.id);
    if (problem) return problem;
  }
  return void 0;
}
function checkCreate(raw, models) {
  const body = raw ?? {};
  if (typeof body.model !== "string" || body.model === "") return { ok: false, message: "model is required" };
  const model = models.find((m) => m.id === body.model);
  if (!model) return { ok: false, message: `${body.model} is not a video generation model` };
  if (typeof body.prompt !== "string" || body.prompt.trim() === "") {
    return { ok: false, message: "prompt is required" };
  }
  if (body.duration !== void 0 && !Number.isInteger(body.duration)) {
    return { ok: false, message: "duration must be an integer" };
  }
  const problem = outOfSet("duration", body.duration, model.supported_durations, model.id) ?? outOfSet("resolution", body.resolution, model.supported_resolutions, model.id) ?? outOfSet("aspect_ratio", body.aspect_ratio, model.supported_aspect_ratios, model.id) ?? outOfSet("size", body.size, model.supported_sizes, model.id) ?? checkFrames(model, body);
  if (problem) return { ok: false, message: problem };
  const size = pickSize(model, body);
  if (!size) return { ok: false, message: `${model.id} cannot make the requested size` };
  return {
    ok: true,
    value: {
      model,
      prompt: body.prompt,
      duration: body.duration ?? model.supported_durations?.[0] ?? 4,
      size,
      resolution: body.resolution ?? resolutionOfSize(size),
      callbackUrl: typeof body.callback_url === "string" && body.callback_url ? body.callback_url : void 0,
      hasFrameImage: (body.frame_images?.length ?? 0) > 0
    }
  };
}

// src/providers/openrouter-fake/app.ts
var FAKE_BASE_HEADER = "x-fake-openrouter-base";
var INSUFFICIENT_CREDITS = "Insufficient credits. Add more using https://openrouter.ai/settings/credits";
function fail(c, status, message, retryAfter) {
  if (retryAfter !== void 0) c.header("Retry-After", String(retryAfter));
  const body = { error: { code: status, message } };
  return c.json(body, status);
}
function baseOf(c) {
  const told = c.req.header(FAKE_BASE_HEADER);
  const url = (told ?? `${new URL(c.req.url).origin}/api/v1`).replace(/\/+$/, "");
  return { url, path: new URL(url).pathname };
}
function routeKey(method, path) {
  const below = path.replace(/^\/api\/v1/, "").replace(/\/+$/, "");
  const route = below === "/videos" || below === "/videos/models" ? below : /^\/videos\/[^/]+\/content$/.test(below) ? "/videos/:id/content" : /^\/videos\/[^/]+$/.test(below) ? "/videos/:id" : below || "/";
  return `${method.toUpperCase()} ${route}`;
}
function authorized(c, state) {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "");
  return match !== null && (state.apiKey === void 0 || match[1] === state.apiKey);
}
var sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function mountCreate(api, state) {
  api.post("/videos", async (c) => {
    const raw = await c.req.json().catch(() => void 0);
    if (raw === void 0) return fail(c, 400, "Request body must be JSON");
    const checked = checkCreate(raw, state.models);
    if (!checked.ok) return fail(c, 400, checked.message);
    const request = checked.value;
    const scenario = scenarioOf(request.prompt);
    if (scenario.rateLimit) {
      const seen = state.rateLimitHits.get(request.prompt) ?? 0;
      if (seen < 2) {
        state.rateLimitHits.set(request.prompt, seen + 1);
        return fail(c, 429, "Rate limit exceeded. Please slow down.", 1);
      }
    }
    const usd = fakePrice(request.model, request.size, request.resolution) * request.duration;
    const cost = Math.round(usd * 1e6) / 1e6;
    if (state.credits !== void 0 && state.credits < cost) return fail(c, 402, INSUFFICIENT_CREDITS);
    if (state.credits !== void 0) state.credits -= cost;
    const job = { id: state.newId("job"), request, scenario, submittedAt: state.clock.now(), cost };
    state.jobs.set(job.id, job);
    const view = jobView(job, job.submittedAt, state.generationMs, baseOf(c));
    return c.json({ id: view.id, polling_url: view.polling_url, status: "pending" }, 202);
  });
}
function mountRead(api, state) {
  api.get("/videos/models", (c) => c.json({ data: state.models }));
  api.get("/videos/:id", (c) => {
    const job = state.jobs.get(c.req.param("id"));
    if (!job) return fail(c, 404, "Video generation job not found");
    return c.json(jobView(job, state.clock.now(), state.generationMs, baseOf(c)));
  });
  api.get("/videos/:id/content", async (c) => {
    const job = state.jobs.get(c.req.param("id"));
    if (!job) return fail(c, 404, "Video generation job not found");
    const view = jobView(job, state.clock.now(), state.generationMs, baseOf(c));
    if (view.status === "expired") return fail(c, 410, "The video has expired");
    if (view.status !== "completed") return fail(c, 409, `Video generation is ${view.status}`);
    const index = c.req.query("index") ?? "0";
    if (index !== "0") return fail(c, 404, `No output at index ${index}`);
    const loaded = await state.media("video", job.request.size, job.request.duration);
    const bytes = loaded instanceof Uint8Array ? loaded : new Uint8Array(await new Response(loaded).arrayBuffer());
    const body = state.faults.cutDownload() ? cutStream(bytes) : bytes;
    return c.body(body, 200, { "Content-Type": "video/mp4", "Content-Length": String(bytes.byteLength) });
  });
}
function createFakeOpenRouterApp(state) {
  const api = new Hono();
  api.use("*", async (c, next) => {
    state.counters.hit(routeKey(c.req.method, c.req.path));
    if (state.faults.latencyMs > 0) await sleep(state.faults.latencyMs);
    state.onRequest();
    const scripted = state.scripted.take(routeKey(c.req.method, c.req.path));
    if (scripted) return fail(c, scripted.status, scripted.message, scripted.retryAfter);
    const isModels = c.req.path.endsWith("/videos/models");
    if (!isModels && !authorized(c, state)) return fail(c, 401, "No auth credentials found");
    const fault = state.faults.request(routeKey(c.req.method, c.req.path));
    if (fault === "server_error") return fail(c, 500, "Internal Server Error");
    if (fault === "rate_limit")
      return fail(c, 429, "Rate limit exceeded. Please slow down.", state.faults.retryAfterSeconds);
    await next();
  });
  mountRead(api, state);
  mountCreate(api, state);
  const app = new Hono();
  app.route("/api/v1", api);
  app.notFound((c) => fail(c, 404, "Not Found"));
  app.onError((_error, c) => fail(c, 500, "Internal Server Error"));
  return app;
}

// src/providers/openrouter-fake/faults.ts
var DEFAULT_MESSAGES = {
  402: "Insufficient credits. Add more using https://openrouter.ai/settings/credits",
  429: "Rate limit exceeded. Please slow down.",
  500: "Internal Server Error",
  502: "Bad gateway: the upstream provider returned an invalid response",
  503: "Service temporarily unavailable"
};
function createScriptedFaults(initial = []) {
  const pending = [];
  const queue = {
    add(fault) {
      pending.push({ fault, left: fault.times ?? 1 });
    },
    take(route) {
      const entry = pending.find((p) => p.fault.route === route && p.left > 0);
      if (!entry) return void 0;
      entry.left -= 1;
      if (entry.left === 0) pending.splice(pending.indexOf(entry), 1);
      const { status, retryAfter } = entry.fault;
      return {
        status,
        message: entry.fault.message ?? DEFAULT_MESSAGES[status] ?? `HTTP ${status}`,
        ...retryAfter === void 0 ? {} : { retryAfter }
      };
    },
    clear() {
      pending.length = 0;
    }
  };
  for (const fault of initial) queue.add(fault);
  return queue;
}

// src/providers/openrouter-fake/msw.ts
import { http as http2 } from "msw";
function fakeOpenRouterHandlers(fake, baseUrl = "https://openrouter.ai/api/v1") {
  const base2 = baseUrl.replace(/\/+$/, "");
  return [
    http2.all(`${base2}/*`, async ({ request }) => {
      const below = request.url.slice(base2.length);
      const headers = new Headers(request.headers);
      headers.set(FAKE_BASE_HEADER, base2);
      const hasBody = request.method !== "GET" && request.method !== "HEAD";
      return fake.fetch(`http://fake-openrouter.local/api/v1${below}`, {
        method: request.method,
        headers,
        ...hasBody ? { body: await request.arrayBuffer() } : {}
      });
    })
  ];
}

// src/providers/openrouter-fake/webhooks.ts
var MAX_ATTEMPTS = 5;
var FIRST_RETRY_MS = 1e3;
async function send(options, entry) {
  const body = JSON.stringify(entry.event);
  const t = Math.floor((options.timestamp ?? Date.now)() / 1e3);
  const request = new Request(entry.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "OpenRouter-Webhooks (sora-kit fake)",
      [OPENROUTER_SIGNATURE_HEADER]: await signOpenRouterWebhook(options.secret, body, t),
      [OPENROUTER_IDEMPOTENCY_HEADER]: entry.key
    },
    body
  });
  try {
    const response = await (options.fetch ?? ((r) => fetch(r)))(request);
    await response.body?.cancel();
    return { status: response.status, body };
  } catch {
    return { status: 0, body };
  }
}
function createOpenRouterNotifier(newKey, options) {
  const pending = /* @__PURE__ */ new Map();
  const log = [];
  const inFlight = /* @__PURE__ */ new Set();
  const attempt = async (entry, now) => {
    if (!options) return;
    entry.attempts += 1;
    entry.nextAt = now + FIRST_RETRY_MS * 2 ** (entry.attempts - 1);
    const { status, body } = await send(options, entry);
    log.push({ event: entry.event, idempotencyKey: entry.key, url: entry.url, body, status });
    entry.done = status >= 200 && status < 300 || entry.attempts >= MAX_ATTEMPTS;
  };
  const notifier = {
    queue(jobId, callbackUrl, event, at) {
      const url = callbackUrl ?? options?.url;
      if (!options || !url || pending.has(jobId)) return;
      pending.set(jobId, { key: newKey(), url, event, attempts: 0, nextAt: at, done: false });
    },
    async sweep(now) {
      const due = [...pending.values()].filter((entry) => !entry.done && entry.nextAt <= now);
      const work = Promise.all(due.map((entry) => attempt(entry, now))).then(() => void 0);
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
  return notifier;
}

// src/providers/openrouter-fake/fake.ts
function randomId(prefix) {
  return `${prefix}-${crypto.randomUUID()}`;
}
function createFakeOpenRouter(options = {}) {
  const inner = options.clock ?? createFakeClock(options.now);
  const newId = options.id ?? randomId;
  const notifier = createOpenRouterNotifier(() => newId("whk"), options.webhook);
  const jobs = /* @__PURE__ */ new Map();
  let publicBase = "https://openrouter.ai/api/v1";
  const base2 = () => ({ url: publicBase, path: new URL(publicBase).pathname });
  const sweep = (now) => {
    for (const job of jobs.values()) {
      const at = settledAt(job, now, state.generationMs);
      if (at === void 0) continue;
      const event = webhookEvent(jobView(job, now, state.generationMs, base2()), job, at);
      notifier.queue(job.id, job.request.callbackUrl, event, at);
    }
    return notifier.sweep(now);
  };
  const clock = {
    now: () => inner.now(),
    advance(ms) {
      inner.advance(ms);
      void sweep(inner.now());
    }
  };
  const state = {
    clock,
    models: options.models ?? defaultFakeModels(),
    jobs,
    counters: createCounters(),
    faults: createFaultInjector(options.faults),
    scripted: createScriptedFaults(options.script),
    media: options.media ?? nodeMediaLoader(),
    generationMs: (options.generationSeconds ?? 12) * 1e3,
    ...options.apiKey !== void 0 ? { apiKey: options.apiKey } : {},
    credits: options.credits,
    rateLimitHits: /* @__PURE__ */ new Map(),
    newId,
    onRequest: () => void sweep(inner.now())
  };
  const app = createFakeOpenRouterApp(state);
  const fetchFake = async (input, init) => app.fetch(input instanceof Request && !init ? input : new Request(input, init));
  const fake = {
    app,
    fetch: fetchFake,
    handlers(baseUrl = "https://openrouter.ai/api/v1") {
      publicBase = baseUrl.replace(/\/+$/, "");
      return fakeOpenRouterHandlers(fake, baseUrl);
    },
    clock,
    async advance(ms) {
      inner.advance(ms);
      await sweep(inner.now());
      await notifier.idle();
    },
    idle: () => notifier.idle(),
    counters: state.counters,
    jobs: () => [...jobs.values()].map((job) => jobView(job, clock.now(), state.generationMs, base2())),
    credits: () => state.credits,
    fail: (fault) => state.scripted.add(fault),
    webhookDeliveries: () => notifier.deliveries(),
    async listen(listenOptions = {}) {
      const { serveFake } = await import("./serve-M5SWRZP5.js");
      const server = await serveFake(app, listenOptions, () => sweep(clock.now()), "/api/v1");
      publicBase = server.url;
      return server;
    }
  };
  return fake;
}

// src/testing/memory-blobs.ts
async function etagOf(bytes) {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  const hex = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `"${hex.slice(0, 32)}"`;
}
function streamOf(bytes) {
  return new ReadableStream({
    start(controller) {
      if (bytes.byteLength > 0) controller.enqueue(bytes);
      controller.close();
    }
  });
}
function memoryBlobs(options = {}) {
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const blobs = /* @__PURE__ */ new Map();
  return {
    async put(key, body, { contentType }) {
      assertSafeKey(key);
      const bytes = await collectBytes(body);
      const info = {
        key,
        bytes: bytes.byteLength,
        contentType,
        etag: await etagOf(bytes),
        lastModified: now()
      };
      blobs.set(key, { info, bytes });
      return info;
    },
    async get(key, range) {
      assertSafeKey(key);
      const blob = blobs.get(key);
      if (!blob) return null;
      const { start, end } = clampRange(range, blob.bytes.byteLength);
      return { info: blob.info, body: streamOf(blob.bytes.slice(start, end + 1)) };
    },
    async stat(key) {
      assertSafeKey(key);
      return blobs.get(key)?.info ?? null;
    },
    async delete(key) {
      assertSafeKey(key);
      blobs.delete(key);
    }
  };
}

// src/testing/sora-mock.ts
import { Hono as Hono2 } from "hono";
import { delay, HttpResponse, http as http3 } from "msw";
import OpenAI from "openai";
import { createStorage } from "unstorage";

// src/testing/seed-plan.ts
var QUEUED_SHARE = 0.1;
var FAIL_AT = { moderation_blocked: 0.3, failed: 0.6 };
function ageFor(state, generationMs) {
  if (state === "queued") return 0;
  if (state === "completed") return generationMs;
  if (state === "moderation_blocked" || state === "failed") return Math.ceil(generationMs * FAIL_AT[state]);
  const percent = Math.min(99, Math.max(Math.ceil(QUEUED_SHARE * 100), Math.round(state.progress)));
  return Math.round((percent + 0.5) / 100 * generationMs);
}
function promptFor(job) {
  if (job.state === "moderation_blocked" && !job.prompt.includes(SCENARIO_TOKENS.moderation)) {
    return `${job.prompt} ${SCENARIO_TOKENS.moderation}`;
  }
  if (job.state === "failed" && !job.prompt.includes(SCENARIO_TOKENS.failed)) {
    return `${job.prompt} ${SCENARIO_TOKENS.failed}`;
  }
  return job.prompt;
}
function planSeed(jobs, generationMs) {
  const aged = jobs.map((job, index) => ({
    index,
    age: ageFor(job.state, generationMs),
    prompt: promptFor(job)
  }));
  aged.sort((a, b) => b.age - a.age || b.index - a.index);
  const steps = [];
  let previous = aged[0]?.age ?? 0;
  let totalMs = 0;
  for (const [position, job] of aged.entries()) {
    const advanceMs = position === 0 ? 0 : Math.max(1, previous - job.age);
    steps.push({ index: job.index, advanceMs, prompt: job.prompt });
    totalMs += advanceMs;
    previous = job.age;
  }
  return { steps, finalAdvanceMs: previous, totalMs: totalMs + previous };
}

// src/testing/sora-mock.ts
var SECRET = "storybook-only-secret-never-used-for-real-data-0123456789";
function switchableAdmission() {
  const control = {
    refuseFor: false,
    async admit() {
      if (control.refuseFor === false) return { ok: true, reservation: "storybook" };
      return {
        ok: false,
        code: "rate_limited",
        message: "Too many videos in a short time.",
        retryAfterSeconds: control.refuseFor
      };
    },
    async settle() {
    }
  };
  return control;
}
function defaultMediaLoader(options) {
  if (options.media) return options.media;
  const origin = typeof location === "undefined" ? "http://localhost/" : location.href;
  return urlMediaLoader(new URL(options.mediaBaseUrl ?? "/sora-kit-media/", origin));
}
function buildHandler(fake, admission, identity) {
  const client = new OpenAI({
    apiKey: "sk-fake-storybook",
    baseURL: "http://fake.local/v1",
    fetch: fake.fetch,
    dangerouslyAllowBrowser: true,
    maxRetries: 0
  });
  return createSoraHandler({
    provider: openaiProvider({ client, name: "fake" }),
    secret: SECRET,
    storage: createStorage(),
    blobs: memoryBlobs({ now: () => new Date(fake.clock.now()) }),
    auth: () => ({ id: identity }),
    admission,
    logger: false,
    now: () => new Date(fake.clock.now()),
    // Every unfinished job is due at every read, so a moved clock shows at once.
    polling: { minDelayMs: 0, maxDelayMs: 0, leaseSettleMs: 0, tickMs: 250 }
  });
}
function createSoraMock(options = {}) {
  const base2 = (options.base ?? "/api/sora").replace(/\/+$/, "");
  const live = options.live ?? false;
  const generationSeconds = options.generationSeconds ?? (live ? 12 : 120);
  const origin = Date.now();
  let setBack = 0;
  const clock = createFakeClock(live ? () => Date.now() - setBack : () => origin - setBack);
  const fake = createFakeOpenAI({ clock, generationSeconds, media: defaultMediaLoader(options) });
  const admission = switchableAdmission();
  const handler = buildHandler(fake, admission, options.identity ?? "storybook");
  const app = new Hono2().route(base2, handler);
  const flags = { offline: false, stall: false };
  if (live) handler.startPolling();
  const request = (path, init) => Promise.resolve(app.fetch(new Request(new URL(`${base2}${path}`, "http://localhost"), init)));
  const create = async (input) => {
    const body = typeof input === "string" ? { prompt: input } : input;
    const response = await request("/videos", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body)
    });
    if (response.status !== 202) throw new Error(`createSoraMock: create answered ${response.status}`);
    return await response.json();
  };
  const readJob = async (jobId) => await (await request(`/videos/${jobId}`)).json();
  return {
    base: base2,
    handler,
    fake,
    clock: fake.clock,
    request,
    create,
    handlers: () => [
      // Any origin: the page's in Storybook, whatever a test uses in Node.
      http3.all(`*${base2}/*`, async ({ request: incoming }) => {
        if (flags.offline) return HttpResponse.error();
        const url = new URL(incoming.url);
        const isHistory = incoming.method === "GET" && url.pathname === `${base2}/videos`;
        if (flags.stall === "all" || flags.stall === "history" && isHistory) await delay("infinite");
        return app.fetch(incoming);
      })
    ],
    async seed(jobs) {
      const { steps, finalAdvanceMs, totalMs } = planSeed(jobs, generationSeconds * 1e3);
      setBack += totalMs;
      const created = /* @__PURE__ */ new Map();
      for (const step of steps) {
        if (step.advanceMs > 0) clock.advance(step.advanceMs);
        const job = jobs[step.index];
        const { prompt: _, state: __, ...rest } = job;
        created.set(step.index, await create({ ...rest, prompt: step.prompt }));
      }
      if (finalAdvanceMs > 0) clock.advance(finalAdvanceMs);
      await handler.pollOnce();
      return Promise.all(jobs.map((_, index) => readJob(created.get(index).jobId)));
    },
    async advance(ms) {
      await fake.advance(ms);
      await handler.pollOnce();
    },
    rateLimit(retryAfterSeconds) {
      admission.refuseFor = retryAfterSeconds;
    },
    offline(on) {
      flags.offline = on;
    },
    stall(what) {
      flags.stall = what;
    },
    close: () => handler.close()
  };
}
export {
  FAKE_MODEL_SIZES,
  FAKE_SECONDS,
  SCENARIO_ERRORS as OPENROUTER_SCENARIO_ERRORS,
  SCENARIO_TOKENS,
  createFakeClock,
  createFakeOpenAI2 as createFakeOpenAI,
  createFakeOpenRouter,
  createSoraMock,
  defaultFakeModels,
  fakeOpenAIHandlers,
  fakeOpenRouterHandlers,
  fixtureName,
  memoryBlobs,
  nodeMediaLoader,
  seededRandom,
  signWebhook,
  urlMediaLoader
};
//# sourceMappingURL=testing.js.map
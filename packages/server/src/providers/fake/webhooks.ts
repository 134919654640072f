/**
 * Webhooks as OpenAI sends them: `video.completed` / `video.failed` events signed per Standard
 * Webhooks, which the SDK's `webhooks.unwrap()` / `verifySignature()` accept. WebCrypto only, so
 * this runs in browsers too.
 */

/** Where and how the fake delivers webhooks. */
export interface FakeWebhookOptions {
  /** The endpoint receiving the POSTs. */
  url: string;
  /** The signing secret, `whsec_<base64>` as OpenAI's dashboard shows it (or any string). */
  secret: string;
  /** Sends the POST (default: global fetch); e.g. a handler's `app.request`. */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * The `webhook-timestamp` source (epoch ms). Default: the wall clock, since receivers check it
   * against their own time, not the fake's.
   */
  timestamp?: () => number;
}

/** One event, as the receiver parses it. */
export interface FakeWebhookEvent {
  id: string;
  object: 'event';
  created_at: number;
  type: 'video.completed' | 'video.failed';
  data: { id: string };
}

/** A delivery attempt, kept for inspection. */
export interface FakeWebhookDelivery {
  event: FakeWebhookEvent;
  /** The receiver's status, or 0 when the request itself failed. */
  status: number;
}

function secretBytes(secret: string): Uint8Array<ArrayBuffer> {
  if (secret.startsWith('whsec_')) {
    const binary = atob(secret.slice('whsec_'.length));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  }
  return new TextEncoder().encode(secret);
}

function toBase64(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)));
}

/** The three Standard Webhooks headers for `body`. */
export async function signWebhook(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): Promise<Record<string, string>> {
  const key = await crypto.subtle.importKey(
    'raw',
    secretBytes(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signed = new TextEncoder().encode(`${id}.${timestampSeconds}.${body}`);
  const signature = await crypto.subtle.sign('HMAC', key, signed);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': `v1,${toBase64(signature)}`,
  };
}

/** Sends one signed event; resolves to the receiver's status (0 when unreachable or unsignable). */
export async function deliverWebhook(options: FakeWebhookOptions, event: FakeWebhookEvent): Promise<number> {
  try {
    const body = JSON.stringify(event);
    const timestamp = Math.floor((options.timestamp ?? Date.now)() / 1000);
    const headers = await signWebhook(options.secret, event.id, timestamp, body);
    const request = new Request(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'OpenAI/1.0 (sora-kit fake)',
        ...headers,
      },
      body,
    });
    const response = await (options.fetch ?? ((r: Request) => fetch(r)))(request);
    // Not awaited: some interceptors (msw) never settle a cancel, and the answer's body is unused.
    void response.body?.cancel().catch(() => undefined);
    return response.status;
  } catch {
    // A bad secret, URL or receiver counts as a failed attempt; it must never crash the fake.
    return 0;
  }
}

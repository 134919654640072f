/** A cookie-jar client over `app.request`, so two clients are two users of one handler. */

/** Anything with Hono's `request`. */
export interface Requestable {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

/** A browser-like client: keeps the cookies the handler sets. */
export interface JarClient {
  request(path: string, init?: RequestInit): Promise<Response>;
  json(path: string, body: unknown, init?: RequestInit): Promise<Response>;
  cookies: Map<string, string>;
}

/** The base URL every request goes to (same-origin requests carry this as `Origin`). */
export const BASE = 'http://sora.test';

/** Creates a client with its own cookie jar. */
export function jarClient(app: Requestable): JarClient {
  const cookies = new Map<string, string>();
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookies.size > 0 && !headers.has('cookie')) {
      headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const res = await app.request(`${BASE}${path}`, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return res;
  };
  const json = (path: string, body: unknown, init: RequestInit = {}) =>
    request(path, {
      method: 'POST',
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(init.headers as Record<string, string> | undefined),
      },
      body: JSON.stringify(body),
    });
  return { request, json, cookies };
}

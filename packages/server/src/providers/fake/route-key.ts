/** The OpenAI fake's counter keys: a request's method and route pattern. */

const ROUTES: Array<[RegExp, string]> = [
  [/^\/videos$/, '/videos'],
  [/^\/videos\/edits$/, '/videos/edits'],
  [/^\/videos\/extensions$/, '/videos/extensions'],
  [/^\/videos\/characters$/, '/videos/characters'],
  [/^\/videos\/characters\/[^/]+$/, '/videos/characters/:id'],
  [/^\/videos\/[^/]+\/content$/, '/videos/:id/content'],
  [/^\/videos\/[^/]+\/remix$/, '/videos/:id/remix'],
  [/^\/videos\/[^/]+$/, '/videos/:id'],
];

/** The counter key of a request: its method and the route pattern of its path below `/v1`. */
export function routeKey(method: string, path: string): string {
  const below = path.replace(/^.*?\/v1(?=\/)/, '').replace(/\/+$/, '');
  const match = ROUTES.find(([pattern]) => pattern.test(below));
  return `${method.toUpperCase()} ${match ? match[1] : below || '/'}`;
}

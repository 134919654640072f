// The whole sora-kit API at /api/sora/*, as one catch-all route handler.
import { createSoraHandler, fakeProvider, openaiProvider, toRouteHandlers } from '@sora-kit/server';
import { soraSecret } from '../../../../lib/secret';

const dataDir = process.env.SORA_KIT_DATA_DIR || '.sora-kit';

const sora = createSoraHandler({
  provider: process.env.OPENAI_API_KEY
    ? openaiProvider({ apiKey: process.env.OPENAI_API_KEY })
    : fakeProvider({ generationSeconds: Number(process.env.SORA_KIT_FAKE_SECONDS || 12) }),
  secret: soraSecret(dataDir),
  dataDir,
  // Next passes whole URLs: the handler routes under this folder. Behind a proxy or on a public
  // host, also give `publicUrl` (next start sees every request as localhost:PORT).
  basePath: '/api/sora',
  publicUrl: process.env.SORA_KIT_PUBLIC_URL || undefined,
});

const routes = toRouteHandlers(sora);
let polling = false;

/** Starts the poller with the first request (not while `next build` loads this module). */
function withPolling(handle: (request: Request) => Response | Promise<Response>) {
  return (request: Request) => {
    if (!polling) {
      polling = true;
      sora.startPolling();
    }
    return handle(request);
  };
}

export const dynamic = 'force-dynamic';
export const GET = withPolling(routes.GET);
export const HEAD = withPolling(routes.HEAD);
export const POST = withPolling(routes.POST);
export const DELETE = withPolling(routes.DELETE);
export const OPTIONS = withPolling(routes.OPTIONS);

/**
 * msw, the optional peer behind the fakes' msw handlers, loaded synchronously on first use, so
 * `@sora-kit/server/testing` imports without it (Node, Bun, Deno). Browser bundles get
 * `msw-peer-browser.ts` instead, through the `#msw-peer` entry of package.json's `imports`.
 */
import { createRequire } from 'node:module';
import type * as Msw from 'msw';
import { isNotInstalled, MissingPeerError } from '../optional-peer.js';

let loaded: typeof Msw | undefined;

/** The msw module; throws {@link MissingPeerError} when msw is not installed. */
export function msw(): typeof Msw {
  if (loaded) return loaded;
  const name = 'msw'; // a variable, so that bundlers leave this require alone
  try {
    loaded = createRequire(import.meta.url)(name) as typeof Msw;
  } catch (error) {
    throw isNotInstalled(error, name)
      ? new MissingPeerError(name, 'msw handlers (fake.handlers(), fakeOpenAIHandlers(), …)', {
          cause: error,
        })
      : error;
  }
  return loaded;
}

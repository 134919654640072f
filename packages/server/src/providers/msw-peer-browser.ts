/** `msw-peer.ts` for browser bundles: there msw is imported as usual (Storybook, browser tests). */
import * as Msw from 'msw';

/** The msw module. */
export function msw(): typeof Msw {
  return Msw;
}

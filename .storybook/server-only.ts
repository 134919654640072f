/**
 * A Vite plugin for the Storybook build: the handler loads a few Node-only modules lazily (the
 * default file storage and blobs, sharp for reference images, the fakes' sockets). Stories pass in-memory storage and
 * blobs, so those imports never run in the browser; this swaps them for stubs that say so if they
 * ever do, instead of letting Rollup fail on `node:fs`.
 */
import type { Plugin } from 'vite';

const STUB_PREFIX = '\0sora-kit-server-only:';

/** Module ids (as imported) that are Node-only, and the export the stub must offer. */
const STUBS: { match: (id: string, importer: string | undefined) => boolean; exportName: string }[] = [
  { match: (id) => id === 'sharp', exportName: 'default' },
  { match: (id) => id === 'unstorage/drivers/fs', exportName: 'default' },
  // The fakes' `listen()` (a real socket) is Node only.
  { match: (id) => id === '@hono/node-server', exportName: 'serve' },
  {
    match: (id, importer) =>
      id.endsWith('/blobs/fs.js') && (importer ?? '').includes('/packages/server/src/'),
    exportName: 'fsBlobs',
  },
];

/** Stubs the server's Node-only lazy imports in the browser bundle. */
export function serverOnlyStubs(): Plugin {
  return {
    name: 'sora-kit-server-only-stubs',
    enforce: 'pre',
    resolveId(id, importer) {
      const stub = STUBS.find((candidate) => candidate.match(id, importer));
      return stub ? `${STUB_PREFIX}${stub.exportName}:${id}` : null;
    },
    load(id) {
      if (!id.startsWith(STUB_PREFIX)) return null;
      const [exportName, ...rest] = id.slice(STUB_PREFIX.length).split(':');
      const body = `function unavailable() { throw new Error(${JSON.stringify(`${rest.join(':')} is not available in Storybook (Node only)`)}); }`;
      return exportName === 'default'
        ? `${body}\nexport default unavailable;`
        : `${body}\nexport { unavailable as ${exportName} };`;
    },
  };
}

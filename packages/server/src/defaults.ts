/**
 * The embedded defaults — file storage and file blobs under the data dir — loaded lazily, so a
 * host on a runtime without a file system that passes its own `storage` and `blobs` never loads
 * `node:fs`.
 */
import { createStorage, type Driver, type Storage } from 'unstorage';
import type { BlobStore } from './blobs/types.js';

function joinPath(dir: string, name: string): string {
  return `${dir.replace(/[\\/]+$/, '')}/${name}`;
}

/** An unstorage driver that imports the real one on first use. */
function lazyDriver(load: () => Promise<Driver>): Driver {
  let driver: Promise<Driver> | undefined;
  const get = () => {
    driver ??= load();
    return driver;
  };
  return {
    name: 'sora-kit-lazy',
    hasItem: async (key, opts) => (await get()).hasItem(key, opts),
    getItem: async (key, opts) => (await get()).getItem(key, opts),
    setItem: async (key, value, opts) => (await get()).setItem?.(key, value, opts),
    removeItem: async (key, opts) => (await get()).removeItem?.(key, opts),
    getKeys: async (base, opts) => (await get()).getKeys(base, opts),
    clear: async (base, opts) => (await get()).clear?.(base, opts),
    getMeta: async (key, opts) => (await get()).getMeta?.(key, opts) ?? null,
    dispose: async () => {
      if (driver) await (await driver).dispose?.();
    },
  };
}

/** unstorage on files at `<dataDir>/jobs`. */
export function defaultStorage(dataDir: string): Storage {
  const base = joinPath(dataDir, 'jobs');
  return createStorage({
    driver: lazyDriver(async () => {
      const { default: fsDriver } = await import('unstorage/drivers/fs');
      return fsDriver({ base });
    }),
  });
}

/** `fsBlobs(<dataDir>/blobs)`, loaded on first use. */
export function defaultBlobs(dataDir: string): BlobStore {
  let store: Promise<BlobStore> | undefined;
  const get = () => {
    store ??= import('./blobs/fs.js').then(({ fsBlobs }) => fsBlobs(joinPath(dataDir, 'blobs')));
    return store;
  };
  return {
    put: async (key, body, options) => (await get()).put(key, body, options),
    get: async (key, range) => (await get()).get(key, range),
    stat: async (key) => (await get()).stat(key),
    delete: async (key) => (await get()).delete(key),
  };
}

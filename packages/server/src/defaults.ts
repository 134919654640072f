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

const TEMP_SUFFIX = '.tmp';

/**
 * unstorage's fs driver with atomic writes: each value goes to a temp file that is renamed into
 * place, so a concurrent reader never sees a half-written record and a process killed mid-write
 * leaves the previous value intact (the stock driver truncates, then writes).
 */
async function atomicFsDriver(base: string): Promise<Driver> {
  const [{ default: fsDriver }, fsp, path, { randomUUID }, { createFsReadCache }] = await Promise.all([
    import('unstorage/drivers/fs'),
    import('node:fs/promises'),
    import('node:path'),
    import('node:crypto'),
    import('./fs-read-cache.js'),
  ]);
  // Temp files are dot-names ending in `.tmp`; key listings skip them, and a sweep removes those
  // a killed process left behind.
  const driver = fsDriver({ base, ignore: ['**/node_modules/**', '**/.git/**', '**/.*.tmp'] });
  const root = path.resolve(base);
  const { startSweeping } = await import('./blobs/sweep.js');
  startSweeping(root, { isTemporary: (name) => name.startsWith('.') && name.endsWith(TEMP_SUFFIX) });
  const fileOf = (key: string): string => {
    if (/\.\.:|\.\.$/.test(key)) throw new Error(`Invalid key: ${JSON.stringify(key)}`);
    return path.join(root, key.replace(/:/g, '/'));
  };
  // Reads are most of the traffic (status reads, history pages, streams) and mostly of unchanged
  // records: a `stat` instead of open + read + close.
  const reads = createFsReadCache();
  const write = async (key: string, value: string | Uint8Array): Promise<void> => {
    const file = fileOf(key);
    reads.forget(file);
    const dir = path.dirname(file);
    await fsp.mkdir(dir, { recursive: true });
    const temp = path.join(dir, `.${path.basename(file)}.${randomUUID()}${TEMP_SUFFIX}`);
    try {
      await fsp.writeFile(temp, value);
      await fsp.rename(temp, file);
    } catch (error) {
      await fsp.unlink(temp).catch(() => {});
      throw error;
    }
  };
  return {
    ...driver,
    getItem: (key) => reads.read(fileOf(key)),
    setItem: (key, value) => write(key, value),
    setItemRaw: (key, value) => write(key, value),
    removeItem: async (key, opts) => {
      reads.forget(fileOf(key));
      await driver.removeItem?.(key, opts);
    },
  };
}

/** unstorage on files at `<dataDir>/jobs`, with atomic writes. */
export function defaultStorage(dataDir: string): Storage {
  return createStorage({ driver: lazyDriver(() => atomicFsDriver(joinPath(dataDir, 'jobs'))) });
}

/** `fsBlobs(<dataDir>/blobs)`, loaded on first use. */
export function defaultBlobs(dataDir: string): BlobStore {
  let store: Promise<BlobStore> | undefined;
  const get = () => {
    store ??= import('./blobs/fs.js').then(({ fsBlobs }) => fsBlobs(joinPath(dataDir, 'blobs')));
    return store;
  };
  // Opened at once, so the sweep of files left by an earlier crash runs at start, not at first use.
  get().catch(() => {});
  return {
    put: async (key, body, options) => (await get()).put(key, body, options),
    get: async (key, range) => (await get()).get(key, range),
    stat: async (key) => (await get()).stat(key),
    delete: async (key) => (await get()).delete(key),
  };
}

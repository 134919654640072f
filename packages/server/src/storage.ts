/**
 * The key-value storage the handler keeps jobs, leases and limits in: the part of unstorage's
 * `Storage` it calls, so any `createStorage()` fits, while the published types stay free of
 * unstorage's own (those need the DOM lib and every driver's optional packages to compile under
 * `skipLibCheck: false`).
 */
export interface SoraStorage {
  getItem<T = unknown>(key: string): Promise<T | null>;
  // biome-ignore lint/suspicious/noExplicitAny: unstorage's setItem is generic over its values.
  setItem(key: string, value: any, options?: { ttl?: number }): Promise<void>;
  hasItem(key: string): Promise<boolean>;
  removeItem(key: string): Promise<void>;
  getKeys(base?: string): Promise<string[]>;
  dispose(): Promise<void>;
}

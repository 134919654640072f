/**
 * The storage-safe key of an identity: the SHA-256 of its id, remembered for the ids seen lately
 * so a read does not hash the same caller again on every request.
 */
import { LRUCache } from 'lru-cache';
import { sha256Hex } from '../crypto.js';

const REMEMBERED_OWNERS = 10_000;

/** Returns `id → sha256Hex(id)`, memoised for the most recent ids. */
export function createOwnerKeys(): (id: string) => Promise<string> {
  const owners = new LRUCache<string, string>({ max: REMEMBERED_OWNERS });
  return async (id) => {
    const known = owners.get(id);
    if (known !== undefined) return known;
    const owner = await sha256Hex(id);
    owners.set(id, owner);
    return owner;
  };
}

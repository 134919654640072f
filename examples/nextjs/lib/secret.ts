import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** SORA_KIT_SECRET, or one made on first start and kept in the data dir (links survive restarts). */
export function soraSecret(dataDir: string): string {
  if (process.env.SORA_KIT_SECRET) return process.env.SORA_KIT_SECRET;
  const file = join(dataDir, 'secret');
  mkdirSync(dataDir, { recursive: true });
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    const made = randomBytes(32).toString('base64url');
    writeFileSync(file, made, { mode: 0o600 });
    return made;
  }
}

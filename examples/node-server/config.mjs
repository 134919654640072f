// Reads the demo's configuration from the environment. Bad values end the process with one line
// that says what to change, never a stack trace.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';

/** A configuration problem the user can fix; printed as one line. */
export class ConfigError extends Error {}

function integer(env, name, fallback, { min, max }) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function url(env, name) {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error();
    return raw;
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL such as https://api.openai.com/v1 (got "${raw}")`);
  }
}

// Without SORA_KIT_SECRET, a secret is made once and kept in the data dir, so signed links and
// sessions survive a restart.
async function loadSecret(env, dataDir) {
  const given = env.SORA_KIT_SECRET;
  if (given !== undefined && given !== '') {
    if (given.length < 32) throw new ConfigError('SORA_KIT_SECRET must be at least 32 characters long');
    return given;
  }
  const file = join(dataDir, 'secret');
  try {
    const kept = (await readFile(file, 'utf8')).trim();
    if (kept.length >= 32) return kept;
  } catch (error) {
    if (error.code !== 'ENOENT') throw new ConfigError(`cannot read ${file}: ${error.message}`);
  }
  const made = randomBytes(32).toString('base64url');
  await writeFile(file, made + '\n', { mode: 0o600 });
  return made;
}

/** Builds the demo's configuration from `env`; throws ConfigError with a one-line reason. */
export async function readConfig(env = process.env) {
  const port = integer(env, 'PORT', 3000, { min: 0, max: 65535 });
  const fakeSeconds = integer(env, 'SORA_KIT_FAKE_SECONDS', 12, { min: 1, max: 3600 });
  const baseURL = url(env, 'OPENAI_BASE_URL');
  const apiKey = env.OPENAI_API_KEY || undefined;
  const provider = env.SORA_KIT_PROVIDER || 'openai';
  if (provider !== 'openai' && provider !== 'openrouter') {
    throw new ConfigError(`SORA_KIT_PROVIDER must be "openai" or "openrouter" (got "${provider}")`);
  }
  const openrouterKey = env.OPENROUTER_API_KEY || undefined;
  const openrouterBaseURL = url(env, 'OPENROUTER_BASE_URL');
  // pnpm runs scripts inside the package; resolve relative paths against where the user typed.
  const cwd = env.INIT_CWD || process.cwd();
  const rawDir = env.SORA_KIT_DATA_DIR || './.sora-kit';
  const dataDir = isAbsolute(rawDir) ? rawDir : resolve(cwd, rawDir);
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (error) {
    throw new ConfigError(`SORA_KIT_DATA_DIR "${dataDir}" cannot be created: ${error.code ?? error.message}`);
  }
  const secret = await loadSecret(env, dataDir);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    provider,
    fakeSeconds,
    baseURL,
    apiKey,
    openrouterKey,
    openrouterBaseURL,
    dataDir,
    secret,
  };
}

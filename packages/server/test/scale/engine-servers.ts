/**
 * Private Redis and PostgreSQL servers for the outage tests: the suite stops and starts them, which
 * it must never do to the shared services on 6379 and 5432. Both keep their data on disk (Redis with
 * an append-only file, PostgreSQL as ever), so a stop loses nothing that was acknowledged.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A server the test can stop and start again on the same port and data. */
export interface EngineServer {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and removes its data. */
  destroy(): Promise<void>;
}

/** A Redis on its own port, persisting every write to an append-only file. */
export async function startPrivateRedis(): Promise<EngineServer> {
  const dir = await mkdtemp(join(tmpdir(), 'sora-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    const started = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = started;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      started.stdout?.on('data', (chunk) => {
        output += String(chunk);
        if (/Ready to accept connections/.test(output)) resolve();
      });
      started.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
    });
  };
  const stop = async () => {
    const stopping = child;
    if (!stopping || stopping.exitCode !== null) return;
    const gone = new Promise((resolve) => stopping.once('exit', resolve));
    stopping.kill('SIGTERM'); // Redis flushes its append-only file and exits
    await gone;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    destroy: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** PostgreSQL refuses to run as root: its commands run as the `postgres` user when we are root. */
async function asPostgres(command: string, args: string[]): Promise<void> {
  const bindir = (await run('pg_config', ['--bindir'])).stdout.trim();
  const file = join(bindir, command);
  if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', file, ...args]);
  else await run(file, args);
}

/** A PostgreSQL cluster of its own (initdb in a temporary folder), trust auth on 127.0.0.1. */
export async function startPrivatePostgres(): Promise<EngineServer> {
  const dir = await mkdtemp(join(tmpdir(), 'sora-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const uid = Number(stdout.trim());
    await chown(dir, uid, uid);
  }
  await chmod(dir, 0o700);
  const port = await freePort();
  await asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () =>
    asPostgres('pg_ctl', ['-D', data, '-o', options, '-w', '-l', join(dir, 'log'), 'start']);
  const stop = () => asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy: async () => {
      await stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// Checks the packages as npm users get them, from the packed tarballs (not the workspace):
//   1. `attw --profile node16` (types resolve for `require` and `import`) and `publint` on each tarball;
//   2. installs the tarballs into a fresh Node project outside the workspace, with no optional peer
//      except React (sharp, msw, @vercel/blob and the AWS SDK absent); there `require()` and
//      `import` of every entry must load, and each optional feature must fail with one line that
//      names its package (a reference image of the exact size passes without sharp);
//   3. `tsc` (module nodenext, `types: ["node"]`, `skipLibCheck: false`) compiles a .cts and an .mts
//      file importing every entry: core and server with `lib: ["ES2022"]` only (no DOM lib), the
//      elements and the testing entry with the DOM lib too (Lit's and msw's types need it).
//
//   node scripts/check-packages.mjs        (needs built packages: `pnpm build`)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules/.bin', name);
const work = mkdtempSync(join(tmpdir(), 'sora-kit-check-'));
// Peers the check app installs: a React host. Every other optional peer stays absent on purpose.
const HOST_PACKAGES = ['@types/node@^20.19.0', 'react@^19', '@types/react@^19', '@lit/react@^1'];

const run = (command, args, cwd) => {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    process.stdout.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw new Error(`check-packages: \`${[command, ...args].join(' ')}\` failed in ${cwd}`);
  }
};

// What a host without the optional peers sees when it uses their features: one clear line each.
const MISSING_PEERS = `
import {
  vercelBlobs, s3Blobs, prepareReference, MissingPeerError, redisCoordination, postgresCoordination, deploymentFromEnv,
} from '@sora-kit/server';
import { createFakeOpenAI } from '@sora-kit/server/testing';
const expectLine = async (what, pkg, run) => {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof MissingPeerError) || !error.message.includes('npm i ' + pkg)) throw error;
    return;
  }
  throw new Error(what + ' worked without ' + pkg);
};
await expectLine('vercelBlobs()', '@vercel/blob', () => vercelBlobs({ token: 'vercel_blob_rw_a_b' }).stat('k'));
await expectLine('s3Blobs()', '@aws-sdk/client-s3', () => s3Blobs({ bucket: 'b' }).stat('k'));
await expectLine('fake.handlers()', 'msw', () => createFakeOpenAI().handlers());
await expectLine('redisCoordination()', 'ioredis', () => redisCoordination({ url: 'redis://127.0.0.1:6379' }));
await expectLine('postgresCoordination()', 'pg', () => postgresCoordination({ connectionString: 'postgres://127.0.0.1/x' }));
await expectLine('SORA_KIT_STORAGE=postgres://…', 'pg', () => deploymentFromEnv({ SORA_KIT_STORAGE: 'postgres://127.0.0.1/x' }));
// A PNG header of 1280x720: passes unchanged without sharp; any other size is refused with a 400.
const png = (w, h) => {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, w);
  new DataView(bytes.buffer).setUint32(20, h);
  return new Blob([bytes]);
};
const same = await prepareReference(png(1280, 720), '1280x720', { maxBytes: 1e6 });
if (same.bytes.length !== 33) throw new Error('an exact-size reference changed without sharp');
const refused = await prepareReference(png(640, 360), '1280x720', { maxBytes: 1e6 }).catch((e) => e);
if (refused?.status !== 400 || !refused.message.includes('"sharp"')) throw refused;
console.log('missing optional peers: one clear line each (vercelBlobs, s3Blobs, msw handlers, Redis, PostgreSQL, reference resizing)');
`;

/**
 * Entries made for browsers only, left out of the Node checks: `@sora-kit/elements/browser` is one
 * prebuilt ES module for pages without a bundler (it defines custom elements at import, so neither
 * `require()` nor Node can load it by design).
 */
const BROWSER_ONLY = ['@sora-kit/elements/browser'];

try {
  const tarballs = JSON.parse(run('node', [join(root, 'scripts/pack.mjs'), join(work, 'tarballs')], root));

  for (const [name, file] of Object.entries(tarballs)) {
    const exclude = BROWSER_ONLY.filter((entry) => entry.startsWith(`${name}/`)).map(
      (entry) => `.${entry.slice(name.length)}`,
    );
    run(
      bin('attw'),
      [
        '--pack',
        file,
        '--profile',
        'node16',
        '--format',
        'table-flipped',
        ...(exclude.length ? ['--exclude-entrypoints', ...exclude] : []),
      ],
      work,
    );
    run(bin('publint'), ['run', file, '--strict'], work);
    console.log(`${name}: attw (node16) and publint clean`);
  }

  // Every entry point a user can import, from each package's exports map (JSON files aside).
  const entries = [];
  for (const name of Object.keys(tarballs)) {
    const manifest = JSON.parse(run('tar', ['xzOf', tarballs[name], 'package/package.json'], work));
    for (const subpath of Object.keys(manifest.exports)) {
      const entry = subpath === '.' ? name : `${name}${subpath.slice(1)}`;
      // Data files and patterns (`./media/*`: the sample clips) are not modules to load.
      const isModule = !subpath.endsWith('.json') && !subpath.includes('*');
      if (isModule && !BROWSER_ONLY.includes(entry)) entries.push(entry);
    }
  }

  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'check-app', private: true }));
  const install = (...specs) =>
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...specs], app);
  install(...Object.values(tarballs), ...HOST_PACKAGES);

  // Run time first, with msw, sharp, @vercel/blob and the AWS SDK absent.
  const ident = (entry) => entry.replace(/[^a-z0-9]+/gi, '_');
  const nonEmpty = (entry) =>
    `if (Object.keys(${ident(entry)}).length === 0) throw new Error('${entry}: no exports');\n`;
  writeFileSync(
    join(app, 'check.cjs'),
    entries.map((e) => `const ${ident(e)} = require('${e}');\n${nonEmpty(e)}`).join('') +
      `console.log('require(): ${entries.length} entries load');\n`,
  );
  writeFileSync(
    join(app, 'check.mjs'),
    entries.map((e) => `import * as ${ident(e)} from '${e}';\n`).join('') +
      entries.map(nonEmpty).join('') +
      `console.log('import: ${entries.length} entries load');\n`,
  );
  writeFileSync(join(app, 'missing-peers.mjs'), MISSING_PEERS);
  // Loading is not working: ky (an ES module) reached through `require()` once handed the
  // CommonJS client its whole module where its default export belongs. A round trip, both ways:
  // the server's handler on node:http, core's client creating a video on it with the fake.
  const roundTrip = (load) => `${load}
const { createServer } = require('node:http');
const { mkdtempSync } = require('node:fs');
const { join } = require('node:path');
const { tmpdir } = require('node:os');
const sora = createSoraHandler({
  provider: fakeProvider(),
  secret: 'check-packages-secret-0123456789abcdef',
  logger: false,
  dataDir: mkdtempSync(join(tmpdir(), 'sora-kit-check-data-')),
});
const server = createServer(toNodeListener(sora));
server.listen(0, '127.0.0.1', async () => {
  try {
    const client = createSoraClient({ endpoint: \`http://127.0.0.1:\${server.address().port}\` });
    const capabilities = await client.getCapabilities();
    const job = await client.createVideo({ prompt: 'A paper boat on a rainy street' });
    if (!capabilities.models.length || !job.jobId) throw new Error('unexpected answers');
    console.log('round trip (' + MODE + '): capabilities and a created job through the client');
  } finally {
    server.close();
    await sora.close();
  }
});
`;
  writeFileSync(
    join(app, 'round-trip.cjs'),
    roundTrip(`const MODE = 'require()';
const { createSoraHandler, fakeProvider } = require('@sora-kit/server');
const { toNodeListener } = require('@sora-kit/server/node');
const { createSoraClient } = require('@sora-kit/core');`),
  );
  writeFileSync(
    join(app, 'round-trip.mjs'),
    roundTrip(`const MODE = 'import';
import { createRequire } from 'node:module';
import { createSoraHandler, fakeProvider } from '@sora-kit/server';
import { toNodeListener } from '@sora-kit/server/node';
import { createSoraClient } from '@sora-kit/core';
const require = createRequire(import.meta.url);`),
  );
  process.stdout.write(run('node', ['check.cjs'], app));
  process.stdout.write(run('node', ['check.mjs'], app));
  process.stdout.write(run('node', ['missing-peers.mjs'], app));
  process.stdout.write(run('node', ['round-trip.cjs'], app));
  process.stdout.write(run('node', ['round-trip.mjs'], app));
  // A fake without its sample videos says so when it starts, not when its first video fails.
  writeFileSync(
    join(app, 'fake-without-media.mjs'),
    `import { fakeProvider } from '@sora-kit/server';
process.on('warning', (warning) => {
  if (warning.code !== 'SORA_KIT_SAMPLE_MEDIA_MISSING') return;
  console.log('without @sora-kit/sample-media, a fake warns at start: ' + warning.message.slice(0, 60) + '…');
  process.exitCode = 0;
});
process.exitCode = 1;
fakeProvider();
`,
  );
  const sampleMedia = join(app, 'node_modules/@sora-kit/sample-media');
  renameSync(sampleMedia, `${sampleMedia}.away`);
  try {
    process.stdout.write(run('node', ['fake-without-media.mjs'], app));
  } finally {
    renameSync(`${sampleMedia}.away`, sampleMedia);
  }

  // Types: core and server in a Node project without the DOM lib; the elements and the testing
  // entry with it (Lit's and msw's own types need the DOM). .cts and .mts compile apart, as a
  // project uses one or the other per entry.
  install('msw@^2'); // the testing entry's types name msw's handler type
  const needsDom = (e) => e.startsWith('@sora-kit/elements') || e === '@sora-kit/server/testing';
  const domFree = entries.filter((e) => !needsDom(e));
  const dom = entries.filter(needsDom);
  for (const [label, list, lib] of [
    ['node', domFree, ['ES2022']],
    ['dom', dom, ['ES2022', 'DOM', 'DOM.Iterable']],
  ]) {
    for (const ext of ['cts', 'mts']) {
      const file = `types-${label}.${ext}`;
      writeFileSync(
        join(app, file),
        list
          .map((e) =>
            ext === 'cts'
              ? `import ${ident(e)} = require('${e}');\n`
              : `import * as ${ident(e)} from '${e}';\n`,
          )
          .join('') + `export const loaded = [${list.map(ident).join(', ')}];\n`,
      );
      const config = `tsconfig.${label}.${ext}.json`;
      writeFileSync(
        join(app, config),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            module: 'nodenext',
            moduleResolution: 'nodenext',
            lib,
            types: ['node'],
            skipLibCheck: false,
            strict: true,
            noEmit: true,
          },
          files: [file],
        }),
      );
      run(bin('tsc'), ['-p', config], app);
    }
    console.log(
      `tsc (${lib.join(', ')}, skipLibCheck false): ${list.length} entries compile as .cts and .mts`,
    );
  }
  console.log('check-packages: all good');
} finally {
  rmSync(work, { recursive: true, force: true });
}

// Checks the packages as npm users get them, from the packed tarballs (not the workspace):
//   1. `attw --profile node16` (types resolve for `require` and `import`) and `publint` on each tarball;
//   2. installs the tarballs into a fresh Node project outside the workspace, with no optional peer
//      except React (sharp, msw, @vercel/blob and the AWS SDK absent), whose tsconfig has
//      `lib: ["ES2022"]`, `types: ["node"]`, `skipLibCheck: false` and no DOM lib;
//   3. a .cts and an .mts file import every entry: `tsc` must compile both, then `node` runs the
//      output, so `require()` and `import` of every entry work at run time too.
//
//   node scripts/check-packages.mjs        (needs built packages: `pnpm build`)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

try {
  const tarballs = JSON.parse(run('node', [join(root, 'scripts/pack.mjs'), join(work, 'tarballs')], root));

  for (const [name, file] of Object.entries(tarballs)) {
    run(bin('attw'), ['--pack', file, '--profile', 'node16', '--format', 'table-flipped'], work);
    run(bin('publint'), ['run', file, '--strict'], work);
    console.log(`${name}: attw (node16) and publint clean`);
  }

  // Every entry point a user can import, from each package's exports map (JSON files aside).
  const entries = [];
  for (const name of Object.keys(tarballs)) {
    const manifest = JSON.parse(run('tar', ['xzOf', tarballs[name], 'package/package.json'], work));
    for (const subpath of Object.keys(manifest.exports)) {
      if (!subpath.endsWith('.json')) entries.push(subpath === '.' ? name : `${name}${subpath.slice(1)}`);
    }
  }

  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'check-app', private: true }));
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', ...Object.values(tarballs), ...HOST_PACKAGES],
    app,
  );
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        lib: ['ES2022'],
        types: ['node'],
        skipLibCheck: false,
        strict: true,
      },
      files: ['check.cts', 'check.mts'],
    }),
  );
  const ident = (entry) => entry.replace(/[^a-z0-9]+/gi, '_');
  const assertions = (entry) =>
    `if (Object.keys(${ident(entry)}).length === 0) throw new Error('${entry}: no exports');\n`;
  writeFileSync(
    join(app, 'check.cts'),
    entries.map((e) => `import ${ident(e)} = require('${e}');\n${assertions(e)}`).join('') +
      `console.log('require(): ${entries.length} entries');\n`,
  );
  writeFileSync(
    join(app, 'check.mts'),
    entries.map((e) => `import * as ${ident(e)} from '${e}';\n`).join('') +
      entries.map(assertions).join('') +
      `console.log('import: ${entries.length} entries');\n`,
  );
  run(bin('tsc'), ['-p', app], app);
  console.log(`tsc: ${entries.length} entries compile from .cts and .mts (lib ES2022, no DOM, skipLibCheck false)`);
  process.stdout.write(run('node', ['check.cjs'], app));
  process.stdout.write(run('node', ['check.mjs'], app));
  console.log('check-packages: all good');
} finally {
  if (!process.env.KEEP) rmSync(work, { recursive: true, force: true });
  else console.log(work);
}

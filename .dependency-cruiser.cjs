/**
 * One-way folders (`pnpm lint:deps`, part of `pnpm lint`, so CI fails on an upward import).
 *
 * The server's folders stand in layers; a file may import its own folder and any folder in a LOWER
 * layer, never one in its own layer or above. docs/architecture.md explains each layer.
 * Type-only imports count too: a type pulled from above couples the folders all the same.
 */

const SRC = '^packages/server/src/';

/** Bottom first. Each entry is one unit: a folder (ends in `/`) or a single root file. */
const LAYERS = [
  // The request as Node parsed it and the response Node will write: below even the leaves.
  ['request-headers.ts', 'node-response.ts'],
  // Leaves: used by everyone, import nothing of the server (proxy.ts: who and where a request comes from).
  [
    'crypto.ts',
    'logger.ts',
    'proxy.ts',
    'optional-peer.ts',
    'node-require.ts',
    'storage.ts',
    'fs-read-cache.ts',
  ],
  // Drivers: the video providers (and their fakes), the blob stores, and the coordination layer
  // (leases, counters, the due-refresh schedule and pub/sub: in-process, Redis or PostgreSQL).
  ['providers/', 'blobs/', 'coordination/'],
  // Job storage on an engine (postgresStorage): shares the coordination's pooled connection.
  ['storage/'],
  // Logs, metrics and traces: request/job context, the pino logger, prom-client metrics, spans,
  // the instrumented provider wrapper and the event-stream tracker.
  ['observability/'],
  // A job's files: copying from the provider into the blob store, probing, keys, signed links.
  ['media/'],
  // Who is calling, and may they start a job now.
  ['auth/', 'limits/'],
  // The job engine: records, lifecycle, poller, change feed.
  ['jobs/'],
  // The HTTP edge: the one error renderer, then the routes and the middleware.
  ['http-error.ts'],
  ['routes/', 'security/'],
  // Composition and public entries (and the worker process, and the deployment read from the
  // environment): they may import anything.
  [
    'handler.ts|options.ts|defaults.ts|shutdown.ts|index.ts|node.ts|route-handlers.ts|testing.ts|testing/|worker.ts|deploy/',
  ],
];

/**
 * Upward imports allowed for now, each with the reason. Remove an entry when its file is fixed;
 * never add one without a reason a reviewer accepts. `typeOnly` allows only `import type`.
 */
const EXCEPTIONS = [
  {
    from: 'jobs/runtime.ts',
    to: 'options.ts',
    typeOnly: true,
    why: 'the Runtime carries the host hooks and polling settings whose types options.ts defines; moving those types into jobs/ waits for the coordination rework of runtime.ts.',
  },
  {
    from: 'jobs/finish.ts',
    to: 'options.ts',
    typeOnly: true,
    why: 'JobHookContext (the argument of the host hooks) is defined in options.ts; moves into jobs/ with the types above.',
  },
];

const literal = (text) => text.replace(/[.]/g, '\\.');
const unitPath = (unit) => `${SRC}(${unit.split('|').map(literal).join('|')})`;
const unitName = (unit) =>
  unit
    .split('|')[0]
    .replace(/\.ts$|\/$/, '')
    .replace(/\//g, '-');

const below = (rank) => {
  const allowed = LAYERS.slice(0, rank).flat();
  return allowed.length === 0 ? 'nothing else of the server' : `only ${allowed.join(', ')}`;
};

function layerRules() {
  const rules = [];
  LAYERS.forEach((layer, rank) => {
    const notBelow = LAYERS.slice(rank).flat();
    for (const unit of layer) {
      const forbidden = notBelow.filter((other) => other !== unit).map(unitPath);
      if (forbidden.length === 0) continue;
      const exceptions = EXCEPTIONS.filter((e) =>
        new RegExp(unitPath(unit)).test(`packages/server/src/${e.from}`),
      );
      rules.push({
        name: `layer-${unitName(unit)}`,
        comment: `${unit} may import its own files and ${below(rank)} (the layers in docs/architecture.md).`,
        severity: 'error',
        from: { path: unitPath(unit), pathNot: exceptions.map((e) => `${SRC}${literal(e.from)}$`) },
        to: { path: forbidden },
      });
      for (const e of exceptions) {
        const allowed = `${SRC}${literal(e.to)}$`;
        rules.push({
          name: `layer-${unitName(unit)}-except-${unitName(e.from)}`,
          comment: `Allowed exception: ${e.why}`,
          severity: 'error',
          from: { path: `${SRC}${literal(e.from)}$` },
          to: { path: forbidden, pathNot: allowed },
        });
        if (e.typeOnly) {
          rules.push({
            name: `layer-${unitName(unit)}-except-${unitName(e.from)}-types-only`,
            comment: `Only \`import type\` is allowed here: ${e.why}`,
            severity: 'error',
            from: { path: `${SRC}${literal(e.from)}$` },
            to: { path: allowed, dependencyTypesNot: ['type-only'] },
          });
        }
      }
    }
  });
  return rules;
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules(),
    {
      name: 'every-file-has-a-layer',
      comment:
        'A server file outside every layer would escape the one-way rule: add its folder or file to LAYERS in ' +
        '.dependency-cruiser.cjs (and to the table in docs/architecture.md).',
      severity: 'error',
      from: { path: SRC, pathNot: LAYERS.flat().map(unitPath) },
      to: {},
    },
    {
      name: 'no-circular',
      comment:
        'A cycle makes two files one unit that neither owns; break it with a lower module. Cycles closed only by ' +
        '`import type` are allowed: they vanish at run time (a lazily loaded module may read the types of its loader).',
      severity: 'error',
      from: { path: '^packages/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'core-stands-alone',
      comment: '@sora-kit/core is the shared base: it never imports the server or the elements.',
      severity: 'error',
      from: { path: '^packages/core/src/' },
      to: { path: '^packages/(server|elements)/' },
    },
    {
      name: 'elements-use-core-only',
      comment: 'The elements talk to the server over HTTP through core, never by importing it.',
      severity: 'error',
      from: { path: '^packages/elements/src/' },
      to: { path: '^packages/server/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'default'],
    },
  },
};

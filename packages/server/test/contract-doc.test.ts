/**
 * docs/contract.md must describe the contract the code speaks: every route the handler registers,
 * and every error code of core's wire types, in their tables — and nothing that no longer exists.
 * A new route or code fails here until the doc says what it means.
 */
import { readFileSync } from 'node:fs';
import { createStorage } from 'unstorage';
import { describe, expect, test } from 'vitest';
import { createSoraHandler } from '../src/handler.js';
import { SCENARIO_TOKENS } from '../src/providers/fake/scenarios.js';
import { fakeProvider } from '../src/providers/fake-provider.js';
import { memoryBlobs } from '../src/testing/memory-blobs.js';

const root = new URL('../../../', import.meta.url);
const doc = readFileSync(new URL('docs/contract.md', root), 'utf8');
// The wire types are the source of truth; their unions are read from the source so that a code
// added there fails this test, not only the typecheck.
const contractSource = readFileSync(new URL('packages/core/src/contract.ts', root), 'utf8');

/** The string literals of `export type <name> = 'a' | 'b' …;` in core's contract.ts. */
function unionMembers(name: string): string[] {
  const body = new RegExp(`export type ${name} =([^;]+);`).exec(contractSource)?.[1];
  if (!body) throw new Error(`contract.ts has no union type ${name}`);
  return [...body.matchAll(/'([a-z_]+)'/g)].map((m) => m[1] ?? '');
}

/** The body of the doc's section under `heading` (up to the next heading of any level). */
function section(heading: string): string {
  const start = doc.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`docs/contract.md has no "${heading}" section`);
  const rest = doc.slice(start + heading.length + 1);
  const end = rest.search(/^#{1,6} /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The backticked first cell of each table row in a section (`| \`x\` | … |` → `x`). */
function firstCells(text: string): string[] {
  return [...text.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1] ?? '');
}

function registeredRoutes(): string[] {
  const handler = createSoraHandler({
    provider: fakeProvider(),
    secret: 'contract-doc-secret-contract-doc-secret',
    storage: createStorage(),
    blobs: memoryBlobs(),
  });
  // `ALL` entries are middleware (`app.use`) and the catch-all 404, not routes of the contract.
  const routes = handler.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`);
  return [...new Set(routes)].sort();
}

describe('docs/contract.md', () => {
  test('lists every route the handler registers, and no other', () => {
    const documented = firstCells(section('## Routes')).sort();
    expect(documented).toEqual(registeredRoutes());
  });

  test('explains every HTTP error code of ApiErrorCode, and no other', () => {
    const documented = firstCells(section('### HTTP error codes (`ApiErrorCode`)')).sort();
    expect(documented).toEqual(unionMembers('ApiErrorCode').sort());
  });

  test('explains every job error code of JobErrorCode, and no other', () => {
    const documented = firstCells(section('### Job error codes (`JobErrorCode`)')).sort();
    expect(documented).toEqual(unionMembers('JobErrorCode').sort());
  });

  test('lists every scenario token of the fake', () => {
    const tokens = firstCells(section('## The fake provider (testing)'));
    expect(tokens).toEqual(expect.arrayContaining(Object.values(SCENARIO_TOKENS)));
  });
});

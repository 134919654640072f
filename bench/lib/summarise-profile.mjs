// Self time of a .cpuprofile by package and by function, biggest first.
//   node bench/lib/summarise-profile.mjs <file.cpuprofile> [top=25]
import { readFileSync } from 'node:fs';

const [file, top = '25'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const total = profile.nodes.reduce((sum, n) => sum + n.hitCount, 0);
const byFunction = new Map();
const byPackage = new Map();
const add = (map, key, hits) => map.set(key, (map.get(key) ?? 0) + hits);
for (const node of profile.nodes) {
  const { functionName, url, lineNumber } = node.callFrame;
  const pkg =
    /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
    (/packages\/server\/dist/.test(url)
      ? '@sora-kit/server'
      : url.startsWith('node:')
        ? 'node (JS)'
        : url || functionName);
  add(byPackage, pkg, node.hitCount);
  add(
    byFunction,
    `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`,
    node.hitCount,
  );
}
const show = (map, n) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, hits]) => `${((hits / total) * 100).toFixed(1).padStart(5)} %  ${name}`)
    .join('\n');
console.log(
  `self time by package:\n${show(byPackage, 14)}\n\nself time by function:\n${show(byFunction, Number(top))}`,
);

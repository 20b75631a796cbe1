// Fails the build when the JavaScript the first page load needs exceeds the budget (gzip).
// "Initial" = the entry chunk and every chunk it imports statically (per Vite's manifest);
// lazily loaded portals are reported but do not count.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET = 250 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const entry = Object.values(manifest).find((c) => c.isEntry);
if (!entry) throw new Error('no entry chunk in the Vite manifest');

const initial = new Set();
const visit = (chunk) => {
  if (initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const key of chunk.imports ?? []) visit(manifest[key]);
};
visit(entry);

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
let total = 0;
for (const file of initial) total += gz(file);
const lazy = Object.values(manifest)
  .filter((c) => c.file.endsWith('.js') && !initial.has(c.file))
  .map((c) => `${c.file} ${(gz(c.file) / 1024).toFixed(1)} KB`);

console.log(`initial JavaScript: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET / 1024} KB)`);
for (const line of lazy) console.log(`  lazy: ${line}`);
if (total > BUDGET) {
  console.error('initial JavaScript exceeds the budget: split a portal or drop a dependency');
  process.exit(1);
}

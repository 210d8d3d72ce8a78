#!/usr/bin/env node
// Adds lockfile entries for optional platform packages the registry mirror lacks,
// so `npm ci` accepts the lock. Entries carry os/cpu/libc so npm skips them here.
import fs from 'node:fs';
const file = process.argv[2] || 'package-lock.json';
const l = JSON.parse(fs.readFileSync(file, 'utf8'));
const guess = (name) => {
  const m = name.match(/-(android|darwin|linux|win32|freebsd|wasm32)-([a-z0-9]+)(?:-(gnu|musl|msvc|eabi|gnueabihf|wasi))?$/);
  if (!m) return null;
  const [, os, cpu, abi] = m;
  if (os === 'wasm32') return { cpu: ['wasm32'] };
  const r = { os: [os], cpu: [cpu] };
  if (os === 'linux' && (abi === 'gnu' || abi === 'musl')) r.libc = [abi === 'gnu' ? 'glibc' : 'musl'];
  return r;
};
let added = 0;
for (const pkg of Object.values(l.packages)) {
  for (const [dep, range] of Object.entries(pkg.optionalDependencies || {})) {
    const k = 'node_modules/' + dep;
    if (l.packages[k]) continue;
    const plat = guess(dep);
    if (!plat) continue;
    l.packages[k] = { version: String(range).replace(/^[\^~]/, ''), optional: true, ...plat };
    added++;
  }
}
const sorted = {};
for (const k of Object.keys(l.packages).sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1))) sorted[k] = l.packages[k];
l.packages = sorted;
fs.writeFileSync(file, JSON.stringify(l, null, 2) + '\n');
console.log(`added ${added} platform entries`);

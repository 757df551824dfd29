#!/usr/bin/env node
/**
 * The npm registry reachable here serves only the platform packages of this machine (linux x64): the optional
 * native bindings of other platforms (@swc/core-darwin-arm64, @unrs/resolver-binding-win32-…) answer 404, so
 * `npm install` leaves them out of package-lock.json, and `npm ci` then refuses the lock as out of sync.
 * This adds each missing optional binding as a lock entry marked with its os/cpu, which npm ci skips on this
 * platform without downloading anything. Run it after any `npm install` that changes the lock:
 *   node .ci/complete-lock.js
 */
const fs = require('fs');
const path = require('path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));

const OS = {
  darwin: 'darwin',
  win32: 'win32',
  linux: 'linux',
  android: 'android',
  freebsd: 'freebsd',
  openharmony: 'openharmony',
};
const CPU = [
  ['arm64', 'arm64'],
  ['x64', 'x64'],
  ['ia32', 'ia32'],
  ['arm', 'arm'],
  ['ppc64', 'ppc64'],
  ['s390x', 's390x'],
  ['riscv64', 'riscv64'],
  ['loong64', 'loong64'],
];

/** Platform of a binding package, read from its name ("core-linux-arm-gnueabihf" → linux, arm, glibc). */
function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS[p]);
  const cpu = CPU.find(([token]) => parts.includes(token));
  if (!os || !cpu) return null;
  const entry = { os: [OS[os]], cpu: [cpu[1]] };
  if (os === 'linux' && parts.some((p) => p.startsWith('gnu'))) entry.libc = ['glibc'];
  if (os === 'linux' && parts.some((p) => p.startsWith('musl'))) entry.libc = ['musl'];
  return entry;
}

let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  for (const [name, spec] of Object.entries(pkg.optionalDependencies || {})) {
    const base = key === '' ? '' : `${key}/`;
    if (lock.packages[`${base}node_modules/${name}`] || lock.packages[`node_modules/${name}`]) continue;
    const platform = platformOf(name);
    if (!platform) {
      console.error(`cannot tell the platform of ${name}; leaving it out`);
      continue;
    }
    lock.packages[`node_modules/${name}`] = {
      version: spec,
      ...platform,
      ...(pkg.dev ? { dev: true } : {}),
      optional: true,
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`complete-lock: added ${added} optional platform entries`);

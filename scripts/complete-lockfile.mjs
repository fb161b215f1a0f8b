// Registry mirrors that serve only some platforms leave optional native packages
// (e.g. unrs-resolver bindings) out of package-lock.json, and `npm ci` then
// refuses the lockfile. This adds the missing entries with their os/cpu, so they
// are skipped on install everywhere they do not apply. Run after `npm install`.
import fs from 'node:fs';
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
const platforms = {
  'android-arm-eabi': ['android', 'arm'],
  'android-arm64': ['android', 'arm64'],
  'darwin-arm64': ['darwin', 'arm64'],
  'darwin-x64': ['darwin', 'x64'],
  'freebsd-x64': ['freebsd', 'x64'],
  'linux-arm-gnueabihf': ['linux', 'arm'],
  'linux-arm-musleabihf': ['linux', 'arm'],
  'linux-loong64-gnu': ['linux', 'loong64'],
  'linux-loong64-musl': ['linux', 'loong64'],
  'linux-ppc64-gnu': ['linux', 'ppc64'],
  'linux-riscv64-gnu': ['linux', 'riscv64'],
  'linux-riscv64-musl': ['linux', 'riscv64'],
  'linux-s390x-gnu': ['linux', 's390x'],
  'openharmony-arm64': ['openharmony', 'arm64'],
  'win32-arm64-msvc': ['win32', 'arm64'],
  'win32-ia32-msvc': ['win32', 'ia32'],
  'win32-x64-msvc': ['win32', 'x64'],
  'wasm32-wasi': ['wasi', 'wasm32'],
};
let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const path = `node_modules/${dep}`;
    if (lock.packages[path]) continue;
    const suffix = Object.keys(platforms).find((p) => dep.endsWith(p));
    if (!suffix) {
      console.log('unknown platform for', dep, 'needed by', key);
      continue;
    }
    const [os, cpu] = platforms[suffix];
    lock.packages[path] = {
      version,
      cpu: [cpu],
      dev: pkg.dev,
      license: 'MIT',
      optional: true,
      os: [os],
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) =>
    a === '' ? -1 : b === '' ? 1 : a.localeCompare(b),
  ),
);
fs.writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log('added', added);

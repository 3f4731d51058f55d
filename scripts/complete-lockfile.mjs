#!/usr/bin/env node
/**
 * The npm registry reachable from our machines holds only the Linux builds of some native
 * packages (rollup, unrs-resolver). `npm install` then leaves the other platforms' optional
 * packages out of package-lock.json, and `npm ci` refuses the lockfile ("Missing: … from lock
 * file"). This adds an entry for each such optional package, with the os/cpu/libc its name
 * says, so that `npm ci` sees a complete lockfile and skips them on this platform.
 * Run after any `npm install` that changes the lockfile: `npm run lockfile:complete`.
 */
import fs from 'node:fs'

const file = new URL('../package-lock.json', import.meta.url)
const lock = JSON.parse(fs.readFileSync(file, 'utf8'))
const packages = lock.packages

const OS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'win32', 'netbsd', 'sunos', 'aix']
const CPU = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'wasm32']

function platformOf(name) {
  const parts = name.split('/').pop().split('-')
  const os = parts.find((p) => OS.includes(p))
  const cpu = parts.find((p) => CPU.includes(p))
  const libc = os === 'linux' ? (parts.some((p) => p.startsWith('musl')) ? 'musl' : 'glibc') : undefined
  return { os, cpu, libc }
}

let added = 0
for (const [location, meta] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const base = location === '' ? '' : `${location}/`
    const nested = `${base}node_modules/${dep}`
    const hoisted = `node_modules/${dep}`
    if (packages[nested] || packages[hoisted]) continue
    const { os, cpu, libc } = platformOf(dep)
    if (!os || !cpu) continue // not a platform build: leave it to npm
    packages[hoisted] = {
      version,
      cpu: [cpu],
      ...(libc ? { libc: [libc] } : {}),
      license: meta.license,
      optional: true,
      os: [os],
    }
    added++
  }
}

fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`)
console.log(`package-lock.json: ${added} optional platform package(s) added`)

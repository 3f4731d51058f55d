import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { applyPatches, MARKER, PATCHES } from '../../scripts/patch-dependencies.mjs'

type Patch = { name: string; version: string; file: string; replacements: Array<{ find: string; replace: string }> }
const patches = PATCHES as Patch[]
const router = patches.find((p) => p.name === '@remix-run/router')!

const temporary: string[] = []
afterEach(() => {
  for (const dir of temporary.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** A node_modules with the router at a version, its file holding the code the patch expects. */
function fakeInstall(version: string): { root: string; file: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'patch-deps-'))
  temporary.push(root)
  const dir = path.join(root, 'node_modules', router.name)
  fs.mkdirSync(path.join(dir, 'dist'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: router.name, version }))
  const file = path.join(dir, router.file)
  fs.writeFileSync(file, ['// start', ...router.replacements.map((r) => r.find), '// end'].join('\n// between\n'))
  return { root, file }
}

describe('patches to installed dependencies', () => {
  it('patches the version it was written for, once', () => {
    const { root, file } = fakeInstall(router.version)
    expect(applyPatches(root)).toEqual([`${router.name} ${router.version}: patched ${router.file}`])
    const patched = fs.readFileSync(file, 'utf8')
    expect(patched).toContain(MARKER)
    for (const { replace } of router.replacements) expect(patched).toContain(replace)
    expect(applyPatches(root)).toEqual([`${router.name} ${router.version}: already patched`])
    expect(fs.readFileSync(file, 'utf8')).toBe(patched)
  })

  it('refuses another version, saying what to do, and leaves it as it was', () => {
    const { root, file } = fakeInstall('1.24.0')
    const before = fs.readFileSync(file, 'utf8')
    expect(() => applyPatches(root)).toThrow(/is 1\.24\.0, the patch .* was written for 1\.23\.3\. Check that/)
    expect(fs.readFileSync(file, 'utf8')).toBe(before)
  })

  it('refuses code it does not recognise and writes nothing', () => {
    const { root, file } = fakeInstall(router.version)
    fs.writeFileSync(file, '// rewritten upstream\n')
    expect(() => applyPatches(root)).toThrow(/does not contain the expected code once/)
    expect(fs.readFileSync(file, 'utf8')).toBe('// rewritten upstream\n')
  })

  it('the installed router is patched and still matches every route the same, call after call', () => {
    const require = createRequire(import.meta.url)
    const file = require.resolve('@remix-run/router')
    expect(fs.readFileSync(file, 'utf8')).toContain(MARKER)
    const { matchRoutes } = require('@remix-run/router') as typeof import('@remix-run/router')
    const routes = [
      {
        id: 'root',
        path: '/',
        children: [
          { id: 'home', index: true },
          { id: 'authority', path: 'a/:slug' },
          { id: 'plan', path: 'a/:slug/plans/:planId' },
          { id: 'new-plan', path: 'a/:slug/plans/new' },
          { id: 'section', path: 'a/:slug/plans/:planId/sections/:anchor' },
          { id: 'case', path: 'Case', caseSensitive: true },
          { id: 'splat', path: '*' },
        ],
      },
    ]
    const ids = (pathname: string) => matchRoutes(routes, pathname)?.map((m) => m.route.id)
    const params = (pathname: string) => matchRoutes(routes, pathname)?.at(-1)?.params
    for (let round = 0; round < 3; round++) {
      expect(ids('/')).toEqual(['root', 'home'])
      expect(ids('/a/pangarati')).toEqual(['root', 'authority'])
      expect(ids('/a/pangarati/plans/new')).toEqual(['root', 'new-plan'])
      expect(ids('/a/pangarati/plans/p1')).toEqual(['root', 'plan'])
      expect(params('/a/pangarati/plans/p1/sections/s-2')).toMatchObject({
        slug: 'pangarati',
        planId: 'p1',
        anchor: 's-2',
      })
      expect(ids('/Case')).toEqual(['root', 'case'])
      expect(ids('/case')).toEqual(['root', 'splat'])
      expect(ids('/nowhere/at/all')).toEqual(['root', 'splat'])
    }
    // Another list of routes is matched against its own routes, not the first list's.
    expect(matchRoutes([{ id: 'only', path: '/only' }], '/a/pangarati')).toBeNull()
  })
})

/**
 * Patches applied to installed dependencies (run by `npm install` and `npm ci` as `postinstall`).
 * See docs/decisions/0006-route-matching-cache.md.
 *
 * @remix-run/router (server build only): `matchRoutes` flattened and ranked the whole route tree
 * and compiled a regular expression for every route on every call, and a page calls it four
 * times or more (the request handler, the data query, the render, the route manifest sent with
 * the page): a quarter of the CPU of a page that renders a constant. The patch keeps the ranked
 * branches per route list (a WeakMap: the server's route lists never change once built) and
 * each compiled path. The browser build is left alone: there, lazy route discovery adds routes
 * to the lists in place.
 *
 * Each patch names the version it was written for. Another version fails the install with a
 * message saying what to do, rather than running silently without the patch. Running twice
 * changes nothing.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const MARKER = '/* planuri-sociale: route matching cache */'

export const PATCHES = [
  {
    name: '@remix-run/router',
    version: '1.23.3',
    file: 'dist/router.cjs.js',
    replacements: [
      {
        find: `  let branches = flattenRoutes(routes);
  rankRouteBranches(branches);
  let matches = null;`,
        replace: `  let branches = rankedBranches.get(routes);
  if (branches === undefined) {
    branches = flattenRoutes(routes);
    rankRouteBranches(branches);
    rankedBranches.set(routes, branches);
  }
  let matches = null;`,
      },
      {
        find: `function compilePath(path, caseSensitive, end) {
  if (caseSensitive === void 0) {
    caseSensitive = false;
  }
  if (end === void 0) {
    end = true;
  }`,
        replace: `${MARKER}
const rankedBranches = new WeakMap();
const compiledPaths = new Map();
function compilePath(path, caseSensitive, end) {
  if (caseSensitive === void 0) {
    caseSensitive = false;
  }
  if (end === void 0) {
    end = true;
  }
  let key = (caseSensitive ? "1" : "0") + (end ? "1" : "0") + path;
  let compiled = compiledPaths.get(key);
  if (compiled === undefined) {
    compiled = compilePathUncached(path, caseSensitive, end);
    if (compiledPaths.size < 2000) compiledPaths.set(key, compiled);
  }
  return compiled;
}
function compilePathUncached(path, caseSensitive, end) {
  if (caseSensitive === void 0) {
    caseSensitive = false;
  }
  if (end === void 0) {
    end = true;
  }`,
      },
    ],
  },
]

/** Applies the patches to the packages under `root`; returns what it did, throws on a mismatch. */
export function applyPatches(root = ROOT) {
  const done = []
  for (const patch of PATCHES) {
    const dir = path.join(root, 'node_modules', patch.name)
    const manifest = path.join(dir, 'package.json')
    if (!fs.existsSync(manifest)) {
      done.push(`${patch.name}: not installed, nothing to patch`)
      continue
    }
    const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8'))
    const file = path.join(dir, patch.file)
    let source = fs.readFileSync(file, 'utf8')
    if (source.includes(MARKER)) {
      done.push(`${patch.name} ${version}: already patched`)
      continue
    }
    if (version !== patch.version) {
      throw new Error(
        `${patch.name} is ${version}, the patch in scripts/patch-dependencies.mjs was written for ${patch.version}. ` +
          'Check that the new version still needs it, then update or remove the patch.',
      )
    }
    for (const { find, replace } of patch.replacements) {
      const at = source.indexOf(find)
      if (at < 0 || source.indexOf(find, at + 1) >= 0) {
        throw new Error(`${patch.name} ${version}: ${patch.file} does not contain the expected code once:\n${find}`)
      }
      source = source.slice(0, at) + replace + source.slice(at + find.length)
    }
    fs.writeFileSync(file, source)
    done.push(`${patch.name} ${version}: patched ${patch.file}`)
  }
  return done
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    for (const line of applyPatches()) console.log(`patch-dependencies: ${line}`)
  } catch (error) {
    console.error(`patch-dependencies: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}

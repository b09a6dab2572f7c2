// The build of `scripts/setup.mjs --build`: builds only the packages whose inputs changed since their last build
// here, dependencies first, two at a time where the order allows, one line per package as it goes.
// A package's inputs: every file of its folder but dist/, node_modules/ and tests, the shared build files (root
// rollup config, tsconfig base, root tsconfig, lockfile) and the inputs of the workspace packages it depends on. Its stamp
// (.tmp/build-stamps/<folder>.json) holds the hash of those inputs and of the dist/ the build wrote: a package is
// up to date only while both still match, so a dist/ changed or deleted since (another branch's build, a
// partial build) is rebuilt. `npm test` and CI do not use this: they build every package from scratch.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { root as repoRoot } from './report.mjs'

const stampDir = (root) => path.join(root, '.tmp', 'build-stamps')
// tsconfig.json: its `paths` lead the declaration emit to every package's sources.
const SHARED = ['rollup.config.mjs', 'tsconfig.base.json', 'tsconfig.json', 'pnpm-lock.yaml']
const notInput = /\.test(-d)?\.ts$/

/** Every file under `dir` (relative paths, sorted), leaving out the folders named in `skip`. */
const walk = (dir, skip = new Set(), prefix = '') =>
  fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => {
      const rel = prefix === '' ? e.name : `${prefix}/${e.name}`
      if (e.isDirectory()) return skip.has(rel) ? [] : walk(dir, skip, rel)
      return e.isFile() ? [rel] : []
    })
    .sort()

const hashFiles = (dir, files, hash = createHash('sha256')) => {
  for (const f of files)
    hash
      .update(f)
      .update('\0')
      .update(fs.readFileSync(path.join(dir, f)))
      .update('\0')
  return hash
}

/** The workspace packages under packages/, each with the folders of the workspace packages it depends on. */
const workspace = (root) => {
  const dirs = fs.readdirSync(path.join(root, 'packages')).filter((d) => {
    const manifest = path.join(root, 'packages', d, 'package.json')
    return fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).scripts?.build
  })
  const manifests = new Map(
    dirs.map((d) => [d, JSON.parse(fs.readFileSync(path.join(root, 'packages', d, 'package.json'), 'utf8'))]),
  )
  const byName = new Map(dirs.map((d) => [manifests.get(d).name, d]))
  return dirs.map((dir) => {
    const m = manifests.get(dir)
    const names = Object.keys({ ...m.dependencies, ...m.devDependencies, ...m.peerDependencies })
    return {
      dir,
      name: m.name,
      script: m.scripts.build,
      deps: names.filter((n) => byName.has(n)).map((n) => byName.get(n)),
    }
  })
}

/** Input hashes of every package, a dependency's folded into its dependents'. */
const inputHashes = (root, packages) => {
  const shared = hashFiles(root, SHARED).digest('hex')
  const own = new Map(
    packages.map((p) => {
      const dir = path.join(root, 'packages', p.dir)
      const files = walk(dir, new Set(['dist', 'node_modules'])).filter((f) => !notInput.test(f))
      return [p.dir, hashFiles(dir, files).digest('hex')]
    }),
  )
  const byDir = new Map(packages.map((p) => [p.dir, p]))
  const memo = new Map()
  const input = (d, seen = []) => {
    if (memo.has(d)) return memo.get(d)
    if (seen.includes(d))
      throw new Error(`setup: packages depend on each other: ${[...seen, d].join(' -> ')}`)
    const hash = createHash('sha256').update(shared).update(own.get(d))
    for (const dep of [...byDir.get(d).deps].sort()) hash.update(dep).update(input(dep, [...seen, d]))
    memo.set(d, hash.digest('hex'))
    return memo.get(d)
  }
  return new Map(packages.map((p) => [p.dir, input(p.dir)]))
}

const distHash = (root, dir) => {
  const dist = path.join(root, 'packages', dir, 'dist')
  return fs.existsSync(dist) ? hashFiles(dist, walk(dist)).digest('hex') : null
}

const stampFile = (root, dir) => path.join(stampDir(root), `${dir}.json`)
const readStamp = (root, dir) => {
  try {
    return JSON.parse(fs.readFileSync(stampFile(root, dir), 'utf8'))
  } catch {
    return null
  }
}

/** Runs the package's own `build` script the way `pnpm run build` does (its and the root's bins on PATH). */
const runBuild = (root, p) =>
  new Promise((resolve) => {
    const cwd = path.join(root, 'packages', p.dir)
    const bins = [path.join(cwd, 'node_modules', '.bin'), path.join(root, 'node_modules', '.bin')]
    const child = spawn(p.script, {
      cwd,
      shell: true,
      env: { ...process.env, PATH: [...bins, process.env.PATH].join(path.delimiter) },
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', (e) => resolve({ ok: false, output: output + String(e) }))
    child.on('close', (code) => resolve({ ok: code === 0, output }))
  })

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`

/**
 * Builds what changed; resolves to false when a build failed (its output is printed).
 * @param {{ log?: (line: string) => void, root?: string }} [options] `root`: the workspace (tests use a temporary one)
 */
export const buildChanged = async ({ log = console.log, root = repoRoot } = {}) => {
  const packages = workspace(root)
  const inputs = inputHashes(root, packages)
  const stale = new Set(
    packages
      .filter((p) => {
        const stamp = readStamp(root, p.dir)
        return stamp?.input !== inputs.get(p.dir) || stamp.dist !== distHash(root, p.dir)
      })
      .map((p) => p.dir),
  )
  for (const p of packages) if (!stale.has(p.dir)) log(`setup: ${p.name} up to date`)
  if (stale.size === 0) return true
  const names = packages.filter((p) => stale.has(p.dir)).map((p) => p.name)
  log(`setup: building ${names.join(', ')} (changed since their last build) …`)
  fs.mkdirSync(stampDir(root), { recursive: true })

  const done = new Map(packages.filter((p) => !stale.has(p.dir)).map((p) => [p.dir, Promise.resolve(true)]))
  const slots = Math.max(1, Math.min(2, os.availableParallelism()))
  let free = slots
  const waiting = []
  const slot = () =>
    free > 0 ? (free--, Promise.resolve()) : new Promise((resolve) => waiting.push(resolve))
  const release = () => (waiting.length > 0 ? waiting.shift()() : free++)

  const build = async (p) => {
    const depsOk = await Promise.all(p.deps.map((d) => done.get(d)))
    if (!depsOk.every(Boolean)) {
      log(`setup: ${p.name} not built (a dependency failed)`)
      return false
    }
    await slot()
    try {
      fs.rmSync(stampFile(root, p.dir), { force: true })
      fs.rmSync(path.join(root, 'packages', p.dir, 'dist'), { recursive: true, force: true })
      const start = performance.now()
      const { ok, output } = await runBuild(root, p)
      if (!ok) {
        log(`setup: ${p.name} build FAILED (${p.script} in packages/${p.dir}):\n${output}`)
        return false
      }
      if (output.trim() !== '') log(output.trimEnd())
      const stamp = { input: inputs.get(p.dir), dist: distHash(root, p.dir) }
      fs.writeFileSync(stampFile(root, p.dir), `${JSON.stringify(stamp, null, 2)}\n`)
      log(`setup: ${p.name} built in ${seconds(performance.now() - start)}`)
      return true
    } finally {
      release()
    }
  }
  // Dependencies first: each build waits for its dependencies' promises (registered before any is awaited).
  const pending = []
  const register = (p) => {
    if (done.has(p.dir)) return
    for (const d of p.deps) register(packages.find((q) => q.dir === d))
    const promise = build(p)
    done.set(p.dir, promise)
    pending.push(promise)
  }
  for (const p of packages) register(p)
  return (await Promise.all(pending)).every(Boolean)
}

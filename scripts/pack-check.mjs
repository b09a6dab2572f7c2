#!/usr/bin/env node
// Packaging checks for every published package in packages/* (a new package folder is picked up as it is):
//   1. every way of packing or publishing: `pnpm pack`, `npm pack`, `pnpm publish` and `npm publish` (the two
//      publishes go to a loopback registry, scripts/lib/loopback-registry.mjs, which keeps the uploaded tarball).
//      Each tarball's package.json has no `workspace:` range in any dependency field, names a LICENSE that is in
//      the tarball, and has `repository` (with `directory`), `homepage` and `bugs`; the four ways ship the same
//      files and the same dependency ranges; and each way's tarballs install together with npm into an empty
//      folder, where every export entry of every package imports (ESM) and requires (CJS);
//   2. publint on the tarball, strict: any error or warning fails, suggestions are printed;
//   3. attw on the tarball: every entry point under node10, node16-cjs, node16-esm and bundler;
//   4. a consumer compiled with TypeScript 5.x (the `typescript5` devDependency; TypeScript 6 too where it still
//      accepts the setting) under moduleResolution node10 (module commonjs), node16 (an .mts and a .cts file) and
//      bundler, with skipLibCheck off: every entry of every package resolves to real types (a `@ts-expect-error`
//      on an unknown export name fails if an entry were `any`), plus a few typed calls per known package;
//   5. a smoke test: the pnpm-packed tarballs + fp-ts + io-ts installed with npm into a temp folder, then
//      `node smoke.mjs` (import) and `node smoke.cjs` (require), one real call per entry point (Node resolves the
//      `node` export condition where a package has one), and the same calls bundled by esbuild for the browser
//      (the bundler build) and run with node;
//   6. the import graph of packages/url/dist and packages/utils/dist/index.* holds no `node:` (or bare
//      Node built-in) import, and no package's dist imports an `fp-ts/…` or `io-ts/…` subpath.
//
// Usage: node scripts/pack-check.mjs [--json <file>] [--build] [--keep]
//   --json <file>  also write { checks: [{ name, ok, detail }] } (env IMAGEKIT_FP_CHECKS_JSON works too)
//   --build        build every package first (npx -y pnpm@10 -r --filter "./packages/*" run build)
//   --keep         keep the temp folder (its path is printed) to poke at the installs
// Needs the npm registry (npm's cache is used first) for fp-ts, io-ts, ky, @noble/hashes and @types/node.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { createHmac } from 'node:crypto'
import fs from 'node:fs'
import { builtinModules } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import esbuild from 'esbuild'
import { publint } from 'publint'
import ts from 'typescript'
import { formatMessage } from 'publint/utils'
import { startLoopbackRegistry } from './lib/loopback-registry.mjs'
import { createReport, parseArgs, root, table } from './lib/report.mjs'

const args = parseArgs()
const report = createReport('pack-check', args)
const run = (cmd, argv, opts = {}) =>
  spawnSync(cmd, argv, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...opts,
    env: { ...process.env, ...opts.env },
  })
/** Like `run`, but lets the event loop run (the loopback registry answers in this process). */
const runAsync = (cmd, argv, opts = {}) =>
  new Promise((resolve) => {
    const child = spawn(cmd, argv, { ...opts, env: { ...process.env, ...opts.env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', (e) => resolve({ status: -1, stdout, stderr: stderr + String(e) }))
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
const short = (s, n = 300) => (s.length > n ? `${s.slice(0, n)}…` : s).replace(/\s+/g, ' ').trim()

if (args.build) {
  console.log('building packages …')
  const r = run('npx', ['-y', 'pnpm@10', '-r', '--filter', './packages/*', 'run', 'build'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (!report.check('build', r.status === 0, `exit ${r.status}`)) {
    report.finish()
    process.exit()
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'imagekit-fp-pack-'))
if (!args.keep) process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }))
else console.log(`temp folder: ${tmp}`)

const readJson = (f) => JSON.parse(fs.readFileSync(f, 'utf8'))
/** Every package folder with a package.json that is not private (private ones are never published). */
const packageDirs = fs
  .readdirSync(path.join(root, 'packages'))
  .map((d) => path.join(root, 'packages', d))
  .filter(
    (d) => fs.existsSync(path.join(d, 'package.json')) && !readJson(path.join(d, 'package.json')).private,
  )
  .sort()
const packages = packageDirs.map((dir) => {
  const pkg = readJson(path.join(dir, 'package.json'))
  const entries = Object.keys(pkg.exports ?? { '.': 1 }).filter((k) => k !== './package.json')
  // './http' -> '@imagekit-fp/utils/http'
  return { dir, pkg, name: pkg.name, entries, specifiers: entries.map((e) => pkg.name + e.slice(1)) }
})
const allSpecifiers = packages.flatMap((p) => p.specifiers)
console.log(`packages: ${packages.map((p) => `${p.name} (${p.entries.join(' ')})`).join(', ')}`)

const DEP_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies']
const tarList = (tarball) =>
  execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean).sort()
const tarManifest = (tarball) =>
  JSON.parse(execFileSync('tar', ['-xOzf', tarball, 'package/package.json'], { encoding: 'utf8' }))

// ---------------------------------------------------------------- every way of packing and publishing
// pnpm itself, not `npx pnpm`: the publishes point the registry at the loopback server, and npx would ask it
// for pnpm.
const pnpmBin = run('npx', ['-y', '-p', 'pnpm@10', 'which', 'pnpm'], { cwd: tmp }).stdout.trim() || 'pnpm'
const registry = await startLoopbackRegistry()
const npmrc = path.join(tmp, 'publish.npmrc')
fs.writeFileSync(
  npmrc,
  `registry=${registry.url}\n//${registry.url.slice('http://'.length)}:_authToken=loopback\n`,
)
const publishEnv = { NPM_CONFIG_USERCONFIG: npmrc, npm_config_registry: registry.url }

/** Each way: (package, destination folder) -> the result of the command; the tarball is found afterwards. */
const WAYS = {
  'pnpm pack': (p, dest) => runAsync(pnpmBin, ['pack', '--pack-destination', dest], { cwd: p.dir }),
  'npm pack': (p, dest) =>
    runAsync('npm', ['pack', '--pack-destination', dest, '--loglevel=error'], { cwd: p.dir }),
  'pnpm publish': (p) =>
    runAsync(pnpmBin, ['publish', '--no-git-checks', '--tag', 'pack-check'], { cwd: p.dir, env: publishEnv }),
  'npm publish': (p) =>
    runAsync('npm', ['publish', '--tag', 'pack-check', '--loglevel=error'], { cwd: p.dir, env: publishEnv }),
}

/** @type {Record<string, Record<string, string>>} way -> package name -> tarball path */
const packed = {}
for (const [way, pack] of Object.entries(WAYS)) {
  const dest = path.join(tmp, way.replace(' ', '-'))
  fs.mkdirSync(dest, { recursive: true })
  packed[way] = {}
  for (const p of packages) {
    const before = new Set(fs.readdirSync(dest))
    registry.published.delete(p.name)
    const r = await pack(p, dest)
    let tgz = fs.readdirSync(dest).find((f) => f.endsWith('.tgz') && !before.has(f))
    if (!tgz && registry.published.has(p.name)) {
      tgz = `${p.name.replace('@', '').replace('/', '-')}-${p.pkg.version}.tgz`
      fs.writeFileSync(path.join(dest, tgz), registry.published.get(p.name))
    }
    if (report.check(`${way} ${p.name}: tarball`, r.status === 0 && tgz, tgz ?? short(r.stderr + r.stdout)))
      packed[way][p.name] = path.join(dest, tgz)
  }
}
await registry.close()

const workspaceVersions = Object.fromEntries(packages.map((p) => [p.name, p.pkg.version]))
for (const [way, byName] of Object.entries(packed)) {
  for (const [name, tarball] of Object.entries(byName)) {
    const manifest = tarManifest(tarball)
    const listing = tarList(tarball)
    const workspaceRanges = DEP_FIELDS.flatMap((f) =>
      Object.entries(manifest[f] ?? {})
        .filter(([, v]) => String(v).startsWith('workspace:'))
        .map(([k, v]) => `${f}.${k}: ${v}`),
    )
    report.check(
      `${way} ${name}: no workspace: range in the packed package.json`,
      workspaceRanges.length === 0,
      workspaceRanges.length
        ? `${workspaceRanges.join(', ')}: ${way} ships these as they are and installing fails ` +
            '(EUNSUPPORTEDPROTOCOL); name workspace packages with a plain range such as "^0.1.0" ' +
            '(pnpm-workspace.yaml links it to the workspace copy)'
        : `dependencies: ${JSON.stringify(manifest.dependencies ?? {})}`,
    )
    const meta = []
    if (manifest.license !== 'MIT') meta.push(`license is ${manifest.license}`)
    if (!listing.some((f) => /^package\/LICEN[CS]E(\.md|\.txt)?$/i.test(f))) meta.push('no LICENSE file')
    if (!listing.includes('package/README.md')) meta.push('no README.md')
    if (!manifest.repository?.url || !manifest.repository?.directory)
      meta.push('repository.url/directory missing')
    if (!manifest.homepage) meta.push('homepage missing')
    if (!manifest.bugs?.url && typeof manifest.bugs !== 'string') meta.push('bugs missing')
    // A scoped package is published as restricted (paid, private) unless it says otherwise.
    if (name.startsWith('@') && manifest.publishConfig?.access !== 'public')
      meta.push('publishConfig.access is not "public"')
    report.check(
      `${way} ${name}: LICENSE, README, license, repository, homepage, bugs, publishConfig.access`,
      meta.length === 0,
      meta.join(', ') || `${manifest.repository.url} (${manifest.repository.directory})`,
    )
    // A range on another workspace package must accept the version in this workspace, or the packages
    // cannot be installed together (checked for real by the installs below; this names the cause).
    const internal = DEP_FIELDS.filter((f) => f !== 'devDependencies').flatMap((f) =>
      Object.entries(manifest[f] ?? {}).filter(([k]) => k in workspaceVersions),
    )
    const unsatisfied = internal.filter(([k, v]) => {
      const [maj, min] = workspaceVersions[k].split('.').map(Number)
      const m = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(v)
      // Only ^x.y.z ranges are understood here; anything else is reported so the rule can be widened.
      return !m || Number(m[1]) !== maj || (maj === 0 && Number(m[2]) !== min)
    })
    if (internal.length)
      report.check(
        `${way} ${name}: ranges on workspace packages accept their workspace versions`,
        unsatisfied.length === 0,
        (unsatisfied.length ? unsatisfied : internal)
          .map(([k, v]) => `${k}@${v} (workspace ${workspaceVersions[k]})`)
          .join(', '),
      )
  }
}
// The four ways agree: same files, same dependency ranges.
for (const p of packages) {
  const ways = Object.keys(packed).filter((w) => packed[w][p.name])
  if (ways.length < 2) continue
  const sig = (w) =>
    JSON.stringify({
      files: tarList(packed[w][p.name]),
      deps: DEP_FIELDS.filter((f) => f !== 'devDependencies').map(
        (f) => tarManifest(packed[w][p.name])[f] ?? {},
      ),
    })
  const differ = ways.filter((w) => sig(w) !== sig(ways[0]))
  report.check(
    `${p.name}: ${ways.join(', ')} ship the same files and dependency ranges`,
    differ.length === 0,
    differ.length
      ? `${differ.join(', ')} differ from ${ways[0]}`
      : `${tarList(packed[ways[0]][p.name]).length} files`,
  )
}

// Each way's tarballs, installed together with npm into an empty folder: every entry imports and requires.
const entryProbe = (specifiers) => `
const specs = ${JSON.stringify(specifiers)}
const req = require('node:module').createRequire(require('node:path').join(process.cwd(), 'x.js'))
const out = []
;(async () => {
  for (const s of specs) {
    try {
      const esm = Object.keys(await import(s)).filter((k) => k !== 'default' && k !== 'module.exports')
      const cjs = Object.keys(req(s))
      const same = JSON.stringify([...esm].sort()) === JSON.stringify([...cjs].sort())
      out.push({ s, ok: esm.length > 0 && same, detail: same ? esm.length + ' exports (import = require)' : 'import: ' + esm.sort() + ' / require: ' + cjs.sort() })
    } catch (e) { out.push({ s, ok: false, detail: String(e && e.message || e) }) }
  }
  process.stdout.write(JSON.stringify(out) + '\\n')
})()
`
const installInto = (dir, tarballPaths, extra = []) => {
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, version: '0.0.0' }),
  )
  return runAsync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--loglevel=error',
      ...tarballPaths,
      'fp-ts@^2.16.0',
      'io-ts@^2.2.0',
      ...extra,
    ],
    { cwd: dir },
  )
}
await Promise.all(
  Object.entries(packed).map(async ([way, byName]) => {
    const dir = path.join(tmp, `install-${way.replace(' ', '-')}`)
    const missing = packages.filter((p) => !byName[p.name]).map((p) => p.name)
    const inst = missing.length
      ? { status: -1, stderr: `no tarball for ${missing.join(', ')}`, stdout: '' }
      : await installInto(dir, Object.values(byName))
    if (
      !report.check(
        `${way}: npm install of every tarball + fp-ts + io-ts`,
        inst.status === 0,
        inst.status === 0 ? Object.keys(byName).join(', ') : short(inst.stderr + inst.stdout, 600),
      )
    )
      return
    fs.writeFileSync(path.join(dir, 'probe.cjs'), entryProbe(allSpecifiers))
    const r = await runAsync(process.execPath, ['probe.cjs'], { cwd: dir })
    let results = []
    try {
      results = JSON.parse(r.stdout.trim().split('\n').pop())
    } catch {
      report.check(`${way}: import + require of every entry`, false, short(r.stderr + r.stdout, 600))
    }
    for (const x of results) report.check(`${way}: import + require ${x.s}`, x.ok, x.detail)
  }),
)

const tarballs = packed['pnpm pack']

// ---------------------------------------------------------------- pack, publint, attw
for (const { name } of packages) {
  console.log(`\n=== ${name}`)
  const tarball = tarballs[name]
  if (!tarball) continue
  const listing = tarList(tarball)
  const manifest = tarManifest(tarball)
  // Every string leaf of the exports map, whatever the nesting of conditions (node / import / require / types).
  const leaves = (c) =>
    typeof c === 'string' ? [c] : c && typeof c === 'object' ? Object.values(c).flatMap(leaves) : []
  const targets = [...new Set(leaves(manifest.exports ?? {}))]
  const missing = targets.filter((t) => !listing.includes(path.posix.join('package', t)))
  report.check(
    `${name}: every exports target is in the tarball`,
    targets.length > 0 && missing.length === 0,
    missing.length ? `missing: ${missing.join(', ')}` : `${targets.length} targets, ${listing.length} files`,
  )

  // publint (strict: errors and warnings fail; suggestions are printed only)
  try {
    const buf = fs.readFileSync(tarball)
    const { messages, pkg: lintedPkg } = await publint({
      pack: { tarball: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) },
      level: 'suggestion',
    })
    for (const m of messages)
      console.log(`  publint ${m.type}: ${formatMessage(m, lintedPkg, { color: false })}`)
    if (messages.length === 0) console.log('publint: no errors, warnings or suggestions')
    const bad = messages.filter((m) => m.type !== 'suggestion')
    report.check(
      `${name}: publint (no errors or warnings)`,
      bad.length === 0,
      bad.length
        ? bad.map((m) => `${m.type} ${m.code}: ${formatMessage(m, lintedPkg, { color: false })}`).join(' | ')
        : `${messages.length} suggestion(s)`,
    )
  } catch (e) {
    report.check(`${name}: publint (no errors or warnings)`, false, `publint crashed: ${e?.message ?? e}`)
  }

  // attw: one JSON run, every entry under every resolution kind
  const attw = run(path.join(root, 'node_modules/.bin/attw'), [tarball, '-f', 'json', '--no-color'], {
    cwd: root,
  })
  let parsed
  try {
    parsed = JSON.parse(attw.stdout)
  } catch {
    report.check(`${name}: attw`, false, `attw output not JSON: ${short(attw.stderr + attw.stdout)}`)
    continue
  }
  const entrypoints = Object.keys(parsed.analysis?.entrypoints ?? {})
  const problems = Object.values(parsed.problems ?? {}).flat()
  const expected = Object.keys(manifest.exports ?? { '.': 1 }).filter((k) => k !== './package.json')
  const unchecked = expected.filter((e) => !entrypoints.includes(e))
  console.log(
    table(
      ['attw entry', 'node10', 'node16-cjs', 'node16-esm', 'bundler'],
      entrypoints.map((ep) => [
        ep,
        ...['node10', 'node16-cjs', 'node16-esm', 'bundler'].map((rk) => {
          const ps = Object.values(parsed.problems ?? {})
            .flat()
            .filter(
              (p) =>
                p.entrypoint === ep && (p.resolutionKind === rk || (!p.resolutionKind && rk === 'bundler')),
            )
          return ps.length ? ps.map((p) => p.kind).join(',') : 'ok'
        }),
      ]),
    ),
  )
  report.check(
    `${name}: attw (${entrypoints.join(' ')})`,
    problems.length === 0 && unchecked.length === 0 && entrypoints.length > 0,
    problems.length
      ? problems.map((p) => `${p.kind} ${p.entrypoint ?? ''} ${p.resolutionKind ?? ''}`.trim()).join(' | ')
      : unchecked.length
        ? `entries not analysed: ${unchecked.join(', ')}`
        : 'node10, node16-cjs, node16-esm and bundler on every entry',
  )
}

// ---------------------------------------------------------------- dist import graph
/** Import specifiers of a JS / declaration file (static, dynamic, re-export, require; comments ignored). */
const specifiersOf = (file) =>
  ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName)
const builtins = new Set(builtinModules.filter((m) => !m.startsWith('_')))
const isNodeImport = (s) => s.startsWith('node:') || builtins.has(s) || builtins.has(s.split('/')[0])
const isPeerSubpath = (s) => /^(fp-ts|io-ts)\//.test(s)

/** Follows relative imports from the entry files; returns [file, specifier][] of every bare import. */
const importGraph = (entries) => {
  const seen = new Set()
  const bare = []
  const stack = entries.filter((f) => fs.existsSync(f))
  while (stack.length) {
    const f = stack.pop()
    if (seen.has(f)) continue
    seen.add(f)
    for (const s of specifiersOf(f)) {
      if (s.startsWith('.')) {
        const t = path.resolve(path.dirname(f), s)
        const cand = [t, `${t}.js`, `${t}.cjs`, `${t}.d.ts`].find(
          (c) => fs.existsSync(c) && fs.statSync(c).isFile(),
        )
        if (cand) stack.push(cand)
      } else bare.push([path.relative(root, f), s])
    }
  }
  return { files: [...seen], bare }
}

const distFiles = (dir) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true })
        .map((f) => path.join(dir, f))
        .filter((f) => /\.(c?js|d\.c?ts)$/.test(f))
    : []

console.log('\n=== dist import graphs')
const urlDist = path.join(root, 'packages/url/dist')
const utilsDist = path.join(root, 'packages/utils/dist')
const graphs = {
  'packages/url/dist (every file)': importGraph(distFiles(urlDist)),
  'packages/utils/dist/{,node/}index.* (import graph)': importGraph(
    ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'node/index.js', 'node/index.cjs'].map((f) =>
      path.join(utilsDist, f),
    ),
  ),
}
for (const [label, g] of Object.entries(graphs)) {
  const offenders = g.bare.filter(([, s]) => isNodeImport(s))
  // Not imports, so not failures, but worth seeing: run-time lookups such as process.getBuiltinModule('node:crypto').
  const lookups = g.files.filter(
    (f) => /\.c?js$/.test(f) && /['"]node:[a-z_/]+['"]/.test(fs.readFileSync(f, 'utf8')),
  )
  if (lookups.length)
    console.log(
      `${label}: note: 'node:…' string (run-time lookup, not an import) in ${lookups.map((f) => path.relative(root, f)).join(', ')}`,
    )
  report.check(
    `${label}: no node: / Node built-in import`,
    g.files.length > 0 && offenders.length === 0,
    g.files.length === 0
      ? 'no dist files (build first)'
      : offenders.length
        ? offenders.map(([f, s]) => `${f} imports ${s}`).join(' | ')
        : `${g.files.length} files; bare imports: ${[...new Set(g.bare.map(([, s]) => s))].sort().join(', ') || 'none'}`,
  )
}
for (const dir of packageDirs) {
  const files = distFiles(path.join(dir, 'dist'))
  const offenders = files.flatMap((f) =>
    specifiersOf(f)
      .filter(isPeerSubpath)
      .map((s) => `${path.relative(root, f)} imports ${s}`),
  )
  report.check(
    `${path.relative(root, dir)}/dist: no fp-ts/… or io-ts/… subpath import`,
    files.length > 0 && offenders.length === 0,
    files.length === 0 ? 'no dist files (build first)' : offenders.join(' | ') || `${files.length} files`,
  )
}

// ---------------------------------------------------------------- smoke test
console.log('\n=== smoke test (packed tarballs installed with npm)')
const smokeDir = path.join(tmp, 'smoke')
const want = ['@imagekit-fp/utils', '@imagekit-fp/url', '@imagekit-fp/upload']
const haveAll = packages.every((p) => tarballs[p.name]) && want.every((n) => tarballs[n])
const install = haveAll
  ? await installInto(smokeDir, Object.values(tarballs), ['@types/node@^20'])
  : { status: -1, stderr: `missing tarballs: ${want.filter((n) => !tarballs[n]).join(', ')}`, stdout: '' }
const installed = report.check(
  'smoke: npm install of the pnpm-packed tarballs + fp-ts + io-ts + @types/node',
  install.status === 0,
  install.status === 0
    ? packages
        .map(
          ({ name: n }) =>
            `${n}@${JSON.parse(fs.readFileSync(path.join(smokeDir, 'node_modules', n, 'package.json'), 'utf8')).version}`,
        )
        .join(', ')
    : short(install.stderr + install.stdout, 600),
)

// Expected values computed here, independently of our code.
const endpoint = 'https://ik.imagekit.io/your_imagekit_id/endpoint/'
const expectedSignature = createHmac('sha1', 'private_key_test')
  .update('tr:h-300,w-400/default-image.jpg' + '9999999999')
  .digest('hex')
const smokeBody = `
const endpoint = ${JSON.stringify(endpoint)}
const results = []
const show = (v) => { try { return JSON.stringify(v) } catch { return String(v) } }
const eq = (actual, expected) => {
  if (show(actual) !== show(expected)) throw new Error('expected ' + show(expected) + ', got ' + show(actual))
}
const test = async (name, fn) => {
  if ((globalThis.__smokeSkip || []).includes(name)) return
  try { results.push({ name, ok: true, detail: String((await fn()) ?? '') }) }
  catch (e) { results.push({ name, ok: false, detail: String(e && e.message ? e.message : e) }) }
}
const main = async (load, where) => {
  await test('@imagekit-fp/url buildUrl', async () => {
    const { buildUrl } = await load('@imagekit-fp/url')
    eq(buildUrl({ urlEndpoint: endpoint }, { path: '/default-image.jpg', transformation: [{ height: '300', width: '400' }] }),
      { _tag: 'Right', right: endpoint + 'tr:h-300,w-400/default-image.jpg' })
    return where('@imagekit-fp/url')
  })
  await test('@imagekit-fp/url signUrl', async () => {
    const { signUrl } = await load('@imagekit-fp/url')
    eq(signUrl({ urlEndpoint: endpoint, privateKey: 'private_key_test' }, { path: '/default-image.jpg', transformation: [{ height: '300', width: '400' }] }),
      { _tag: 'Right', right: endpoint + 'tr:h-300,w-400/default-image.jpg?ik-s=${expectedSignature}' })
  })
  await test('@imagekit-fp/utils getAuthenticationParameters', async () => {
    const { getAuthenticationParameters } = await load('@imagekit-fp/utils')
    eq(getAuthenticationParameters({ privateKey: 'private_key_test', now: () => (1582269249 - 600) * 1000 }, { token: 'your_token', expire: 1582269249 }),
      { _tag: 'Right', right: { token: 'your_token', expire: 1582269249, signature: 'e71bcd6031016b060d349d212e23e85c791decdd' } })
    return where('@imagekit-fp/utils')
  })
  await test('@imagekit-fp/utils phashDistance', async () => {
    const { phashDistance } = await load('@imagekit-fp/utils')
    eq(phashDistance('2d5ad3936d2e015b', '2d6ed293db36a4fb'), { _tag: 'Right', right: 17 })
  })
  await test('@imagekit-fp/utils/http request', async () => {
    const { request } = await load('@imagekit-fp/utils/http')
    eq(typeof request, 'function')
    return where('@imagekit-fp/utils/http')
  })
  await test('@imagekit-fp/upload upload', async () => {
    const { upload } = await load('@imagekit-fp/upload')
    const task = upload({ privateKey: 'private_key_test' }, { file: 'aGVsbG8=', fileName: 'hello.txt' })
    eq(typeof task, 'function') // a TaskEither; not run (no network here)
    return where('@imagekit-fp/upload')
  })
  await test('@imagekit-fp/upload/node fileFromPath, nodeFetch', async () => {
    const { fileFromPath, nodeFetch } = await load('@imagekit-fp/upload/node')
    eq([typeof fileFromPath, typeof nodeFetch], ['function', 'function'])
    return where('@imagekit-fp/upload/node')
  })
  process.stdout.write(JSON.stringify(results) + '\\n')
}
`
fs.writeFileSync(
  path.join(smokeDir, 'smoke.mjs'),
  `${smokeBody}\nawait main((s) => import(s), (s) => 'resolved ' + import.meta.resolve(s).replace(/^.*node_modules\\//, ''))\n`,
)
fs.writeFileSync(
  path.join(smokeDir, 'smoke.cjs'),
  `'use strict'\n${smokeBody}\nmain(async (s) => require(s), (s) => 'resolved ' + require.resolve(s).replace(/^.*node_modules\\//, ''))\n`,
)
// The bundler build (no `node` condition): the same calls bundled by esbuild for the browser, then run.
// Node-only entries are left out (they are not meant for browsers), and Node's crypto is hidden first
// (process.getBuiltinModule removed) so the HMACs take the pure-JS path a browser takes.
fs.writeFileSync(
  path.join(smokeDir, 'no-native-crypto.mjs'),
  `try { Object.defineProperty(process, 'getBuiltinModule', { value: undefined, configurable: true }) } catch {}\n`,
)
fs.writeFileSync(
  path.join(smokeDir, 'smoke-browser.mjs'),
  `import './no-native-crypto.mjs'
import * as url from '@imagekit-fp/url'
import * as utils from '@imagekit-fp/utils'
import * as http from '@imagekit-fp/utils/http'
import * as up from '@imagekit-fp/upload'
const mods = { '@imagekit-fp/url': url, '@imagekit-fp/utils': utils, '@imagekit-fp/utils/http': http, '@imagekit-fp/upload': up }
globalThis.__smokeSkip = ['@imagekit-fp/upload/node fileFromPath, nodeFetch']
${smokeBody}
await main(async (s) => mods[s], () => 'esbuild --platform=browser bundle')
`,
)
if (installed) {
  try {
    await esbuild.build({
      entryPoints: [path.join(smokeDir, 'smoke-browser.mjs')],
      outfile: path.join(smokeDir, 'smoke-browser.bundle.mjs'),
      bundle: true,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
    })
  } catch (e) {
    report.check(
      'smoke: esbuild --platform=browser bundle of the packed packages',
      false,
      (e.errors ?? []).map((x) => x.text).join('; ') || String(e.message ?? e),
    )
  }
}
for (const file of ['smoke.mjs', 'smoke.cjs', 'smoke-browser.bundle.mjs']) {
  if (file === 'smoke-browser.bundle.mjs' && installed && !fs.existsSync(path.join(smokeDir, file))) continue
  if (!installed) {
    report.check(`smoke: node ${file}`, false, 'install failed')
    continue
  }
  const r = run(process.execPath, [file], { cwd: smokeDir })
  let results
  try {
    results = JSON.parse(r.stdout.trim().split('\n').pop())
  } catch {
    report.check(`smoke: node ${file}`, false, `exit ${r.status}: ${short(r.stderr + r.stdout, 600)}`)
    continue
  }
  for (const t of results) report.check(`smoke ${file}: ${t.name}`, t.ok, t.detail)
  if (r.stderr.trim()) console.log(`  ${file} stderr: ${short(r.stderr, 600)}`)
}

// ---------------------------------------------------------------- TypeScript consumer
// Compiled in the smoke install (the pnpm-packed tarballs), skipLibCheck off, with TypeScript 5.x and 6.x.
console.log('\n=== TypeScript consumer (moduleResolution node10, node16, bundler)')
const consumerSource = (ext) => {
  const lines = []
  allSpecifiers.forEach((s, i) => {
    lines.push(
      `import * as m${i} from '${s}'`,
      `// @ts-expect-error: fails when '${s}' resolves to no types or to \`any\``,
      `export const missing${i} = m${i}.__no_such_export__`,
      `export const count${i}: number = Object.keys(m${i}).length`,
    )
  })
  const has = (n) => packages.some((p) => p.name === n)
  // A few typed calls per known package: the types say what the functions take and give.
  if (has('@imagekit-fp/url') && has('@imagekit-fp/utils'))
    lines.push(
      `import { buildUrl } from '@imagekit-fp/url'`,
      `import type { ValidationError } from '@imagekit-fp/utils'`,
      `import type { either } from 'fp-ts'`,
      `export const url: either.Either<ValidationError, string> = buildUrl({ urlEndpoint: 'https://ik.imagekit.io/demo' }, { path: '/a.jpg' })`,
      `// @ts-expect-error: path is a string`,
      `buildUrl({ urlEndpoint: 'https://ik.imagekit.io/demo' }, { path: 42 })`,
    )
  if (has('@imagekit-fp/upload'))
    lines.push(
      `import { upload } from '@imagekit-fp/upload'`,
      `export const task: () => Promise<either.Either<{ readonly _tag: string; readonly message: string }, unknown>> = upload({ privateKey: 'private_key_test' }, { file: 'aGVsbG8=', fileName: 'hello.txt' })`,
      `// @ts-expect-error: fileName is required`,
      `upload({ privateKey: 'private_key_test' }, { file: 'aGVsbG8=' })`,
    )
  return `// consumer.${ext}: generated by scripts/pack-check.mjs\n${lines.join('\n')}\n`
}
const consumerDir = path.join(smokeDir, 'consumer')
const SETTINGS = {
  node10: { module: 'commonjs', moduleResolution: 'node10', files: ['consumer.ts'] },
  node16: { module: 'node16', moduleResolution: 'node16', files: ['consumer.mts', 'consumer.cts'] },
  bundler: { module: 'esnext', moduleResolution: 'bundler', files: ['consumer.ts'] },
}
const compilers = {
  'TypeScript 5': path.join(root, 'node_modules/typescript5/bin/tsc'),
  'TypeScript 6': path.join(root, 'node_modules/typescript/bin/tsc'),
}
const tsVersion = (bin) => run(process.execPath, [bin, '-v']).stdout.trim().replace('Version ', '')
if (installed) {
  fs.mkdirSync(consumerDir, { recursive: true })
  for (const ext of ['ts', 'mts', 'cts'])
    fs.writeFileSync(path.join(consumerDir, `consumer.${ext}`), consumerSource(ext))
  const matrix = []
  for (const [compiler, bin] of Object.entries(compilers)) {
    const version = tsVersion(bin)
    for (const [setting, { files, ...options }] of Object.entries(SETTINGS)) {
      // TypeScript 6 deprecates node10 (an error without ignoreDeprecations); TypeScript 5 is the check there.
      if (compiler === 'TypeScript 6' && setting === 'node10') {
        matrix.push([`${compiler} (${version})`, setting, 'not run (deprecated in 6.x)'])
        continue
      }
      const tsconfig = path.join(consumerDir, `tsconfig.${setting}.json`)
      fs.writeFileSync(
        tsconfig,
        JSON.stringify({
          compilerOptions: {
            ...options,
            target: 'ES2022',
            lib: ['ES2022', 'DOM'],
            types: ['node'],
            strict: true,
            exactOptionalPropertyTypes: true,
            esModuleInterop: true,
            skipLibCheck: false,
            noEmit: true,
          },
          files,
        }),
      )
      const r = run(process.execPath, [bin, '-p', tsconfig], { cwd: consumerDir })
      const ok = r.status === 0
      matrix.push([`${compiler} (${version})`, setting, ok ? 'ok' : 'FAIL'])
      report.check(
        `${compiler} (${version}) consumer, moduleResolution ${setting} (${files.join(', ')})`,
        ok,
        ok ? `${allSpecifiers.length} entries typed, skipLibCheck off` : short(r.stdout + r.stderr, 800),
      )
    }
  }
  console.log(table(['compiler', 'moduleResolution', 'result'], matrix))
}

console.log('')
report.printChecks()
report.finish()

#!/usr/bin/env node
// Packaging checks for every package in packages/*:
//   1. `pnpm pack` into a temp dir (pnpm rewrites `workspace:^` to real versions);
//   2. publint on the tarball, strict: any error or warning fails, suggestions are printed;
//   3. attw on the tarball: every entry point under the node16 profile (node16-cjs, node16-esm, bundler),
//      plus node10 for the root entry `.` (see ATTW_NOTE);
//   4. a smoke test: the packed utils/url/upload tarballs + fp-ts + io-ts installed with npm into a temp
//      folder, then `node smoke.mjs` (import) and `node smoke.cjs` (require), one real call per entry point
//      (Node resolves the `node` export condition where a package has one), and the same calls bundled by
//      esbuild for the browser (the bundler build) and run with node;
//   5. the import graph of packages/url/dist and packages/utils/dist/index.* holds no `node:` (or bare
//      Node built-in) import, and no package's dist imports an `fp-ts/…` or `io-ts/…` subpath.
//
// Usage: node scripts/pack-check.mjs [--json <file>] [--build] [--keep]
//   --json <file>  also write { checks: [{ name, ok, detail }] } (env IMAGEKIT_FP_CHECKS_JSON works too)
//   --build        build every package first (npx -y pnpm@10 -r --filter "./packages/*" run build)
//   --keep         keep the temp folder (its path is printed) to poke at the smoke install
// Needs the npm registry for fp-ts, io-ts, ky and @noble/hashes in the smoke install (npm's cache is used first).
import { execFileSync, spawnSync } from 'node:child_process'
import { createHmac } from 'node:crypto'
import fs from 'node:fs'
import { builtinModules } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import esbuild from 'esbuild'
import { publint } from 'publint'
import ts from 'typescript'
import { formatMessage } from 'publint/utils'
import { createReport, parseArgs, root, table } from './lib/report.mjs'

const ATTW_NOTE =
  'attw: node16 profile (node16-cjs, node16-esm, bundler) for every entry; node10 too for "." only, because ' +
  'node10 resolution ignores `exports`, so subpaths (./http, ./node) cannot resolve there without typesVersions ' +
  'hacks, and our engines field is node >=20.19 (TypeScript users need node16/nodenext/bundler resolution).'

const args = parseArgs()
const report = createReport('pack-check', args)
const run = (cmd, argv, opts = {}) =>
  spawnSync(cmd, argv, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...opts,
    env: { ...process.env, ...opts.env },
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

const packageDirs = fs
  .readdirSync(path.join(root, 'packages'))
  .map((d) => path.join(root, 'packages', d))
  .filter((d) => fs.existsSync(path.join(d, 'package.json')))
  .sort()

/** @type {Record<string, string>} package name -> tarball path */
const tarballs = {}

// ---------------------------------------------------------------- pack, publint, attw
for (const dir of packageDirs) {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))
  const name = pkg.name
  console.log(`\n=== ${name}`)
  const dest = path.join(tmp, 'tarballs')
  fs.mkdirSync(dest, { recursive: true })
  const before = new Set(fs.readdirSync(dest))
  const packed = run('npx', ['-y', 'pnpm@10', 'pack', '--pack-destination', dest], { cwd: dir })
  const tgz = fs.readdirSync(dest).find((f) => f.endsWith('.tgz') && !before.has(f))
  if (
    !report.check(
      `${name}: pnpm pack`,
      packed.status === 0 && tgz,
      tgz ?? short(packed.stderr + packed.stdout),
    )
  )
    continue
  const tarball = path.join(dest, tgz)
  tarballs[name] = tarball

  // The packed manifest: workspace: ranges rewritten, and the files every export points at are in the tarball.
  const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean)
  const manifest = JSON.parse(
    execFileSync('tar', ['-xOzf', tarball, 'package/package.json'], { encoding: 'utf8' }),
  )
  const workspaceRanges = Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies })
    .filter(([, v]) => String(v).startsWith('workspace:'))
    .map(([k, v]) => `${k}@${v}`)
  report.check(
    `${name}: no workspace: ranges in packed package.json`,
    workspaceRanges.length === 0,
    workspaceRanges.join(', ') || `deps: ${JSON.stringify(manifest.dependencies ?? {})}`,
  )
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

  // attw: one JSON run, then our own profile logic (see ATTW_NOTE)
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
  const problems = Object.values(parsed.problems ?? {})
    .flat()
    .filter((p) => !(p.resolutionKind === 'node10' && p.entrypoint !== '.'))
  const ignoredNode10 = Object.values(parsed.problems ?? {})
    .flat()
    .filter((p) => p.resolutionKind === 'node10' && p.entrypoint !== '.')
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
          if (rk === 'node10' && ep !== '.')
            return ps.length ? `(ignored: ${ps.map((p) => p.kind).join(',')})` : 'ok'
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
        : `node16 profile on all entries, node10 on "."${ignoredNode10.length ? ` (${ignoredNode10.length} node10 subpath notes ignored)` : ''}`,
  )
}
console.log(`\n${ATTW_NOTE}`)

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
fs.mkdirSync(smokeDir)
fs.writeFileSync(
  path.join(smokeDir, 'package.json'),
  JSON.stringify({ name: 'smoke', private: true, version: '0.0.0' }, null, 2),
)
const want = ['@imagekit-fp/utils', '@imagekit-fp/url', '@imagekit-fp/upload']
const haveAll = want.every((n) => tarballs[n])
const install = haveAll
  ? run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        '--loglevel=error',
        ...want.map((n) => tarballs[n]),
        'fp-ts@^2.16.0',
        'io-ts@^2.2.0',
      ],
      { cwd: smokeDir },
    )
  : { status: -1, stderr: `missing tarballs: ${want.filter((n) => !tarballs[n]).join(', ')}`, stdout: '' }
const installed = report.check(
  'smoke: npm install of the packed tarballs + fp-ts + io-ts',
  install.status === 0,
  install.status === 0
    ? want
        .map(
          (n) =>
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

console.log('')
report.printChecks()
report.finish()

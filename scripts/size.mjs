#!/usr/bin/env node
// Size budgets, written as "what a user imports". Each case is an esbuild stdin entry such as
// `export { buildUrl } from '@imagekit-fp/url'`, bundled with --bundle --minify --format=esm
// --platform=browser, resolving our packages from their BUILT dist (so `sideEffects` and preserveModules
// are what is measured) with fp-ts / io-ts / ky / @noble/hashes bundled in unless a case says otherwise.
// Size = gzip level 9 bytes of the output.
//
// Budgets live in size-budgets.json (root): each case has a `ceiling` (fails above it) and a `floor`
// (fails below it: a broken build that exports nothing gets suspiciously small). Budgets only move down:
// `--update-budgets` sets ceiling = measured + 2%, but never above the ceiling already there, and floor = 50%
// of measured. Raising a ceiling takes `--raise '<case>=<what the bytes buy>'`, recorded in the file. Where
// the project has set a size target for a case (`target`), it is printed beside the measurement as PASS/MISS:
// a target not met yet is reported, not hidden behind a failing CI (see README, Measurements).
//
// The size tables in the READMEs and docs/MEASUREMENTS.md are generated: each sits between
// `<!-- size.mjs:<table> -->` and `<!-- /size.mjs -->`. `--write-docs` rewrites them from this run, and a
// check fails when a table differs from what this run measured (sizes are deterministic).
// Cases also list packages that must not be in their bundle (checked in esbuild's metafile and by
// grepping the output for a marker string of each package).
//
// Side by side, not budgeted: @imagekit/javascript { buildSrc } and { upload } (default resolution, which
// picks its `browser` UMD build, and mainFields=module,main), imagekit@6 and @imagekit/nodejs@7 URL
// builders when they bundle for the browser (n/a otherwise).
//
// It also runs the cold-import CHECK (coldImportCheck in scripts/lib/cold-import.mjs): `import('@imagekit-fp/url')`
// in a fresh Node process over an empty Node start at most half of `import('@imagekit/javascript')`'s, measured
// in the same run (--no-cold skips it; scripts/cold-import-check.mjs runs it alone).
//
// Usage: node scripts/size.mjs [--json <file>] [--update-budgets [--raise '<case>=<why>']] [--write-docs]
//                               [--top <n>] [--no-cold]
//   --json <file>       also write { checks: [...], sizes: [...] } (env IMAGEKIT_FP_CHECKS_JSON works too)
//   --update-budgets    rewrite size-budgets.json from this run's measurements with the rule above
//   --write-docs        rewrite the generated size tables in the READMEs and docs/MEASUREMENTS.md
//   --top <n>           list the n largest inputs of each of our bundles (default 4)
import esbuild from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import * as prettier from 'prettier'
import { coldImportCheck } from './lib/cold-import.mjs'
import { createReport, fmtInt, parseArgs, root, table } from './lib/report.mjs'
import { makeUserDir, missingBuilds } from './lib/user-dir.mjs'

const args = parseArgs()
const report = createReport('size', args)
const budgetsFile = path.join(root, 'size-budgets.json')
const top = Number(args.top ?? 4)

/** Marker strings: a package's code is in a bundle if its metafile input is there or a marker is found. */
const markers = {
  ky: ['Request timed out'],
  'io-ts': ['UnknownRecord', 'UnknownArray'],
  '@noble/hashes': ['Hash#digest() has already been called', 'digestInto() expects output buffer'],
}
// Media codecs, by the name string each one carries (io-ts keeps codec names in the bundle): a
// single-function media bundle must hold no other operation's codec.
const mediaCodecs = {
  'codec FileDetails': ['"FileDetails"'],
  'codec UpdateFileDetailsResult': ['UpdateFileDetailsResult'],
  'codec ListFilesResult': ['ListFilesResult'],
  'codec FolderDetails': ['FolderDetails'],
  'codec Metadata': ['ExifImage'],
  'codec BulkDeleteReply': ['BulkDeleteReply'],
  'codec BulkTagsReply': ['BulkTagsReply'],
  'codec RenameFileReply': ['RenameFileReply'],
  'codec BulkJob': ['"BulkJob"'],
  'codec BulkJobStatus': ['BulkJobStatus'],
  'codec PurgeCacheResult': ['PurgeCacheResult'],
  'codec PurgeStatus': ['PurgeStatus'],
}
Object.assign(markers, mediaCodecs)
/** Every media codec marker but those named. */
const otherCodecs = (...own) => Object.keys(mediaCodecs).filter((k) => !own.includes(k))
const noTransport = ['ky', 'io-ts']
const pureUrl = ['ky', 'io-ts', '@noble/hashes']

/** Our cases. `target`: the size the project aims for, reported as PASS/MISS beside the budget. */
const ours = [
  {
    name: '{ buildUrl }',
    code: `export { buildUrl } from '@imagekit-fp/url'`,
    target: 3600,
    forbid: pureUrl,
  },
  {
    name: '{ signUrl }',
    code: `export { signUrl } from '@imagekit-fp/url'`,
    target: 6400,
    forbid: noTransport,
  },
  // The reply is read by our own lax codecs, which are io-ts Types by shape: no io-ts at run time.
  {
    name: '{ upload }',
    code: `export { upload } from '@imagekit-fp/upload'`,
    target: 14500,
    forbid: ['io-ts'],
  },
  // The v2 upload alone (JWT-authenticated; budgeted as a regression guard).
  { name: '{ uploadV2 }', code: `export { uploadV2 } from '@imagekit-fp/upload'` },
  // Many uploads behind one rate-limit gate: the bulk engine is inlined here only.
  { name: '{ uploadMany }', code: `export { uploadMany } from '@imagekit-fp/upload'` },
  {
    name: '{ buildTransformationString }',
    code: `export { buildTransformationString } from '@imagekit-fp/url'`,
    forbid: pureUrl,
  },
  {
    name: '{ getResponsiveImageAttributes }',
    code: `export { getResponsiveImageAttributes } from '@imagekit-fp/url'`,
    forbid: pureUrl,
  },
  {
    name: '{ getAuthenticationParameters }',
    code: `export { getAuthenticationParameters } from '@imagekit-fp/utils'`,
    forbid: noTransport,
  },
  { name: '{ phashDistance }', code: `export { phashDistance } from '@imagekit-fp/utils'`, forbid: pureUrl },
  {
    name: '{ verifyWebhook }',
    code: `export { verifyWebhook } from '@imagekit-fp/utils'`,
    forbid: noTransport,
  },
  {
    name: '{ validationError }',
    code: `export { validationError } from '@imagekit-fp/utils'`,
    forbid: pureUrl,
  },
  { name: 'whole @imagekit-fp/url', code: `export * from '@imagekit-fp/url'`, forbid: ['ky'] },
  {
    name: '{ getFileDetails }',
    code: `export { getFileDetails } from '@imagekit-fp/media'`,
    target: 12000,
    forbid: [...otherCodecs('codec FileDetails'), 'io-ts'],
  },
  {
    name: '{ purgeCache }',
    code: `export { purgeCache } from '@imagekit-fp/media'`,
    forbid: otherCodecs('codec PurgeCacheResult'),
  },
  {
    name: '{ getFileDetails, deleteFile }',
    code: `export { getFileDetails, deleteFile } from '@imagekit-fp/media'`,
    forbid: otherCodecs('codec FileDetails'),
    // what a second function adds: under 1 KB gz
    addsTo: { case: '{ getFileDetails }', target: 1024 },
  },
  // A group entry imported as a namespace: a bundler keeps only the functions called, so `files.getFileDetails`
  // costs what the flat import costs (`sameAs`). Other shapes of a group are measured below (groupShapes).
  {
    name: 'files.getFileDetails',
    code: `import * as files from '@imagekit-fp/media/files'\nexport const getFileDetails = files.getFileDetails`,
    forbid: [...otherCodecs('codec FileDetails'), 'io-ts'],
    sameAs: { case: '{ getFileDetails }', within: 32 },
  },
  { name: 'whole @imagekit-fp/media', code: `export * from '@imagekit-fp/media'` },
  // The codecs alone: no transport.
  {
    name: 'whole @imagekit-fp/media/codecs',
    code: `export * from '@imagekit-fp/media/codecs'`,
    forbid: noTransport,
  },
  // One custom metadata operation alone: no other operation's codec.
  {
    name: '{ listCustomMetadataFields }',
    code: `export { listCustomMetadataFields } from '@imagekit-fp/media'`,
  },
  // One bulk helper over a search: the listing (its items are files or folders), addTags and the bulk engine;
  // no other operation's codec.
  {
    name: '{ addTagsToMatching }',
    code: `export { addTagsToMatching } from '@imagekit-fp/media/bulk'`,
    forbid: otherCodecs('codec ListFilesResult', 'codec FolderDetails', 'codec BulkTagsReply'),
  },
]

/** Official SDKs, measured side by side (no budget). */
const theirs = [
  {
    name: 'js5 { buildSrc } (default: browser UMD)',
    code: `export { buildSrc } from '@imagekit/javascript'`,
  },
  {
    name: 'js5 { buildSrc } (mainFields=module,main)',
    code: `export { buildSrc } from '@imagekit/javascript'`,
    mainFields: ['module', 'main'],
  },
  { name: 'js5 { upload } (default: browser UMD)', code: `export { upload } from '@imagekit/javascript'` },
  {
    name: 'js5 { upload } (mainFields=module,main)',
    code: `export { upload } from '@imagekit/javascript'`,
    mainFields: ['module', 'main'],
  },
  {
    name: 'imagekit@6 url()',
    code: `import ImageKit from 'imagekit'\nexport const url = (c, o) => new ImageKit(c).url(o)`,
  },
  {
    name: 'nodejs@7 helper.buildSrc',
    code: `import ImageKit from '@imagekit/nodejs'\nexport const buildSrc = (c, o) => new ImageKit(c).helper.buildSrc(o)`,
  },
  {
    name: 'nodejs@7 files.get',
    code: `import ImageKit from '@imagekit/nodejs'\nexport const get = (c, id) => new ImageKit(c).files.get(id)`,
  },
  {
    name: 'nodejs@7 files.get (crypto external)',
    code: `import ImageKit from '@imagekit/nodejs'\nexport const get = (c, id) => new ImageKit(c).files.get(id)`,
    external: ['crypto', 'node:crypto'],
  },
  {
    name: 'nodejs@7 cache.invalidation.create (crypto external)',
    code: `import ImageKit from '@imagekit/nodejs'\nexport const purge = (c, url) => new ImageKit(c).cache.invalidation.create({ url })`,
    external: ['crypto', 'node:crypto'],
  },
  {
    name: 'nodejs@7 helper.buildSrc (crypto external)',
    code: `import ImageKit from '@imagekit/nodejs'\nexport const buildSrc = (c, o) => new ImageKit(c).helper.buildSrc(o)`,
    external: ['crypto', 'node:crypto'],
  },
]

/**
 * The floor under each target: what the design makes mandatory in that bundle, bundled alone with the same
 * settings (real sources, no copies). Printed beside the target with what it leaves for everything else; not
 * budgeted.
 */
const floors = [
  {
    name: 'the transformation map data (the full map)',
    target: '{ buildUrl }',
    code: `export { TABLES } from ${JSON.stringify(path.join(root, 'packages/url/src/internal/transformationMap.ts'))}`,
  },
  {
    name: 'HMAC-SHA1 (@noble/hashes) + the map',
    target: '{ signUrl }',
    code: `export { hmacSha1Hex } from '@imagekit-fp/utils'\nexport { TABLES } from ${JSON.stringify(
      path.join(root, 'packages/url/src/internal/transformationMap.ts'),
    )}`,
  },
  {
    name: 'ky + one ky call read by the UploadResult codec',
    target: '{ upload }',
    code: `import ky from 'ky'\nimport { UploadResult } from ${JSON.stringify(
      path.join(root, 'packages/upload/src/model/UploadResult.ts'),
    )}\nexport const f = (u) => ky.post(u).json().then((j) => UploadResult.decode(j))`,
  },
  {
    name: 'ky + one ky call read by the FileDetails codec',
    target: '{ getFileDetails }',
    code: `import ky from 'ky'\nimport { FileDetails } from '@imagekit-fp/utils/codec'\nexport const f = (u) => ky.get(u).json().then((j) => FileDetails.decode(j))`,
  },
]

/**
 * The shapes a group of media operations could take, each calling `getFileDetails` only (not budgeted; the media
 * README's groups table): the flat import and the namespace import of the group entry (the shapes offered),
 * beside an object of the group's functions and the group namespace re-exported by another module (what
 * `export * as files from './groups/files'` in the root index would be). `module`: a file written beside the entry.
 */
const fileOps = [
  ...fs
    .readFileSync(path.join(root, 'packages/media/src/groups/files.ts'), 'utf8')
    .matchAll(/^export \{ (\w+) \}/gm),
].map((m) => m[1])
const groupShapes = [
  {
    name: "`import { getFileDetails } from '@imagekit-fp/media'`",
    code: ours.find((c) => c.name === '{ getFileDetails }').code,
  },
  {
    name: "`import * as files from '@imagekit-fp/media/files'`",
    code: ours.find((c) => c.name === 'files.getFileDetails').code,
  },
  {
    name: 'an object of the functions, `files = Object.freeze({ listFiles, getFileDetails, … })`',
    code: `${fileOps.map((f) => `import { ${f} } from '@imagekit-fp/media/files'`).join('\n')}\nconst files = Object.freeze({ ${fileOps.join(', ')} })\nexport const get = files.getFileDetails`,
  },
  {
    name: "a namespace re-exported by the root, `export * as files from './groups/files'`",
    module: ['root.js', `export * as files from '@imagekit-fp/media/files'`],
    code: `import { files } from './root.js'\nexport const getFileDetails = files.getFileDetails`,
  },
]

/** Which package a metafile input belongs to (`node_modules/<pkg>/…`, or `packages/<ours>/…`). */
const packageOf = (input) => {
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/)
  if (m) return m[1]
  const o = input.match(/packages\/([^/]+)\//)
  return o ? `@imagekit-fp/${o[1]}` : input
}

const userDir = makeUserDir()
const bundle = async (c) => {
  const result = await esbuild.build({
    stdin: { contents: c.code, resolveDir: userDir, sourcefile: 'entry.js', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: root,
    ...(c.external ? { external: c.external } : {}),
    ...(c.mainFields ? { mainFields: c.mainFields } : {}),
  })
  const text = result.outputFiles[0].text
  const bytes = Buffer.byteLength(text)
  const gz = zlib.gzipSync(text, { level: 9 }).length
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs)
    .map(([file, v]) => ({ file: path.relative(root, path.resolve(root, file)), bytes: v.bytesInOutput }))
    .filter((i) => i.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
  const byPackage = {}
  for (const i of inputs) byPackage[packageOf(i.file)] = (byPackage[packageOf(i.file)] ?? 0) + i.bytes
  return {
    text,
    bytes,
    gz,
    inputs,
    byPackage,
    exportsCount: Object.values(result.metafile.outputs)[0].exports.length,
  }
}

const missing = missingBuilds()
if (missing.length) console.log(`warning: not built: ${missing.join(', ')} (run the root build first)\n`)

/** @type {{cases?: Record<string, {ceiling:number, floor:number, firstMeasured:number, source:string}>}} */
const budgets = fs.existsSync(budgetsFile) ? JSON.parse(fs.readFileSync(budgetsFile, 'utf8')) : {}
const measured = {}
const rows = []
const details = []
for (const c of ours) {
  let r
  try {
    r = await bundle(c)
  } catch (e) {
    const msg = (e.errors ?? []).map((x) => x.text).join('; ') || String(e.message ?? e)
    report.check(`size ${c.name}: bundles`, false, msg)
    rows.push([c.name, 'ERROR', '', '', '', msg.slice(0, 60), ''])
    continue
  }
  measured[c.name] = r
  const b = budgets.cases?.[c.name]
  const within = b ? r.gz <= b.ceiling && r.gz >= b.floor && r.exportsCount > 0 : false
  const target = c.target
  rows.push([
    c.name,
    fmtInt(r.bytes),
    fmtInt(r.gz),
    b ? fmtInt(b.floor) : '-',
    b ? fmtInt(b.ceiling) : '-',
    within ? 'ok' : 'FAIL',
    target ? `${fmtInt(target)} ${r.gz <= target ? 'PASS' : `MISS (${(r.gz / target).toFixed(2)}x)`}` : '-',
  ])
  report.check(
    `size ${c.name}: ${b ? `${fmtInt(b.floor)} ≤ gz ≤ ${fmtInt(b.ceiling)}` : 'has a budget'}`,
    within,
    b
      ? `${fmtInt(r.gz)} B gz (${fmtInt(r.bytes)} B min), ${r.exportsCount} export(s)${
          r.gz > b.ceiling
            ? ` OVER ceiling; largest inputs (min B): ${r.inputs
                .slice(0, 3)
                .map((i) => `${i.file.replace(/^.*node_modules\//, '')} ${fmtInt(i.bytes)}`)
                .join(', ')}`
            : ''
        }${r.gz < b.floor ? ' UNDER floor (broken build?)' : ''}${r.exportsCount === 0 ? ' NO exports' : ''}`
      : `no budget for this case in size-budgets.json (run with --update-budgets); measured ${fmtInt(r.gz)} B gz`,
  )
  if (c.forbid) {
    const found = c.forbid.flatMap((p) => {
      const hits = []
      if (r.byPackage[p]) hits.push(`${p} (${fmtInt(r.byPackage[p])} B in metafile)`)
      const mk = markers[p].find((m) => r.text.includes(m))
      if (mk) hits.push(`${p} marker "${mk}"`)
      return hits
    })
    report.check(
      `size ${c.name}: no ${c.forbid.join(' / ')} code`,
      found.length === 0,
      found.join(', ') || 'none found',
    )
  }
  if (c.sameAs) {
    const base = measured[c.sameAs.case]
    const diff = base ? Math.abs(r.gz - base.gz) : NaN
    report.check(
      `size ${c.name}: within ${c.sameAs.within} B gz of ${c.sameAs.case}`,
      diff <= c.sameAs.within,
      base ? `${fmtInt(r.gz)} vs ${fmtInt(base.gz)} B gz` : `${c.sameAs.case} not measured`,
    )
  }
  if (c.addsTo) {
    const base = measured[c.addsTo.case]
    const added = base ? r.gz - base.gz : NaN
    report.check(
      `size ${c.name}: adds < ${fmtInt(c.addsTo.target)} B gz to ${c.addsTo.case}`,
      added < c.addsTo.target,
      base
        ? `adds ${fmtInt(added)} B gz (${fmtInt(base.gz)} → ${fmtInt(r.gz)})`
        : `${c.addsTo.case} not measured`,
    )
  }
  details.push(
    `${c.name}: ${Object.entries(r.byPackage)
      .sort((a, b) => b[1] - a[1])
      .map(([p, n]) => `${p} ${fmtInt(n)}`)
      .join(', ')} (min bytes by package)\n    top inputs: ${r.inputs
      .slice(0, top)
      .map((i) => `${i.file.replace(/^.*node_modules\//, '')} ${fmtInt(i.bytes)}`)
      .join(', ')}`,
  )
}

console.log('Our bundles (esbuild --bundle --minify --format=esm --platform=browser; gzip -9)')
console.log(table(['case', 'min B', 'gz B', 'floor', 'ceiling', 'result', 'target'], rows))
console.log(`\nWhat is in them (minified bytes by package, largest inputs):\n  ${details.join('\n  ')}`)

// ---------------------------------------------------------------- floors under the targets
const floorRows = []
for (const f of floors) {
  const target = ours.find((c) => c.name === f.target)?.target
  try {
    const r = await bundle(f)
    const left = target - r.gz
    floorRows.push([
      f.target,
      f.name,
      fmtInt(r.gz),
      fmtInt(target),
      `${Math.round((100 * r.gz) / target)}%`,
      left > 0 ? `${fmtInt(left)} B` : `none (${fmtInt(-left)} B over)`,
    ])
  } catch (e) {
    floorRows.push([f.target, f.name, 'ERROR', fmtInt(target), '', String(e.message ?? e).slice(0, 60)])
  }
}
console.log('\nFloors: the mandatory parts of each targeted bundle, bundled alone (same settings)')
console.log(
  table(['target case', 'mandatory part', 'gz B', 'target', 'share', 'left for the rest'], floorRows),
)

// ---------------------------------------------------------------- the shapes of a group
const groupRows = []
for (const g of groupShapes) {
  try {
    if (g.module) fs.writeFileSync(path.join(userDir, g.module[0]), g.module[1])
    const r = await bundle(g)
    // A function is bundled when its module is (metafile inputs with bytes in the output).
    const kept = fileOps.filter((f) => r.inputs.some((i) => i.file.endsWith(`/${f}.js`)))
    groupRows.push([g.name, fmtInt(r.gz), `${kept.length} of the ${fileOps.length} file functions`])
  } catch (e) {
    groupRows.push([g.name, 'ERROR', String(e.message ?? e).slice(0, 60)])
  }
}
console.log('\nShapes of a group, calling files.getFileDetails only (not budgeted)')
console.log(table(['shape', 'gz B', 'bundled'], groupRows))

// ---------------------------------------------------------------- official SDKs, side by side
const theirRows = []
const theirSizes = {}
for (const c of theirs) {
  try {
    const r = await bundle(c)
    theirSizes[c.name] = r
    theirRows.push([c.name, fmtInt(r.bytes), fmtInt(r.gz), ''])
  } catch (e) {
    const first = (e.errors ?? [])[0]
    const why = first
      ? `${first.text}${first.location ? ` (${first.location.file})` : ''}`
      : String(e.message ?? e)
    theirRows.push([c.name, 'n/a', 'n/a', `does not bundle for the browser: ${why.slice(0, 110)}`])
  }
}
console.log('\nOfficial SDKs, same settings (not budgeted)')
console.log(table(['case', 'min B', 'gz B', 'note'], theirRows))

const ratio = (a, b) => {
  const x = measured[a]?.gz
  const y = theirSizes[b]?.gz
  return x && y ? [a, b, fmtInt(x), fmtInt(y), `${(x / y).toFixed(2)}x`] : [a, b, fmtInt(x), fmtInt(y), 'n/a']
}
const ratios = [
  ratio('{ buildUrl }', 'js5 { buildSrc } (default: browser UMD)'),
  ratio('{ buildUrl }', 'js5 { buildSrc } (mainFields=module,main)'),
  ratio('{ signUrl }', 'nodejs@7 helper.buildSrc'),
  ratio('{ signUrl }', 'nodejs@7 helper.buildSrc (crypto external)'),
  ratio('{ upload }', 'js5 { upload } (default: browser UMD)'),
  ratio('{ upload }', 'js5 { upload } (mainFields=module,main)'),
  ratio('{ getFileDetails }', 'nodejs@7 files.get'),
  ratio('{ getFileDetails }', 'nodejs@7 files.get (crypto external)'),
  ratio('{ purgeCache }', 'nodejs@7 cache.invalidation.create (crypto external)'),
]
console.log('\nRatios (ours / theirs, gz bytes; < 1 means ours is smaller)')
console.log(table(['ours', 'theirs', 'ours gz', 'theirs gz', 'ratio'], ratios))

report.extra.sizes = [
  ...Object.entries(measured).map(([name, r]) => ({
    name,
    min: r.bytes,
    gz: r.gz,
    budget: budgets.cases?.[name] ?? null,
  })),
  ...Object.entries(theirSizes).map(([name, r]) => ({ name, min: r.bytes, gz: r.gz, official: true })),
]

// ---------------------------------------------------------------- generated tables in the docs
const gzOf = (sizes, name) => (sizes[name] ? `${fmtInt(sizes[name].gz)} B` : 'n/a')
const gz = (name) => gzOf(measured, name)
const gz2 = (name) => gzOf(theirSizes, name)
const mdTable = (headers, rows) =>
  [headers, headers.map((h) => (/B$|ratio/.test(h) ? '---:' : '---')), ...rows]
    .map((r) => `| ${r.join(' | ')} |`)
    .join('\n')
const docTables = {
  sizes: () =>
    mdTable(
      ['import', 'gzip B', 'min B', 'budget (gzip B)', 'target'],
      ours
        .filter((c) => measured[c.name])
        .map((c) => {
          const r = measured[c.name]
          const t = c.target
          return [
            `\`${c.name}\``,
            fmtInt(r.gz),
            fmtInt(r.bytes),
            fmtInt(budgets.cases?.[c.name]?.ceiling),
            t ? `${fmtInt(t)}: ${r.gz <= t ? 'met' : `**missed** (${(r.gz / t).toFixed(2)}x)`}` : '',
          ]
        }),
    ),
  ratios: () =>
    mdTable(
      ['ours', 'official, same settings', 'ours gzip B', 'theirs gzip B', 'ratio'],
      ratios.filter((r) => r[4] !== 'n/a').map(([a, b, x, y, q]) => [`\`${a}\``, b, x, y, q]),
    ),
  media: () =>
    mdTable(
      ['import', 'gzip', '`@imagekit/nodejs` 7, same call'],
      [
        [
          '`{ getFileDetails }`',
          gz('{ getFileDetails }'),
          `\`files.get\`: ${gz2('nodejs@7 files.get (crypto external)')}`,
        ],
        [
          '`{ purgeCache }`',
          gz('{ purgeCache }'),
          `\`cache.invalidation.create\`: ${gz2('nodejs@7 cache.invalidation.create (crypto external)')}`,
        ],
        ['`{ listCustomMetadataFields }`', gz('{ listCustomMetadataFields }'), ''],
        ['`{ getFileDetails, deleteFile }`', gz('{ getFileDetails, deleteFile }'), ''],
        ['the whole package', gz('whole @imagekit-fp/media'), ''],
      ],
    ),
  groups: () =>
    mdTable(
      ['calling `getFileDetails` through', 'gzip B', 'what is bundled'],
      groupRows.map(([name, gzB, kept]) => [name, gzB === 'ERROR' ? gzB : `${gzB} B`, kept]),
    ),
  floors: () =>
    mdTable(
      ['target case', 'mandatory part, alone', 'gzip B', 'target', 'share', 'left for the rest'],
      floorRows.map(([c, ...rest]) => [`\`${c}\``, ...rest]),
    ),
}
const BLOCK = /(<!-- size\.mjs:(\w+) -->\n)([\s\S]*?)(<!-- \/size\.mjs -->)/g
const docFiles = [
  'README.md',
  'docs/MEASUREMENTS.md',
  ...fs.readdirSync(path.join(root, 'packages')).map((p) => `packages/${p}/README.md`),
].filter((f) => fs.existsSync(path.join(root, f)))
for (const file of docFiles) {
  const full = path.join(root, file)
  const text = fs.readFileSync(full, 'utf8')
  if (!text.includes('<!-- size.mjs:')) continue
  const stale = []
  const next = text.replace(BLOCK, (all, open, name, body, close) => {
    const make = docTables[name]
    if (!make) {
      stale.push(`${name} (no such table)`)
      return all
    }
    const fresh = `${make()}\n`
    if (fresh !== body) stale.push(name)
    return `${open}${fresh}${close}`
  })
  if (args['write-docs'] && next !== text) {
    fs.writeFileSync(full, next)
    console.log(`\nwrote the size tables in ${file}`)
  } else
    report.check(
      `size: the generated tables in ${file} equal this run`,
      stale.length === 0,
      stale.length ? `stale: ${stale.join(', ')} (run node scripts/size.mjs --write-docs)` : 'equal',
    )
}

if (args['update-budgets']) {
  // Budgets only move down: a ceiling above the one on file needs a reason, given as --raise '<case>=<why>'.
  // Read from argv: parseArgs keeps only the last of a repeated flag.
  const argv = process.argv.slice(2)
  const raises = Object.fromEntries(
    argv
      .flatMap((a, i) =>
        a === '--raise' ? [argv[i + 1]] : a.startsWith('--raise=') ? [a.slice('--raise='.length)] : [],
      )
      .filter((r) => typeof r === 'string' && r.includes('='))
      .map((r) => [r.slice(0, r.indexOf('=')), r.slice(r.indexOf('=') + 1)]),
  )
  const cases = {}
  const refused = []
  for (const c of ours) {
    const r = measured[c.name]
    if (!r) continue
    const old = budgets.cases?.[c.name]
    const wanted = Math.ceil(r.gz * 1.02)
    const raise = old && wanted > old.ceiling
    if (raise && !raises[c.name] && r.gz > old.ceiling)
      refused.push(
        `${c.name} (${fmtInt(r.gz)} B gz would need a ceiling of ${fmtInt(wanted)}, above ${fmtInt(old.ceiling)})`,
      )
    cases[c.name] = {
      import: c.code,
      ...(c.external ? { external: c.external } : {}),
      measured: r.gz,
      ceiling: raise && !raises[c.name] ? old.ceiling : wanted,
      floor: Math.floor(r.gz * 0.5),
      ...(c.target ? { target: c.target } : {}),
      ...(raise && raises[c.name]
        ? { raised: { from: old.ceiling, why: raises[c.name] } }
        : // An earlier raise stays on record while the ceiling is still above what it was raised from.
          old?.raised && Math.min(wanted, old.ceiling) > old.raised.from
          ? { raised: old.raised }
          : {}),
    }
  }
  const out = {
    $comment:
      'gzip -9 bytes of esbuild --bundle --minify --format=esm --platform=browser, one case per "what a user imports". ' +
      'ceiling = measured + 2%, never raised without a reason (--raise); floor = 50% of measured; target = the size aimed for, reported as PASS/MISS. ' +
      'Checked by scripts/size.mjs; regenerate with `node scripts/size.mjs --update-budgets`.',
    measuredOn: new Date().toISOString().slice(0, 10),
    cases,
  }
  const options = (await prettier.resolveConfig(budgetsFile)) ?? {}
  fs.writeFileSync(
    budgetsFile,
    await prettier.format(JSON.stringify(out), { ...options, filepath: budgetsFile }),
  )
  console.log(`\nwrote ${path.relative(root, budgetsFile)} (${Object.keys(cases).length} cases)`)
  if (refused.length) {
    console.log(
      `kept the old ceiling (budgets only move down; --raise '<case>=<why>' to raise): ${refused.join('; ')}`,
    )
    process.exitCode = 1
  }
}

if (!args['no-cold']) {
  const cold = coldImportCheck()
  for (const line of cold.lines) console.log(`\n${line}`)
  report.check(cold.name, cold.ok, cold.detail)
}

console.log('')
report.printChecks()
report.finish()

#!/usr/bin/env node
// URL building throughput, side by side in one run (tinybench): ours from the BUILT dist, ESM, resolved as a
// Node user's `import '@imagekit-fp/url'` is (export conditions node + import), vs
// imagekit@6 (`new ImageKit(...).url`), @imagekit/nodejs@7 (`client.helper.buildSrc`) and
// @imagekit/javascript@5 (`buildSrc`; it cannot sign: n/a).
//
// Cases, with equivalent inputs across SDKs (each SDK's own option names):
//   plain   — `path` only;
//   chained — 2 steps, path position (js5/node7 default to query, so it is set explicitly), + query params;
//   signed  — fixed endpoint/key, 1 step, query params, expiry 300 s (`expireSeconds` in ours and imagekit@6,
//             `expiresIn` in nodejs@7).
// Targets: ours ≥ 4x the fastest official SDK for plain and chained, ≥ 1.5x for signed.
// Each tinybench iteration runs BATCH calls (timer resolution), warmup 300 ms, 1 s per task.
// Two rounds (task order reversed in the second); each task reports its better round. Every task has its own
// loop function, so no SDK's call site is shared (megamorphic) with another's.
// Exits 0 whatever the numbers (benchmarks inform); prints PASS/MISS per target.
//
// Usage: node scripts/bench/url.mjs [--json <file>] [--time <ms per task, 1000>] [--rounds <n, 2>]
import { Bench } from 'tinybench'
import path from 'node:path'
import { createRequire } from 'node:module'
import { createReport, fmtInt, parseArgs, root, table } from '../lib/report.mjs'
import { importAsUser } from '../lib/user-dir.mjs'

const args = parseArgs()
const report = createReport('bench url', args)
const time = Number(args.time ?? 1000)
const rounds = Number(args.rounds ?? 2)
const BATCH = 50

const require = createRequire(path.join(root, 'package.json'))
// Ours resolved as a Node user's import would be (export conditions node + import: dist/node/index.js
// where the package has a Node build, else dist/index.js).
const ours = await importAsUser('@imagekit-fp/url')
console.log(`ours: ${ours.__resolved.replace(/^.*\/packages\//, 'packages/')}`)
const ImageKit6 = require('imagekit')
const { default: ImageKit7 } = await import('@imagekit/nodejs')
const js5 = require('@imagekit/javascript')

const urlEndpoint = 'https://ik.imagekit.io/your_imagekit_id'
const privateKey = 'private_key_test'
const publicKey = 'public_key_test'
const ik6 = new ImageKit6({ urlEndpoint, privateKey, publicKey })
const ik7 = new ImageKit7({ privateKey })

const filePath = '/default-image.jpg'
const chain = [{ height: 300, width: 400 }, { rotation: 90 }]
const one = [{ height: 300, width: 400 }]
const qp = { v: '123' }

const unwrap = (e) =>
  e && e._tag === 'Right' ? e.right : e && e._tag === 'Left' ? `Left(${e.left.path}: ${e.left.message})` : e
const cases = {
  plain: {
    ours: () => ours.buildUrl({ urlEndpoint }, { path: filePath }),
    'imagekit@6': () => ik6.url({ path: filePath }),
    'nodejs@7': () => ik7.helper.buildSrc({ urlEndpoint, src: filePath }),
    'javascript@5': () => js5.buildSrc({ urlEndpoint, src: filePath }),
  },
  chained: {
    ours: () =>
      ours.buildUrl(
        { urlEndpoint },
        { path: filePath, transformation: chain, transformationPosition: 'path', queryParameters: qp },
      ),
    'imagekit@6': () =>
      ik6.url({ path: filePath, transformation: chain, transformationPosition: 'path', queryParameters: qp }),
    'nodejs@7': () =>
      ik7.helper.buildSrc({
        urlEndpoint,
        src: filePath,
        transformation: chain,
        transformationPosition: 'path',
        queryParameters: qp,
      }),
    'javascript@5': () =>
      js5.buildSrc({
        urlEndpoint,
        src: filePath,
        transformation: chain,
        transformationPosition: 'path',
        queryParameters: qp,
      }),
  },
  signed: {
    ours: () =>
      ours.signUrl(
        { urlEndpoint, privateKey },
        {
          path: filePath,
          transformation: one,
          transformationPosition: 'path',
          queryParameters: qp,
          expireSeconds: 300,
        },
      ),
    'imagekit@6': () =>
      ik6.url({
        path: filePath,
        transformation: one,
        transformationPosition: 'path',
        queryParameters: qp,
        signed: true,
        expireSeconds: 300,
      }),
    'nodejs@7': () =>
      ik7.helper.buildSrc({
        urlEndpoint,
        src: filePath,
        transformation: one,
        transformationPosition: 'path',
        queryParameters: qp,
        signed: true,
        expiresIn: 300,
      }),
    'javascript@5': null,
  },
}
const targets = { plain: 4, chained: 4, signed: 1.5 }

// What each SDK emits for the case (same second, so signatures should agree too).
console.log('Outputs (one call each):')
const agree = {}
for (const [c, sdks] of Object.entries(cases)) {
  const outs = Object.entries(sdks)
    .filter(([, f]) => f)
    .map(([sdk, f]) => {
      try {
        return [sdk, String(unwrap(f()))]
      } catch (e) {
        return [sdk, `THROWS ${e?.message ?? e}`]
      }
    })
  for (const [sdk, out] of outs) console.log(`  ${c.padEnd(8)} ${sdk.padEnd(13)} ${out}`)
  agree[c] = new Set(outs.map(([, o]) => o)).size === 1
}

const sinkBox = { sink: 0 }
// Each task gets its own loop function (a fresh `new Function`, so its own type feedback): a shared loop
// would see every SDK at one call site, go megamorphic, and favour whichever task ran first.
const batchOf = (f) =>
  new Function(
    'f',
    'out',
    `return () => { let n = 0; for (let i = 0; i < ${BATCH}; i++) { const r = f(); n += typeof r === 'string' ? r.length : 1 } out.sink += n }`,
  )(f, sinkBox)
const tasks = []
for (const [c, sdks] of Object.entries(cases)) {
  for (const [sdk, f] of Object.entries(sdks)) {
    if (!f) continue
    try {
      f()
    } catch {
      continue // n/a: it throws (e.g. ours not built yet)
    }
    tasks.push([`${c} ${sdk}`, f])
  }
}
// `rounds` full passes, the task order reversed every other pass; each task keeps its best pass (other
// processes on the machine can only slow a pass down, never speed it up).
const stats = {}
for (let round = 0; round < rounds; round++) {
  const bench = new Bench({ time, warmup: true, warmupTime: 300, iterations: 20 })
  for (const [name, f] of round % 2 ? [...tasks].reverse() : tasks) bench.add(name, batchOf(f))
  bench.runSync()
  for (const t of bench.tasks) {
    const r = t.result
    if (!r || !r.latency) continue
    const ops = (BATCH * 1000) / r.latency.mean
    if (!stats[t.name] || ops > stats[t.name].ops) stats[t.name] = { ops, rme: r.latency.rme }
  }
}
if (sinkBox.sink === 42) console.log('') // keep the results alive

const rows = []
const summary = []
for (const [c, sdks] of Object.entries(cases)) {
  const official = Object.keys(sdks).filter((s) => s !== 'ours' && stats[`${c} ${s}`])
  const fastest = official.sort((a, b) => stats[`${c} ${b}`].ops - stats[`${c} ${a}`].ops)[0]
  const oursOps = stats[`${c} ours`]?.ops
  for (const sdk of Object.keys(sdks)) {
    const s = stats[`${c} ${sdk}`]
    rows.push([
      c,
      sdk,
      s ? fmtInt(s.ops) : 'n/a',
      s ? `±${s.rme.toFixed(1)}%` : '',
      s && oursOps ? `${(oursOps / s.ops).toFixed(2)}x` : '',
      sdk === fastest ? 'fastest official' : sdks[sdk] ? '' : 'cannot sign',
    ])
  }
  const ratio = oursOps && fastest ? oursOps / stats[`${c} ${fastest}`].ops : NaN
  const pass = ratio >= targets[c]
  summary.push([
    c,
    fastest ?? 'n/a',
    Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : 'n/a',
    `≥${targets[c]}x`,
    pass ? 'PASS' : 'MISS',
    agree[c] ? 'yes' : 'NO',
  ])
  report.check(
    `bench url ${c}: ours ≥ ${targets[c]}x fastest official`,
    pass,
    `ours ${fmtInt(oursOps)} ops/s, ${fastest ?? 'n/a'} ${fmtInt(fastest ? stats[`${c} ${fastest}`].ops : NaN)} ops/s, ratio ${Number.isFinite(ratio) ? ratio.toFixed(2) : 'n/a'}x`,
  )
}

console.log(
  `\nURL ops/s (Node ${process.version}, tinybench, ${time} ms per task, ${BATCH} calls per sample, best of ${rounds} rounds)`,
)
console.log(table(['case', 'sdk', 'ops/s', 'margin', 'ours / this', 'note'], rows))
console.log('\nTargets (ours / fastest official SDK)')
console.log(table(['case', 'fastest official', 'ratio', 'target', 'result', 'same URL from all'], summary))
report.extra.measurements = Object.entries(stats).map(([name, s]) => ({
  name,
  opsPerSecond: Math.round(s.ops),
  rmePercent: s.rme,
}))
report.finish({ exitOnFail: false })

#!/usr/bin/env node
// Load and memory benchmark of our clients against @imagekit-fp/testing's stand-in (not a test; run by
// `pnpm bench`, or alone with `node scripts/bench.mjs --only standin`). Loopback only, bounded loops.
//
//   node scripts/bench/standin.mjs [--json <file>] [--uploads 200] [--calls 2000] [--files 100000]
//
// The stand-in runs in a child process (its stored files are not the client's memory); the client process,
// started with --expose-gc, measures:
//   1. `--uploads` concurrent uploads (16 KiB each) with `upload` from @imagekit-fp/upload;
//   2. `--calls` list/details calls (half `GET /v1/files?limit=100`, half `GET /v1/files/{id}/details`),
//      50 in flight, with the raw `request` from @imagekit-fp/utils/http (the media package is not there yet);
//      for both: throughput and p50/p99 latency;
//   3. heap and RSS after a full GC, compared with the baseline taken before phase 1;
//   4. `--files` stored files (seeded in the stand-in) listed page by page (limit 1000), the heap sampled after
//      every page: memory must stay flat while the pages go by.
// Our code is bundled from the sources with esbuild (as upload-memory.mjs does), so no rollup build is needed.
import { fork } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createReport, fmtInt, parseArgs, table } from '../lib/report.mjs'
import { bundleSources } from '../lib/bundle-sources.mjs'

const self = fileURLToPath(import.meta.url)
const MB = 1024 * 1024
const role = process.argv[2]

// --------------------------------------------------------------------------------------- stand-in side
const server = async (bundle) => {
  const { createImagekitStandIn } = await import(pathToFileURL(bundle).href)
  const standIn = createImagekitStandIn()
  const { url } = await standIn.listen()
  process.on('message', (m) => {
    if (m.type === 'seed') {
      standIn.reset()
      for (let i = 0; i < m.count; i++) standIn.addFile({ fileName: `file-${i}.txt`, folder: '/many' })
      process.send({ type: 'seeded', count: standIn.files().length })
    } else if (m.type === 'stop') process.exit(0)
  })
  process.send({ type: 'ready', url, privateKey: standIn.privateKey })
}

// ----------------------------------------------------------------------------------------- client side
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
const mem = () => {
  globalThis.gc()
  globalThis.gc()
  const m = process.memoryUsage()
  return { heap: m.heapUsed, rss: m.rss, external: m.external, arrayBuffers: m.arrayBuffers }
}
const timed = async (fn) => {
  const started = performance.now()
  const result = await fn()
  return { ms: performance.now() - started, result }
}

const client = async (bundle, url, privateKey, opts) => {
  const { upload, request, t } = await import(pathToFileURL(bundle).href)
  const config = { privateKey, apiBaseUrl: url, uploadBaseUrl: url, retry: 0 }
  // Warm up (JIT, connection pool), then the baseline.
  for (let i = 0; i < 20; i++) {
    await upload(config, { file: new Uint8Array(16), fileName: `warm-${i}.bin` })()
    await request(config, {
      method: 'GET',
      base: 'api',
      path: '/v1/files',
      searchParams: { limit: 1 },
      auth: 'basic',
      codec: t.unknown,
    })()
  }
  const warm = mem()
  // One round: the uploads, then the list/details calls, then a full GC once idle sockets have closed.
  const round = async (results) => {
    // 1. concurrent uploads
    const payload = new Uint8Array(16 * 1024).map((_, i) => (i * 31) & 0xff)
    // Only the figures leave this block: the results are not part of what must return to baseline.
    const { ids, ...uploadFigures } = await (async () => {
      const up = await timed(() =>
        Promise.all(
          Array.from({ length: opts.uploads }, (_, i) =>
            timed(() =>
              upload(config, { file: payload, fileName: `bench-${i}.bin`, useUniqueFileName: false })(),
            ),
          ),
        ),
      )
      return {
        count: opts.uploads,
        failures: up.result.filter((r) => r.result._tag !== 'Right').length,
        wallMs: up.ms,
        latencies: up.result.map((r) => r.ms).sort((a, b) => a - b),
        ids: up.result.filter((r) => r.result._tag === 'Right').map((r) => r.result.right.fileId),
      }
    })()
    results.upload = uploadFigures

    // 2. list/details calls, 50 in flight
    const latencies = []
    const reasons = new Set()
    let failures = 0
    let next = 0
    const worker = async () => {
      for (;;) {
        const i = next++
        if (i >= opts.calls) return
        const req =
          i % 2 === 0
            ? {
                method: 'GET',
                base: 'api',
                path: '/v1/files',
                searchParams: { limit: 100, skip: (i * 7) % 100 },
                auth: 'basic',
                codec: t.array(t.unknown),
              }
            : {
                method: 'GET',
                base: 'api',
                path: `/v1/files/${ids[i % ids.length]}/details`,
                auth: 'basic',
                codec: t.type({ fileId: t.string }),
              }
        const r = await timed(() => request(config, req)())
        if (r.result._tag !== 'Right') {
          failures++
          const left = r.result.left
          const why = `${left._tag}${left.status ? ` ${left.status}` : ''}${left.reason ? ` ${left.reason}` : ''}: ${left.message}`
          if (reasons.size < 3) reasons.add(why.slice(0, 200))
        }
        latencies.push(r.ms)
      }
    }
    const calls = await timed(() => Promise.all(Array.from({ length: 50 }, worker)))
    results.calls = {
      count: opts.calls,
      failures,
      reasons: [...reasons],
      wallMs: calls.ms,
      latencies: latencies.sort((a, b) => a - b),
    }

    // 3. back to baseline? Idle keep-alive sockets close after Node's 5 s server timeout; wait for that first.
    await new Promise((r) => setTimeout(r, 6000))
    const after = mem()
    return after
  }
  const results = {}
  const afterFirst = await round(results)
  const afterSecond = await round(results)
  const afterThird = await round(results)
  results.memory = { warm, afterFirst, afterSecond, afterThird }
  process.send({ type: 'phase1', results })

  // 4. page through many files
  await new Promise((resolve) => {
    process.once('message', resolve)
    process.send({ type: 'seed', count: opts.files })
  })
  const before = mem()
  const samples = []
  let listed = 0
  let pages = 0
  const paging = await timed(async () => {
    for (let skip = 0; pages < Math.ceil(opts.files / 1000) + 1; skip += 1000) {
      const r = await request(config, {
        method: 'GET',
        base: 'api',
        path: '/v1/files',
        searchParams: { path: '/many', limit: 1000, skip },
        auth: 'basic',
        codec: t.array(t.type({ fileId: t.string })),
      })()
      pages++
      if (r._tag !== 'Right') throw new Error(`page ${pages} failed: ${JSON.stringify(r.left).slice(0, 300)}`)
      listed += r.right.length
      if (r.right.length < 1000) break
      if (pages % 10 === 0) samples.push(mem().heap - before.heap)
    }
  })
  process.send({
    type: 'phase2',
    results: { files: opts.files, listed, pages, ms: paging.ms, samples, before },
  })
}

// ----------------------------------------------------------------------------------------- parent side
const bundleOurs = (dir) =>
  bundleSources(dir, [
    'export { upload } from {src:upload/src/index.ts}',
    'export { request } from {src:utils/src/http.ts}',
    'export { createImagekitStandIn } from {src:testing/src/node.ts}',
    `import * as t from 'io-ts'`,
    'export { t }',
  ])

const parent = async () => {
  const args = parseArgs()
  const opts = {
    uploads: Number(args.uploads ?? 200),
    calls: Number(args.calls ?? 2000),
    files: Number(args.files ?? 100_000),
  }
  const report = createReport('standin', args)
  const dir = mkdtempSync(path.join(tmpdir(), 'ikfp-bench-standin-'))
  const bundle = await bundleOurs(dir)
  const standIn = fork(self, ['server', bundle], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  const ready = await new Promise((resolve) => standIn.once('message', resolve))
  const clientProc = fork(self, ['client', bundle, ready.url, ready.privateKey, JSON.stringify(opts)], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  let phase1
  let phase2
  clientProc.on('message', (m) => {
    if (m.type === 'seed') {
      standIn.once('message', (done) => clientProc.send(done))
      standIn.send(m)
    } else if (m.type === 'phase1') phase1 = m.results
    else if (m.type === 'phase2') phase2 = m.results
  })
  const code = await new Promise((resolve) => clientProc.on('exit', resolve))
  standIn.send({ type: 'stop' })
  rmSync(dir, { recursive: true, force: true })
  if (code !== 0 || phase1 === undefined) throw new Error(`client exited ${code}`)

  process.stdout.write(`standin: Node ${process.version}, loopback ${ready.url}\n\n`)
  const row = (name, r) => [
    name,
    r.count,
    r.failures,
    fmtInt((r.count / r.wallMs) * 1000),
    percentile(r.latencies, 50).toFixed(1),
    percentile(r.latencies, 99).toFixed(1),
  ]
  console.log(
    table(
      ['phase', 'calls', 'failed', 'calls/s', 'p50 ms', 'p99 ms'],
      [
        row(`${opts.uploads} concurrent uploads (16 KiB, upload), round 3`, phase1.upload),
        row(`${opts.calls} list/details calls (request, 50 in flight), round 3`, phase1.calls),
      ],
    ),
  )
  const { warm, afterFirst, afterSecond, afterThird } = phase1.memory
  const mib = (n) => `${(n / MB).toFixed(1)} MiB`
  const delta = (a, b) =>
    `heap ${mib(a.heap)} -> ${mib(b.heap)} (${mib(b.heap - a.heap)}), RSS ${mib(a.rss)} -> ${mib(b.rss)} (${mib(b.rss - a.rss)})`
  console.log(`\nclient memory after a full GC, warm-up -> after round 1: ${delta(warm, afterFirst)}`)
  console.log(`client memory after a full GC, round 1 -> after round 2: ${delta(afterFirst, afterSecond)}`)
  console.log(`client memory after a full GC, round 1 -> after round 3: ${delta(afterFirst, afterThird)}`)
  const flat = phase2 && phase2.samples.length > 1
  const growth = flat ? Math.max(...phase2.samples) : NaN
  const drift = flat ? phase2.samples.at(-1) - phase2.samples[0] : NaN
  if (phase2) {
    console.log(
      `${fmtInt(phase2.listed)} of ${fmtInt(phase2.files)} files listed in ${phase2.pages} pages, ${(phase2.ms / 1000).toFixed(1)} s ` +
        `(${fmtInt((phase2.listed / phase2.ms) * 1000)} files/s); heap over the pre-paging baseline, every 10 pages: ` +
        phase2.samples.map((s) => (s / MB).toFixed(1)).join(', ') +
        ' MiB',
    )
  }
  if (phase1.calls.reasons.length > 0) console.log(`failed calls: ${phase1.calls.reasons.join(' | ')}`)
  report.check(
    'all uploads and calls succeed',
    phase1.upload.failures + phase1.calls.failures === 0,
    `${phase1.upload.failures} + ${phase1.calls.failures} failed`,
  )
  // The baseline is the state after a first identical round: JIT code and the allocator's arenas grow once; a
  // leak grows every round. RSS moves by tens of MiB between identical rounds (glibc keeps and reuses freed
  // arenas as 200 concurrent sockets come and go), so its check is looser than the heap's.
  const heapDrift = Math.max(afterSecond.heap, afterThird.heap) - afterFirst.heap
  report.check(
    'heap back to baseline after rounds 2 and 3 (within 2 MiB of round 1)',
    heapDrift <= 2 * MB,
    mib(heapDrift),
  )
  report.check(
    'RSS steady from round 1 to round 3 (within 32 MiB)',
    afterThird.rss - afterFirst.rss <= 32 * MB,
    mib(afterThird.rss - afterFirst.rss),
  )
  report.check(
    'RSS back to baseline after round 3 (within 64 MiB of the warm-up)',
    afterThird.rss - warm.rss <= 64 * MB,
    mib(afterThird.rss - warm.rss),
  )
  report.check(
    `every one of ${fmtInt(opts.files)} files listed`,
    phase2?.listed === opts.files,
    `${phase2?.listed}`,
  )
  report.check(
    'flat memory while paging (heap growth < 16 MiB, last sample within 4 MiB of the first)',
    growth < 16 * MB && Math.abs(drift) < 4 * MB,
    `max ${mib(growth)}, drift ${mib(drift)}`,
  )
  report.extra.figures = {
    opts,
    upload: { ...phase1.upload, latencies: undefined },
    calls: { ...phase1.calls, latencies: undefined },
    memory: phase1.memory,
    paging: phase2,
  }
  console.log('')
  report.printChecks()
  report.finish({ exitOnFail: false })
}

if (role === 'server') await server(process.argv[3])
else if (role === 'client')
  await client(process.argv[3], process.argv[4], process.argv[5], JSON.parse(process.argv[6])).then(() =>
    process.exit(0),
  )
else await parent()

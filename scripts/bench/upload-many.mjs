#!/usr/bin/env node
// Bulk-upload benchmark (not a test; run by `pnpm bench`, or alone with `node scripts/bench.mjs --only upload-many`).
// Loopback only, bounded loops.
//
//   node scripts/bench/upload-many.mjs [--json <file>] [--quick] [--files 2000] [--rate 50] [--items 100000]
//                                      [--concurrency <n>]
//   --quick: 200 files at 50/s and 10,000 generated requests, for a smoke run.
//
// The stand-in (@imagekit-fp/testing) runs in a child process behind `listen()`, rate-limited to `--rate` uploads
// per second per key (fixed 1 s windows, `operations: ['upload-file']`). Then:
//   a. `uploadMany` from @imagekit-fp/upload uploads `--files` small files (300 bytes each, default options, or
//      `--concurrency`): uploaded, lost (failed), duplicated (the stand-in holds the same fileName twice), seconds,
//      and the ratio to the floor (files / rate seconds); target: every file once, within 1.25x the floor. After
//      it, the same uploadMany of 300 files with the limit lifted measures what this machine sustains at all, so
//      a loaded machine's slowness is told apart from time lost to the limit.
//   b. in the same run, against the same stand-in (reset: no files, fresh windows), a naive `Promise.all` of
//      `client.files.upload` calls of the official `@imagekit/nodejs` 7 with its default retries (2, honouring
//      Retry-After): how many succeeded, how many it lost, seconds.
//   c. memory: `uploadMany` over a generator of `--items` upload requests (tiny bodies, `keep: 'failed'`) to a fake
//      fetch that answers every upload at once; the heap after a full GC (and a pause for finalizers) sampled when
//      the engine reads item 5,000, 10,000, … and at the end: first, peak and last MiB and the least-squares slope. Flat = the fitted growth over the whole run under 4 MiB and the
//      peak within 4 MiB of the first sample, whatever the number of items.
// Duplicates and losses are counted by the stand-in from its request log (2xx answers per fileName), not from what
// the client believes. Our code is bundled from the sources with esbuild (as standin.mjs does); no build needed.
// Until `uploadMany` exists in packages/upload/src, (a) and (c) say so and only (b) runs.
import { fork } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createReport, fmtInt, parseArgs, table } from '../lib/report.mjs'
import { bundleSources } from '../lib/bundle-sources.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const self = fileURLToPath(import.meta.url)
const MB = 1024 * 1024
const FILE_BYTES = 300
const CALIBRATION_FILES = 300
const role = process.argv[2]

/** A small file's bytes, different per index. */
const bytesOf = (i, size = FILE_BYTES) => {
  const b = new Uint8Array(size)
  for (let k = 0; k < size; k++) b[k] = (i * 131 + k * 31) & 0xff
  return b
}
const fileName = (prefix, i) => `${prefix}-${String(i).padStart(6, '0')}.bin`
const seconds = (ms) => ms / 1000
const count = (tally, key) => {
  tally[key] = (tally[key] ?? 0) + 1
}
const tallyText = (tally) =>
  Object.entries(tally)
    .map(([k, n]) => `${fmtInt(n)} ${k}`)
    .join(', ')
const ask = (proc, message) =>
  new Promise((resolve) => {
    proc.once('message', resolve)
    proc.send(message)
  })

// --------------------------------------------------------------------------------------- stand-in side
const server = async (bundle, rate) => {
  const { createImagekitStandIn } = await import(pathToFileURL(bundle).href)
  const standIn = createImagekitStandIn({
    rateLimit: { requests: rate, windowMs: 1000, operations: ['upload-file'] },
  })
  const { url } = await standIn.listen()
  process.on('message', (m) => {
    if (m.type === 'reset') {
      standIn.reset()
      process.send({ type: 'reset' })
    } else if (m.type === 'unlimited') {
      standIn.setRateLimit(undefined)
      process.send({ type: 'unlimited' })
    } else if (m.type === 'summary') {
      // Per fileName: how many uploads the stand-in answered 2xx (each stored a file).
      const stored = new Map()
      const statuses = {}
      for (const r of standIn.requests()) {
        if (r.operation !== 'upload-file') continue
        statuses[r.status] = (statuses[r.status] ?? 0) + 1
        if (r.status >= 200 && r.status < 300) {
          const name = r.body?.fileName
          stored.set(name, (stored.get(name) ?? 0) + 1)
        }
      }
      let duplicated = 0
      for (const n of stored.values()) duplicated += n - 1
      process.send({
        type: 'summary',
        distinct: stored.size,
        duplicated,
        files: standIn.files().length,
        statuses,
      })
    } else if (m.type === 'stop') process.exit(0)
  })
  process.send({ type: 'ready', url, privateKey: standIn.privateKey })
}

// ------------------------------------------------------------------ client side: (a) ours, (b) official
const runOurs = async (bundle, url, privateKey, opts, prefix = 'ours') => {
  const { uploadMany } = await import(pathToFileURL(bundle).href)
  const config = { privateKey, apiBaseUrl: url, uploadBaseUrl: url }
  function* requests() {
    for (let i = 0; i < opts.files; i++) yield { file: bytesOf(i), fileName: fileName(prefix, i) }
  }
  let rateLimitedSamples = 0
  let samples = 0
  const options = {
    ...(opts.concurrency === undefined ? {} : { concurrency: opts.concurrency }),
    onProgress: (p) => {
      samples++
      if (p.waitingForRateLimit) rateLimitedSamples++
    },
  }
  const started = performance.now()
  const r = await uploadMany(config, requests(), options)()
  const ms = performance.now() - started
  if (r._tag !== 'Right') return { ms, error: JSON.stringify(r.left).slice(0, 300) }
  const reasons = {}
  for (const f of r.right.failed)
    count(reasons, `${f.error._tag} ${f.error.status ?? f.error.reason ?? ''}`.trim())
  return {
    ms,
    done: r.right.done.length,
    failed: r.right.failed.length,
    total: r.right.total,
    reasons,
    waitingShare: samples === 0 ? NaN : rateLimitedSamples / samples,
  }
}

/** An official SDK error as `Class status (cause code)`. */
const officialWhy = (e) => {
  let code
  for (let c = e?.cause; c !== undefined && c !== null && code === undefined; c = c.cause) code = c.code
  return `${e?.constructor?.name ?? 'Error'}${e?.status ? ` ${e.status}` : ''}${code ? ` (${code})` : ''}`
}

const runOfficial = async (url, privateKey, opts) => {
  const { default: ImageKit } = await import('@imagekit/nodejs')
  const client = new ImageKit({ privateKey, baseURL: url })
  const reasons = {}
  let ok = 0
  let failed = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: opts.files }, (_, i) =>
      client.files
        .upload({ file: new File([bytesOf(i)], fileName('official', i)), fileName: fileName('official', i) })
        .then(
          () => {
            ok++
          },
          (e) => {
            failed++
            count(reasons, officialWhy(e))
          },
        ),
    ),
  )
  return { ms: performance.now() - started, ok, failed, reasons }
}

const client = async (bundle, url, privateKey, opts, hasUploadMany) => {
  const request = (m) =>
    new Promise((resolve) => {
      process.once('message', resolve)
      process.send(m)
    })
  const results = {}
  if (hasUploadMany) {
    results.ours = await runOurs(bundle, url, privateKey, opts)
    results.oursStandIn = await request({ type: 'summary' })
    // What this machine sustains without a limit (same client, warm, same stand-in): no floor is lower.
    await request({ type: 'unlimited' })
    const files = Math.min(opts.files, CALIBRATION_FILES)
    results.ceiling = {
      files,
      ...(await runOurs(bundle, url, privateKey, { ...opts, files }, 'calibration')),
    }
    await request({ type: 'reset' })
  }
  results.official = await runOfficial(url, privateKey, opts)
  results.officialStandIn = await request({ type: 'summary' })
  process.send({ type: 'done', results })
}

// --------------------------------------------------------------------------- memory side: (c) ours
const memory = async (bundle, opts) => {
  const { uploadMany, createImagekitStandIn } = await import(pathToFileURL(bundle).href)
  // One real answer from an in-process stand-in, then a fetch that gives the same answer at once, every time.
  const standIn = createImagekitStandIn()
  const form = new FormData()
  form.append('file', new Blob([bytesOf(0, 16)]), 'x.bin')
  form.append('fileName', 'x.bin')
  const sample = await standIn.fetch('https://upload.imagekit.io/api/v1/files/upload', {
    method: 'POST',
    body: form,
    headers: { authorization: `Basic ${btoa(`${standIn.privateKey}:`)}` },
  })
  const answer = await sample.text()
  if (sample.status !== 200) throw new Error(`sample upload answered ${sample.status}: ${answer}`)
  let answered = 0
  const fetch = async () => {
    answered++
    return new Response(answer, { status: 200, headers: { 'content-type': 'application/json' } })
  }
  const config = { privateKey: standIn.privateKey, fetch }
  // The heap is read when the engine asks for item 5,000, 10,000, …: a full GC, then a pause so that
  // FinalizationRegistry callbacks (undici's Request/AbortSignal bookkeeping) run and free what they hold, then
  // GC again. Read synchronously (in onProgress), the heap still holds every finished call's abort listeners.
  const settledHeap = async () => {
    for (let k = 0; k < 4; k++) {
      globalThis.gc()
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    return process.memoryUsage().heapUsed
  }
  const samples = []
  let settled = 0
  async function* requests() {
    for (let i = 0; i < opts.items; i++) {
      if (i > 0 && i % 5000 === 0) samples.push({ items: i, settled, heap: await settledHeap() })
      yield { file: bytesOf(i, 16), fileName: fileName('mem', i) }
    }
  }
  const started = performance.now()
  const r = await uploadMany(config, requests(), {
    keep: 'failed',
    onProgress: (p) => {
      settled = p.done + p.failed
    },
  })()
  const ms = performance.now() - started
  const tail = await settledHeap()
  samples.push({ items: opts.items, settled, heap: tail })
  const report =
    r._tag === 'Right'
      ? {
          done: r.right.done.length,
          failed: r.right.failed.length,
          total: r.right.total,
          kept: r.right.done.length + r.right.failed.length,
        }
      : { error: JSON.stringify(r.left).slice(0, 300) }
  process.send({ type: 'memory', results: { ms, answered, samples, tail, report } })
}

// ----------------------------------------------------------------------------------------- parent side
const bundleOurs = (dir, hasUploadMany) =>
  bundleSources(dir, [
    ...(hasUploadMany ? ['export { uploadMany } from {src:upload/src/index.ts}'] : []),
    'export { createImagekitStandIn } from {src:testing/src/node.ts}',
  ])

/** Least-squares slope of heap bytes per item. */
const slopeOf = (samples) => {
  const n = samples.length
  if (n < 2) return NaN
  const mx = samples.reduce((s, p) => s + p.items, 0) / n
  const my = samples.reduce((s, p) => s + p.heap, 0) / n
  const sxy = samples.reduce((s, p) => s + (p.items - mx) * (p.heap - my), 0)
  const sxx = samples.reduce((s, p) => s + (p.items - mx) ** 2, 0)
  return sxy / sxx
}

const parent = async () => {
  const args = parseArgs()
  const quick = args.quick === true
  const opts = {
    files: Number(args.files ?? (quick ? 200 : 2000)),
    rate: Number(args.rate ?? 50),
    items: Number(args.items ?? (quick ? 10_000 : 100_000)),
    ...(args.concurrency === undefined ? {} : { concurrency: Number(args.concurrency) }),
  }
  const report = createReport('upload-many', args)
  const hasUploadMany = /\buploadMany\b/.test(
    readFileSync(path.join(root, 'packages/upload/src/index.ts'), 'utf8'),
  )
  const dir = mkdtempSync(path.join(tmpdir(), 'ikfp-bench-many-'))
  try {
    const bundle = await bundleOurs(dir, hasUploadMany)
    const standIn = fork(self, ['server', bundle, String(opts.rate)], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    })
    const ready = await new Promise((resolve) => standIn.once('message', resolve))
    const clientProc = fork(
      self,
      ['client', bundle, ready.url, ready.privateKey, JSON.stringify(opts), String(hasUploadMany)],
      {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    )
    let results
    clientProc.on('message', async (m) => {
      if (m.type === 'done') results = m.results
      else clientProc.send(await ask(standIn, m))
    })
    const code = await new Promise((resolve) => clientProc.on('exit', resolve))
    standIn.send({ type: 'stop' })
    if (code !== 0 || results === undefined) throw new Error(`client exited ${code}`)

    let mem
    if (hasUploadMany) {
      const memProc = fork(self, ['memory', bundle, JSON.stringify(opts)], {
        execArgv: ['--expose-gc'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      })
      memProc.on('message', (m) => {
        if (m.type === 'memory') mem = m.results
      })
      const memCode = await new Promise((resolve) => memProc.on('exit', resolve))
      if (memCode !== 0 || mem === undefined) throw new Error(`memory run exited ${memCode}`)
    }

    const floorS = opts.files / opts.rate
    const { ceiling } = results
    const ceilingRate = ceiling && !ceiling.error ? ceiling.done / seconds(ceiling.ms) : NaN
    const machineFloorS = opts.files / Math.min(opts.rate, ceilingRate)
    console.log(
      `upload-many: Node ${process.version}, stand-in on ${ready.url}, ${opts.rate} uploads/s per key (1 s windows), ` +
        `${fmtInt(opts.files)} files of ${FILE_BYTES} bytes, floor ${floorS.toFixed(1)} s\n`,
    )
    const rows = []
    const { ours, oursStandIn: os, official, officialStandIn: ofs } = results
    if (ours !== undefined) {
      const uploaded = ours.error ? 0 : os.distinct
      rows.push([
        `uploadMany (${opts.concurrency ?? 'default'} concurrency)`,
        fmtInt(uploaded),
        fmtInt(opts.files - os.distinct),
        fmtInt(os.duplicated),
        seconds(ours.ms).toFixed(1),
        `${(seconds(ours.ms) / floorS).toFixed(2)}x`,
        JSON.stringify(os.statuses),
      ])
    } else rows.push(['uploadMany', 'not on this branch yet', '', '', '', '', ''])
    rows.push([
      'official @imagekit/nodejs 7, Promise.all (2 retries)',
      fmtInt(ofs.distinct),
      fmtInt(opts.files - ofs.distinct),
      fmtInt(ofs.duplicated),
      seconds(official.ms).toFixed(1),
      `${(seconds(official.ms) / floorS).toFixed(2)}x`,
      JSON.stringify(ofs.statuses),
    ])
    console.log(
      table(['client', 'uploaded', 'lost', 'duplicated', 's', 'of floor', 'stand-in answers'], rows),
    )
    if (ours?.error) console.log(`uploadMany returned a Left: ${ours.error}`)
    if (ours?.failed) console.log(`uploadMany failures: ${tallyText(ours.reasons)}`)
    if (ours !== undefined && !ours.error)
      console.log(
        `uploadMany's own report: ${fmtInt(ours.done)} done, ${fmtInt(ours.failed)} failed, ${fmtInt(ours.total)} read; ` +
          `waitingForRateLimit in ${(ours.waitingShare * 100).toFixed(0)}% of its progress events`,
      )
    if (ceiling !== undefined)
      console.log(
        `without the limit, uploadMany sustained ${ceilingRate.toFixed(1)} uploads/s here (${fmtInt(ceiling.done)} of ` +
          `${fmtInt(ceiling.files)} files in ${seconds(ceiling.ms).toFixed(1)} s), so this machine's floor is ` +
          `${machineFloorS.toFixed(1)} s; uploadMany took ${(seconds(ours.ms) / machineFloorS).toFixed(2)}x of that`,
      )
    console.log(
      `official: ${fmtInt(official.ok)} resolved, ${fmtInt(official.failed)} rejected` +
        (official.failed ? ` (${tallyText(official.reasons)})` : ''),
    )

    if (ours !== undefined) {
      report.check(
        `uploadMany: all ${fmtInt(opts.files)} uploaded, 0 lost, 0 duplicated`,
        !ours.error && os.distinct === opts.files && os.duplicated === 0 && ours.done === opts.files,
        `${os.distinct} stored, ${opts.files - os.distinct} lost, ${os.duplicated} duplicated; report ${ours.done} done, ${ours.failed} failed`,
      )
      report.check(
        `uploadMany within 1.25x the ${floorS.toFixed(0)} s floor`,
        !ours.error && seconds(ours.ms) <= 1.25 * floorS,
        `${seconds(ours.ms).toFixed(1)} s, ${(seconds(ours.ms) / floorS).toFixed(2)}x ` +
          `(${(seconds(ours.ms) / machineFloorS).toFixed(2)}x of ${machineFloorS.toFixed(1)} s, the floor at the ` +
          `${ceilingRate.toFixed(1)} uploads/s this machine sustained unlimited)`,
      )
    }
    report.check(
      'official SDK: its count of successes matches what the stand-in stored',
      official.ok === ofs.distinct + ofs.duplicated,
      `${official.ok} resolved, ${ofs.distinct + ofs.duplicated} stored`,
    )

    if (mem !== undefined) {
      const mib = (b) => (b / MB).toFixed(1)
      const heaps = mem.samples.map((s) => s.heap)
      const first = heaps[0]
      const peak = Math.max(...heaps)
      const last = heaps.at(-1)
      const slope = slopeOf(mem.samples)
      const fitted = slope * (mem.samples.at(-1).items - mem.samples[0].items)
      console.log(
        `\nmemory: uploadMany over a generator of ${fmtInt(opts.items)} requests (16 bytes each, keep: 'failed', fake fetch answering at once), ` +
          `${(mem.ms / 1000).toFixed(1)} s, ${fmtInt((opts.items / mem.ms) * 1000)} items/s\n`,
      )
      console.log(
        table(
          ['first MiB', 'peak MiB', 'last MiB', 'slope B/1,000 items', 'fitted growth MiB', 'samples'],
          [[mib(first), mib(peak), mib(last), fmtInt(slope * 1000), mib(fitted), mem.samples.length]],
        ),
      )
      console.log(`heap after a full GC every 5,000 items (MiB): ${heaps.map(mib).join(', ')}`)
      if (mem.report.error) console.log(`uploadMany returned a Left: ${mem.report.error}`)
      report.check(
        `memory: every one of ${fmtInt(opts.items)} requests settled, none kept in the report`,
        mem.report.done === 0 &&
          mem.report.failed === 0 &&
          mem.report.total === opts.items &&
          mem.answered === opts.items,
        `${mem.report.total} read, ${mem.answered} sent, ${mem.report.kept} kept in the report`,
      )
      report.check(
        'memory flat (fitted growth < 4 MiB over the run, peak within 4 MiB of the first sample)',
        Math.abs(fitted) < 4 * MB && peak - first < 4 * MB,
        `fitted ${mib(fitted)} MiB, peak - first ${mib(peak - first)} MiB`,
      )
      report.extra.memory = mem
    }
    report.extra.figures = { opts, results }
    console.log('')
    report.printChecks()
    report.finish({ exitOnFail: false })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (role === 'server') await server(process.argv[3], Number(process.argv[4]))
else if (role === 'client')
  await client(
    process.argv[3],
    process.argv[4],
    process.argv[5],
    JSON.parse(process.argv[6]),
    process.argv[7] === 'true',
  ).then(() => process.exit(0))
else if (role === 'memory')
  await memory(process.argv[3], JSON.parse(process.argv[4])).then(() => process.exit(0))
else await parent()

#!/usr/bin/env node
// Memory benchmark (not a test; run by `pnpm bench`): peak RSS growth while uploading a 1 GiB file from disk
// to a loopback server that reads and discards the body.
//
//   node scripts/bench/upload-memory.mjs [--json <file>] [--mb <size>]
//   (--mb 256, or IKFP_BENCH_MB=256, for a quicker run; default 1024 MiB)
//
// Each upload runs in its own child process (a fresh heap), side by side:
//   ours         @imagekit-fp/upload `upload` + `fileFromPath` + `nodeFetch` (from @imagekit-fp/upload/node),
//                with an `onProgress` callback
//   official     the official `imagekit@6` SDK, file as `fs.createReadStream` (axios + form-data)
//   ours+fetch   the same as `ours` with Node's built-in fetch, server-side auth (the transport sends these
//                with `redirect: 'error'`, which spares undici's request clone)
//   ours+fetch/client  the same with client-side auth (no Authorization, default `redirect: 'follow'`): undici
//                clones the request to be able to replay it on a redirect, and the clone's teed body keeps
//                every byte sent: the trap (undici tees a body it may have to replay on a redirect)
//
// Our code is taken from the sources, bundled with esbuild into a temporary ESM file (platform node;
// ky and io-ts bundled in), so the figure does not depend on a prior `rollup` build of every package.
// Growth = peak RSS (VmHWM from /proc/self/status, else the largest 20 ms sample) minus the RSS measured
// just before the upload starts (modules loaded, file opened).
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, openSync, rmSync, writeSync, closeSync, readFileSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createReport, parseArgs } from '../lib/report.mjs'
import { bundleSources } from '../lib/bundle-sources.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const MB = 1024 * 1024
const isChild = process.argv[2] === 'child'
const args = isChild ? {} : parseArgs()
const SIZE = Number(args.mb ?? process.env.IKFP_BENCH_MB ?? 1024) * MB

// ------------------------------------------------------------------------------------------ child side
const peakRss = () => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))
    if (m) return Number(m[1]) * 1024
  } catch {
    // not Linux
  }
  return undefined
}

const child = async (mode, url, file, bundle) => {
  let run
  if (mode === 'official') {
    const { default: ImageKit } = await import('imagekit')
    const fs = await import('node:fs')
    const ik = new ImageKit({
      publicKey: 'public_bench',
      privateKey: 'private_bench',
      urlEndpoint: 'https://ik.imagekit.io/bench',
      uploadEndpoint: `${url}/api/v1/files/upload`,
    })
    run = async () => {
      const result = await ik.upload({ file: fs.createReadStream(file), fileName: 'big.bin' })
      return result.size
    }
  } else {
    const { upload, fileFromPath, nodeFetch } = await import(pathToFileURL(bundle).href)
    const blob = await fileFromPath(file)()
    if (blob._tag !== 'Right') throw new Error(blob.left.message)
    const clientSide = mode.endsWith('client')
    const config = {
      ...(clientSide ? {} : { privateKey: 'private_bench' }),
      uploadBaseUrl: url,
      timeout: 600_000,
      ...(mode.startsWith('ours+fetch') ? {} : { fetch: nodeFetch }),
    }
    // Client-side auth fields (the sink does not check them).
    const auth = clientSide
      ? {
          publicKey: 'public_bench',
          token: 'bench-token',
          signature: 'f'.repeat(40),
          expire: Math.floor(Date.now() / 1000) + 600,
        }
      : {}
    run = async () => {
      let progressed = 0
      const onProgress = (p) => (progressed = p.loaded)
      const result = await upload(config, {
        file: blob.right,
        fileName: 'big.bin',
        onUploadProgress: onProgress,
        ...auth,
      })()
      if (progressed === 0) throw new Error('no progress was reported')
      if (result._tag !== 'Right') throw new Error(JSON.stringify(result.left).slice(0, 500))
      return result.right.size
    }
  }
  globalThis.gc?.()
  const baseline = process.memoryUsage.rss()
  let sampled = baseline
  const timer = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage.rss())
  }, 20)
  const started = Date.now()
  const size = await run()
  const ms = Date.now() - started
  clearInterval(timer)
  sampled = Math.max(sampled, process.memoryUsage.rss())
  const hwm = peakRss()
  const peak = Math.max(sampled, hwm ?? 0)
  process.stdout.write(JSON.stringify({ mode, size, ms, baseline, peak, growth: peak - baseline }) + '\n')
}

// ----------------------------------------------------------------------------------------- parent side
const makeFile = (dir) => {
  const file = path.join(dir, 'big.bin')
  const fd = openSync(file, 'w')
  const block = randomBytes(MB) // real, incompressible bytes: no sparse file, no zero pages
  for (let written = 0; written < SIZE; written += MB) writeSync(fd, block)
  closeSync(fd)
  return file
}

const bundleOurs = (dir) =>
  bundleSources(dir, [
    'export { upload } from {src:upload/src/index.ts}',
    'export { fileFromPath, nodeFetch } from {src:upload/src/node.ts}',
  ])

const startSink = () =>
  new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      let size = 0
      req.on('data', (c) => (size += c.length)) // read and discard
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(
          JSON.stringify({
            fileId: 'bench',
            name: 'big.bin',
            filePath: '/big.bin',
            url: 'https://ik.imagekit.io/bench/big.bin',
            size,
            fileType: 'non-image',
          }),
        )
      })
    })
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` }))
  })

const runChild = (mode, url, file, bundle) =>
  new Promise((resolve) => {
    const proc = spawn(
      process.execPath,
      ['--expose-gc', fileURLToPath(import.meta.url), 'child', mode, url, file, bundle],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let out = ''
    let err = ''
    proc.stdout.on('data', (d) => (out += d))
    proc.stderr.on('data', (d) => (err += d))
    proc.on('exit', (code) => {
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1)))
      } catch {
        resolve({ mode, error: `exit ${code}: ${err.slice(-800)}` })
      }
    })
  })

const parent = async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ikfp-bench-'))
  const { server, url } = await startSink()
  try {
    process.stdout.write(`upload-memory: ${SIZE / MB} MiB file, Node ${process.version}, loopback ${url}\n`)
    const file = makeFile(dir)
    const bundle = await bundleOurs(dir)
    const rows = []
    for (const mode of ['ours', 'official', 'ours+fetch', 'ours+fetch/client']) {
      const row = await runChild(mode, url, file, bundle)
      rows.push(row)
      if (row.error) {
        process.stdout.write(`  ${mode.padEnd(17)} failed: ${row.error}\n`)
      } else {
        const ok =
          row.size >= SIZE ? `${row.size} body bytes received` : `only ${row.size} body bytes received`
        process.stdout.write(
          `  ${mode.padEnd(17)} peak RSS growth ${(row.growth / MB).toFixed(1).padStart(7)} MiB  (${(row.ms / 1000).toFixed(1)} s, ${ok})\n`,
        )
      }
    }
    const [ours, official, , builtin] = rows
    if (!ours.error && !official.error) {
      process.stdout.write(`  official / ours: ${(official.growth / ours.growth).toFixed(1)}x\n`)
    }
    if (!ours.error && !builtin.error) {
      process.stdout.write(
        `  built-in fetch, client-side / ours: ${(builtin.growth / ours.growth).toFixed(1)}x\n`,
      )
    }
    const report = createReport('bench upload-memory', args)
    const mib = (row) => (row.error ? row.error.slice(0, 120) : `${(row.growth / MB).toFixed(1)} MiB`)
    report.check(
      `upload ${SIZE / MB} MiB from disk: ours (upload + fileFromPath + nodeFetch) peak RSS growth < 100 MiB`,
      !ours.error && ours.growth < 100 * MB && ours.size >= SIZE,
      `ours ${mib(ours)}, imagekit@6 ${mib(official)}, built-in fetch client-side ${mib(builtin)}`,
    )
    report.extra.measurements = rows
    report.printChecks()
    report.finish({ exitOnFail: false })
  } finally {
    server.close()
    server.closeAllConnections()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (isChild) {
  const [, , , mode, url, file, bundle] = process.argv
  child(mode, url, file, bundle).catch((e) => {
    process.stderr.write(String(e?.stack ?? e))
    process.exit(1)
  })
} else {
  await parent()
}

// Defect 1 (issue 7): an upload reported as Aborted or Timeout must stop the bytes on the wire. Node's built-in
// fetch (no `config.fetch`) loses the abort of a Request built from another Request once that one is collected
// (undici #4068, #3644), so these run with garbage collections between the start and the abort, against a
// server that counts the request bodies it received whole. They run on the sources and on the BUILT transport
// (packages/utils/dist): rollup's tree-shaking once removed from the build what held the Requests, and the
// built upload then went on to the end after reporting Aborted (the sources passed).
import { existsSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { setFlagsFromString } from 'node:v8'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { runInNewContext } from 'node:vm'
import { afterEach, describe, expect, it } from 'vitest'
import * as t from 'io-ts'
import { request } from './request'
import type { HttpRequest, TransportConfig } from './types'
import { expectNoSecret } from './test-support/secrets'

const DIST = fileURLToPath(new URL('../../dist/http.js', import.meta.url))
if (!existsSync(DIST))
  throw new Error(`${DIST} is missing: build first (npx -y pnpm@10 -r --filter './packages/*' run build)`)
// A computed specifier: the built file is loaded as it is, not resolved to the sources by the aliases.
const built = ((await import(pathToFileURL(DIST).href)) as { request: typeof request }).request

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const KEY = 'private_Ab0rt+Key/7='
const MIB = 1024 * 1024

interface CountingServer {
  readonly url: string
  /** Request bodies received to their end. */
  readonly completed: () => number
  /** Requests that arrived (complete or not). */
  readonly started: () => number
  readonly close: () => Promise<void>
}

let server: CountingServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** A server that reads nothing for `stallMs` (so the client's body is still being sent), then reads all. */
const counting = async (stallMs: number, onStart = () => undefined): Promise<CountingServer> => {
  let completed = 0
  let started = 0
  const s = http.createServer((req, res) => {
    started++
    onStart()
    req.pause()
    const timer = setTimeout(() => req.resume(), stallMs)
    req.on('end', () => {
      completed++
      res.end(JSON.stringify({ ok: true }))
    })
    req.on('error', () => clearTimeout(timer))
    req.on('close', () => clearTimeout(timer))
  })
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  server = {
    url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`,
    completed: () => completed,
    started: () => started,
    close: () =>
      new Promise<void>((resolve) => {
        s.close(() => resolve())
        s.closeAllConnections()
      }),
  }
  return server
}

const upload = (
  body: BodyInit,
  extra: Partial<HttpRequest<{ ok: boolean }>> = {},
): HttpRequest<{ ok: boolean }> => ({
  method: 'POST',
  base: 'upload',
  path: '/api/v1/files/upload',
  auth: 'basic',
  codec: t.type({ ok: t.boolean }),
  body,
  ...extra,
})

const big = () => new Blob([new Uint8Array(48 * MIB)])

/** Runs `req`, collecting garbage while it is under way, and waits until the server would have read it all. */
const runWithGc = async (send: typeof request, cfg: TransportConfig, req: HttpRequest<unknown>) => {
  const timers = [50, 150, 300].map((ms) => setTimeout(gc, ms))
  const result = await send(cfg, req)()
  timers.forEach(clearTimeout)
  expectNoSecret(result, KEY)
  // The server starts reading at 1.5 s; a body still on its way would be complete well before 3 s.
  await new Promise((resolve) => setTimeout(resolve, 3000))
  return result
}

describe.each([
  ['sources', request],
  ['built dist', built],
] as const)('request (%s): an abort or a timeout stops the upload on the wire (defect 1)', (_from, send) => {
  it.each([
    ['a Blob body', {}],
    ['a Blob body with upload progress', { onUploadProgress: () => undefined }],
  ] as const)(
    'aborted while sending %s, the server receives no complete body',
    async (_name, extra) => {
      const controller = new AbortController()
      // Aborted once the request has arrived, while its body waits for the server to read it.
      const s = await counting(1500, () => void setTimeout(() => controller.abort(), 200))
      const result = await runWithGc(
        send,
        { privateKey: KEY, uploadBaseUrl: s.url, timeout: 10_000 },
        upload(big(), { ...extra, signal: controller.signal }),
      )
      expect(result).toMatchObject({ _tag: 'Left', left: { _tag: 'NetworkError', reason: 'Aborted' } })
      expect([s.started(), s.completed()]).toStrictEqual([1, 0])
    },
    15_000,
  )

  it('timed out while sending, with retries, leaves no complete body on the server', async () => {
    const s = await counting(1500)
    const result = await runWithGc(
      send,
      { privateKey: KEY, uploadBaseUrl: s.url, timeout: 400, retry: { limit: 1, maxDelay: 0 } },
      upload(big(), { idempotent: true }),
    )
    expect(result).toMatchObject({ _tag: 'Left', left: { _tag: 'NetworkError', reason: 'Timeout' } })
    expect([s.started(), s.completed()]).toStrictEqual([2, 0])
  }, 15_000)
})

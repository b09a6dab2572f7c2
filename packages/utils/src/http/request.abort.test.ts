// An upload reported as Aborted or Timeout must stop the bytes on the wire. Node's built-in
// fetch (no `config.fetch`) loses the abort of a Request built from another Request once that one is collected
// (undici #4068, #3644), so these run with garbage collections between the start and the abort, against a
// server that counts the request bodies it received whole. They run on the sources and on the BUILT transport
// (packages/utils/dist): rollup's tree-shaking once removed from the build what held the Requests, and the
// built upload then went on to the end after reporting Aborted (the sources passed).
import { existsSync } from 'node:fs'
import { setFlagsFromString } from 'node:v8'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { runInNewContext } from 'node:vm'
import { afterEach, describe, expect, it } from 'vitest'
import * as t from 'io-ts'
import { request } from './request'
import type { HttpRequest, TransportConfig } from './types'
import { expectNoSecret } from './test-support/secrets'
import { type CountingServer, startCountingServer } from '../../../../test/support/countingServer'

const DIST = fileURLToPath(new URL('../../dist/http.js', import.meta.url))
if (!existsSync(DIST))
  throw new Error(`${DIST} is missing: build first (npx -y pnpm@10 -r --filter './packages/*' run build)`)
// A computed specifier: the built file is loaded as it is, not resolved to the sources by the aliases.
const built = ((await import(pathToFileURL(DIST).href)) as { request: typeof request }).request

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const KEY = 'private_Ab0rt+Key/7='
const MIB = 1024 * 1024

let server: CountingServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/**
 * The shared counting server (it holds each body after its first bytes until `settled`), collecting garbage when a
 * body begins, so that a collection falls between the start of each request and its abort or timeout.
 */
const counting = async (onBody: () => void = () => undefined): Promise<CountingServer> => {
  server = await startCountingServer({
    onBody: () => {
      gc()
      onBody()
    },
  })
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

/** Runs `req`, then has the server read on every body it holds and gives the result with the server's counts. */
const run = async (
  s: CountingServer,
  send: typeof request,
  cfg: TransportConfig,
  req: HttpRequest<unknown>,
) => {
  const result = await send(cfg, req)()
  expectNoSecret(result, KEY)
  return { result, ...(await s.settled('api')) }
}

describe.each([
  ['sources', request],
  ['built dist', built],
] as const)('request (%s): an abort or a timeout stops the upload on the wire', (_from, send) => {
  it.each([
    ['a Blob body', {}],
    ['a Blob body with upload progress', { onUploadProgress: () => undefined }],
  ] as const)('aborted while sending %s, the server receives no complete body', async (_name, extra) => {
    const controller = new AbortController()
    // Aborted once the body is under way (after a garbage collection), while the server holds it.
    const s = await counting(() => controller.abort())
    const outcome = await run(
      s,
      send,
      { privateKey: KEY, uploadBaseUrl: s.url, timeout: 60_000 },
      upload(big(), { ...extra, signal: controller.signal }),
    )
    expect(outcome).toMatchObject({
      result: { _tag: 'Left', left: { _tag: 'NetworkError', reason: 'Aborted' } },
      started: 1,
      completed: 0,
    })
  })

  // Each attempt times out whether or not its request reached the server first (a loaded machine may be slower
  // than the timeout): a Timeout Left, at most one retry (two requests) and no body received whole hold either way.
  it('timed out while sending, with retries, leaves no complete body on the server', async () => {
    const s = await counting()
    const { result, started, completed } = await run(
      s,
      send,
      { privateKey: KEY, uploadBaseUrl: s.url, timeout: 2000, retry: { limit: 1, maxDelay: 0 } },
      upload(big(), { idempotent: true }),
    )
    expect({ result, completed }).toMatchObject({
      result: { _tag: 'Left', left: { _tag: 'NetworkError', reason: 'Timeout' } },
      completed: 0,
    })
    expect(started).toBeLessThanOrEqual(2)
  })
})

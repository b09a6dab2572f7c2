import { createHash } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { nodeFetch } from '@imagekit-fp/upload/node'
import { makeCertificate } from '../../../test/support/certificate'

interface Received {
  readonly method: string
  readonly headers: http.IncomingHttpHeaders
  readonly sha256: string
  readonly length: number
}

let close: (() => Promise<void>) | undefined
afterEach(async () => {
  await close?.()
  close = undefined
})

/** A server that hashes each request body and answers with `reply`. */
const start = async (
  reply: (res: http.ServerResponse, got: Received) => void = (res) => res.end('ok'),
  onRequest?: (req: http.IncomingMessage) => void,
) => {
  const received: Received[] = []
  const server = http.createServer((req, res) => {
    onRequest?.(req)
    const hash = createHash('sha256')
    let length = 0
    req.on('data', (c: Buffer) => {
      hash.update(c)
      length += c.length
    })
    req.on('error', () => undefined)
    req.on('end', () => {
      const got = { method: req.method ?? '', headers: req.headers, sha256: hash.digest('hex'), length }
      received.push(got)
      reply(res, got)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  return { url, received }
}

const pattern = (size: number): Uint8Array => {
  const out = new Uint8Array(size)
  for (let i = 0; i < size; i++) out[i] = (i * 31 + 7) & 0xff
  return out
}
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

/** A stream of `count` chunks of `size` bytes, counting what has been pulled from it. */
const countingStream = (count: number, size: number) => {
  const state = { pulled: 0, cancelled: false }
  let sent = 0
  const chunk = pattern(size)
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= count) {
        controller.close()
        return
      }
      sent++
      state.pulled += size
      controller.enqueue(chunk.slice())
    },
    cancel() {
      state.cancelled = true
    },
  })
  return { stream, state }
}

describe('nodeFetch', () => {
  it('returns status, headers and body like fetch', async () => {
    const { url } = await start((res) => {
      res.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'r1' })
      res.end('{"a":1}')
    })
    const response = await nodeFetch(`${url}/x?y=1`)
    expect(response.status).toBe(201)
    expect(response.headers.get('x-request-id')).toBe('r1')
    expect(await response.json()).toStrictEqual({ a: 1 })
  })

  it('streams an 8 MiB Blob body with every byte intact', async () => {
    const { url, received } = await start()
    const body = pattern(8 * 1024 * 1024)
    const response = await nodeFetch(url, {
      method: 'POST',
      body: new Blob([body as Uint8Array<ArrayBuffer>]),
    })
    expect(await response.text()).toBe('ok')
    expect(received[0]).toMatchObject({ method: 'POST', length: body.length, sha256: sha256(body) })
  })

  it('streams a ReadableStream body chunked, without needing duplex', async () => {
    const { url, received } = await start()
    const { stream } = countingStream(40, 100_000)
    const expected = new Uint8Array(4_000_000)
    for (let i = 0; i < 40; i++) expected.set(pattern(100_000), i * 100_000)
    await (await nodeFetch(url, { method: 'PUT', body: stream })).text()
    expect(received[0]).toMatchObject({ method: 'PUT', length: 4_000_000, sha256: sha256(expected) })
    expect(received[0]!.headers['transfer-encoding']).toBe('chunked')
  })

  it('sends a content-length header when the request has one', async () => {
    const { url, received } = await start()
    const body = pattern(1000)
    await (
      await nodeFetch(
        new Request(url, {
          method: 'POST',
          body: body as Uint8Array<ArrayBuffer>,
          headers: { 'content-length': '1000' },
        }),
      )
    ).text()
    expect(received[0]!.headers['content-length']).toBe('1000')
    expect(received[0]!.length).toBe(1000)
  })

  it('pulls the body only as fast as the server reads it (backpressure)', async () => {
    let arrived: (req: http.IncomingMessage) => void = () => undefined
    const request = new Promise<http.IncomingMessage>((resolve) => (arrived = resolve))
    const { url, received } = await start(undefined, (req) => {
      req.pause()
      arrived(req)
    })
    const { stream, state } = countingStream(256, 256 * 1024) // 64 MiB
    const pending = nodeFetch(url, { method: 'POST', body: stream })
    const paused = await request
    // Time for a client that ignored backpressure to pull far ahead; what is checked holds however long it is.
    await new Promise((resolve) => setTimeout(resolve, 500))
    const pulledWhilePaused = state.pulled
    paused.resume()
    await (await pending).text()
    // With the server not reading, only socket buffers' worth was pulled, not the 64 MiB.
    expect(pulledWhilePaused).toBeLessThan(16 * 1024 * 1024)
    expect(received[0]?.length).toBe(64 * 1024 * 1024)
  })

  it('rejects with the abort reason and cancels the body when the signal aborts mid-upload', async () => {
    const controller = new AbortController()
    // Aborted once the request has reached the server (its body under way), not after a fixed time.
    const { url } = await start(undefined, (req) => {
      req.pause()
      controller.abort()
    })
    const { stream, state } = countingStream(10_000, 64 * 1024)
    const pending = nodeFetch(url, { method: 'POST', body: stream, signal: controller.signal })
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    expect(state.cancelled).toBe(true)
  })

  it('rejects at once when the signal is already aborted', async () => {
    const { url, received } = await start()
    await expect(nodeFetch(url, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    })
    expect(received).toHaveLength(0)
  })

  it('rejects with TypeError fetch failed when nothing listens', async () => {
    await expect(nodeFetch('http://127.0.0.1:1/')).rejects.toMatchObject({
      name: 'TypeError',
      message: 'fetch failed',
    })
  })

  it('rejects a protocol other than http and https', async () => {
    await expect(nodeFetch('ftp://127.0.0.1/')).rejects.toMatchObject({ name: 'TypeError' })
  })

  it("returns a redirect as it is, and rejects it with redirect: 'error'", async () => {
    const { url } = await start((res) => {
      res.writeHead(307, { location: 'http://example.com/' })
      res.end()
    })
    expect((await nodeFetch(url)).status).toBe(307)
    await expect(nodeFetch(url, { redirect: 'error' })).rejects.toMatchObject({
      name: 'TypeError',
      message: 'fetch failed',
    })
  })

  it('decodes a gzip response as fetch does', async () => {
    const { url } = await start((res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' })
      res.end(gzipSync('zipped'))
    })
    expect(await (await nodeFetch(url)).text()).toBe('zipped')
  })

  it('gives a null body for 204', async () => {
    const { url } = await start((res) => {
      res.writeHead(204)
      res.end()
    })
    const response = await nodeFetch(url, { method: 'DELETE' })
    expect(response.status).toBe(204)
    expect(response.body).toBeNull()
  })

  describe('over https', () => {
    const certificate = makeCertificate()
    const tls = certificate.reason === undefined ? certificate : undefined

    const startTls = async () => {
      const server = https.createServer({ key: tls!.key, cert: tls!.cert }, (req, res) => {
        let n = 0
        req.on('data', (c: Buffer) => (n += c.length))
        req.on('end', () => res.end(String(n)))
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      close = () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeAllConnections()
        })
      return `https://127.0.0.1:${(server.address() as AddressInfo).port}`
    }

    it.skipIf(tls === undefined)(
      'verifies the server certificate: a self-signed one fails the request',
      async () => {
        const url = await startTls()
        await expect(nodeFetch(url)).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed' })
      },
    )

    it.skipIf(tls === undefined)('streams a body over https to a trusted server', async () => {
      const url = await startTls()
      const agentOptions = https.globalAgent.options
      const before = agentOptions.ca
      agentOptions.ca = tls!.cert
      try {
        const response = await nodeFetch(url, {
          method: 'POST',
          body: new Blob([pattern(3_000_000) as Uint8Array<ArrayBuffer>]),
        })
        expect(await response.text()).toBe('3000000')
      } finally {
        agentOptions.ca = before
      }
    })
  })
})

import { describe, expect, it, vi } from 'vitest'
import { FirefoxRequest } from './test-support/platformRequests'
import { get, json, KEY, okJson, run, stub } from './test-support/stub'

describe('request: the body', () => {
  describe('body', () => {
    it('sends extra headers, letting them replace accept and content-type', async () => {
      const { fetch, calls, bodies } = stub(() => json({ ok: true }))
      const body = new ReadableStream<Uint8Array>({
        start: (c) => {
          c.enqueue(new TextEncoder().encode('--b\r\n'))
          c.close()
        },
      })
      await run(
        { privateKey: KEY, fetch },
        {
          ...get,
          method: 'POST',
          body,
          headers: { 'Content-Type': 'multipart/form-data; boundary=b', accept: '*/*', 'x-extra': '1' },
        },
      )
      expect(calls[0]?.headers.get('content-type')).toBe('multipart/form-data; boundary=b')
      expect(calls[0]?.headers.get('accept')).toBe('*/*')
      expect(calls[0]?.headers.get('x-extra')).toBe('1')
      expect(bodies).toStrictEqual(['--b\r\n'])
    })

    it('sends the same Blob body again on a retry', async () => {
      const { fetch, bodies } = stub((_r, n) => (n === 0 ? json({}, { status: 503 }) : json({ ok: true })))
      const result = await run(
        { privateKey: KEY, fetch, retry: { limit: 1, maxDelay: 0 } },
        { ...get, method: 'PUT', body: new Blob(['abc'], { type: 'text/plain' }) },
      )
      expect(result).toStrictEqual(okJson({ ok: true }))
      expect(bodies).toStrictEqual(['abc', 'abc'])
    })

    it('reports progress as fetch reads the body', async () => {
      const { fetch } = stub(() => json({ ok: true }))
      const seen: unknown[] = []
      await run(
        { privateKey: KEY, fetch },
        { ...get, method: 'POST', body: new Uint8Array(10), onUploadProgress: (p) => seen.push(p) },
      )
      expect(seen).toStrictEqual([{ loaded: 10, total: 10 }])
    })

    it('reports progress without a total for a stream', async () => {
      const { fetch } = stub(() => json({ ok: true }))
      const seen: unknown[] = []
      const body = new ReadableStream<Uint8Array>({
        start: (c) => {
          c.enqueue(new Uint8Array(3))
          c.enqueue(new Uint8Array(4))
          c.close()
        },
      })
      await run(
        { privateKey: KEY, fetch },
        { ...get, method: 'POST', body, onUploadProgress: (p) => seen.push(p) },
      )
      expect(seen).toStrictEqual([{ loaded: 3 }, { loaded: 7 }])
    })

    // Chromium sends a streamed body over HTTP/2 and HTTP/3 only (over HTTP/1.1 fetch rejects with
    // "TypeError: Failed to fetch" before reading a byte); Safari refuses streamed bodies outright.
    it('resends the body unstreamed when the platform refuses the progress stream before reading it', async () => {
      const calls: Request[] = []
      const bodies: string[] = []
      const fetch = (async (input: RequestInfo | URL) => {
        const req = input as Request
        calls.push(req)
        // The progress stream is the only body here that is not a Blob: refuse it unread.
        if (calls.length === 1) throw new TypeError('Failed to fetch')
        bodies.push(await req.text())
        return json({ ok: true })
      }) as typeof globalThis.fetch
      const seen: unknown[] = []
      const result = await run(
        { privateKey: KEY, fetch },
        { ...get, method: 'POST', body: new Blob(['abcdef']), onUploadProgress: (p) => seen.push(p) },
      )
      expect(result).toStrictEqual(okJson({ ok: true }))
      expect(calls.length).toBe(2)
      expect(bodies).toStrictEqual(['abcdef'])
      expect(seen).toStrictEqual([{ loaded: 6, total: 6 }])
    })

    it('does not resend once the platform has started reading the progress stream', async () => {
      let calls = 0
      const fetch = (async (input: RequestInfo | URL) => {
        calls++
        await (input as Request).body?.getReader().read()
        throw new TypeError('connection reset')
      }) as typeof globalThis.fetch
      const seen: unknown[] = []
      const result = await run(
        { privateKey: KEY, fetch, retry: { limit: 0 } },
        { ...get, method: 'POST', body: new Uint8Array(4), onUploadProgress: (p) => seen.push(p) },
      )
      expect(result).toMatchObject({ _tag: 'Left', left: { _tag: 'NetworkError', reason: 'Transport' } })
      expect(calls).toBe(1)
      expect(seen).toStrictEqual([{ loaded: 4, total: 4 }])
    })

    it('accepts a signal by its shape (Vercel Edge tags its signals [object EventTarget])', async () => {
      const { fetch } = stub(() => json({ ok: true }))
      const signal = new EventTarget() as EventTarget & { aborted: boolean }
      signal.aborted = false
      expect(Object.prototype.toString.call(signal)).toBe('[object EventTarget]')
      const result = await run({ privateKey: KEY, fetch }, { ...get, signal: signal as AbortSignal })
      expect(result).toStrictEqual(okJson({ ok: true }))
    })

    const streamOf = (...chunks: string[]) =>
      new ReadableStream<Uint8Array>({
        start: (c) => {
          for (const chunk of chunks) c.enqueue(new TextEncoder().encode(chunk))
          c.close()
        },
      })

    it('reads a ReadableStream body into a Blob where Request cannot keep a stream (Firefox)', async () => {
      vi.stubGlobal('Request', FirefoxRequest)
      try {
        const { fetch, bodies } = stub(() => json({ ok: true }))
        const result = await run(
          { privateKey: KEY, fetch },
          { ...get, method: 'POST', body: streamOf('--b\r\n', 'payload'), onUploadProgress: () => undefined },
        )
        expect(result).toStrictEqual(okJson({ ok: true }))
        expect(bodies).toStrictEqual(['--b\r\npayload'])
      } finally {
        vi.unstubAllGlobals()
      }
    })

    it('sends a ReadableStream body again, buffered, when the platform refuses streams with NotSupportedError (Safari)', async () => {
      const bodies: string[] = []
      let calls = 0
      const fetch = (async (input: RequestInfo | URL) => {
        calls++
        if (calls === 1)
          throw new DOMException('ReadableStream uploading is not supported', 'NotSupportedError')
        bodies.push(await (input as Request).text())
        return json({ ok: true })
      }) as typeof globalThis.fetch
      const seen: unknown[] = []
      const result = await run(
        { privateKey: KEY, fetch },
        { ...get, method: 'POST', body: streamOf('ab', 'cde'), onUploadProgress: (p) => seen.push(p) },
      )
      expect(result).toStrictEqual(okJson({ ok: true }))
      expect([calls, bodies]).toStrictEqual([2, ['abcde']])
      expect(seen).toStrictEqual([{ loaded: 5 }])
    })

    it('does not resend a ReadableStream body after a TypeError (any network failure looks so; a stream may be too large to hold)', async () => {
      let calls = 0
      const fetch = (() => {
        calls++
        return Promise.reject(new TypeError('Failed to fetch'))
      }) as typeof globalThis.fetch
      const body = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new Uint8Array(2)) })
      const result = await run(
        { privateKey: KEY, fetch, retry: { limit: 0 } },
        { ...get, method: 'POST', body, onUploadProgress: () => undefined },
      )
      expect(result).toMatchObject({ _tag: 'Left', left: { _tag: 'NetworkError', reason: 'Transport' } })
      expect(calls).toBe(1)
    })
  })
})

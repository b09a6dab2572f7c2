import { describe, expect, it } from 'vitest'
import * as t from 'io-ts'
import { request, requestJson } from './request'
import { B64, get, json, KEY, Ok, okJson, run, stub, validation } from './test-support/stub'

describe('request', () => {
  describe('URL', () => {
    it.each([
      [{}, 'api', '/v1/files', undefined, 'https://api.imagekit.io/v1/files'],
      [{}, 'upload', '/api/v1/files/upload', undefined, 'https://upload.imagekit.io/api/v1/files/upload'],
      [{ apiBaseUrl: 'https://example.com/' }, 'api', '/v1/files', undefined, 'https://example.com/v1/files'],
      [
        { apiBaseUrl: 'https://example.com/prefix//' },
        'api',
        '/v1/x',
        undefined,
        'https://example.com/prefix/v1/x',
      ],
      [
        { apiBaseUrl: 'HTTPS://API.Example.COM:443' },
        'api',
        '/v1/x',
        undefined,
        'https://api.example.com/v1/x',
      ],
      [{ uploadBaseUrl: 'http://127.0.0.1:8080' }, 'upload', '/u', undefined, 'http://127.0.0.1:8080/u'],
      [
        {},
        'api',
        '/v1/files',
        { skip: 0, limit: 10, q: undefined },
        'https://api.imagekit.io/v1/files?skip=0&limit=10',
      ],
      [
        {},
        'api',
        '/v1/files',
        { searchQuery: 'name = "a&b"', x: true },
        'https://api.imagekit.io/v1/files?searchQuery=name+%3D+%22a%26b%22&x=true',
      ],
      [{}, 'api', '/v1/files/a b/ü', undefined, 'https://api.imagekit.io/v1/files/a%20b/%C3%BC'],
    ] as const)('builds %j + %s %s %j as %s', async (cfg, base, path, searchParams, expected) => {
      const { fetch, calls } = stub(() => json({ ok: true }))
      const result = await run(
        { privateKey: KEY, fetch, ...cfg },
        { ...get, base, path, ...(searchParams === undefined ? {} : { searchParams }) },
      )
      expect(result).toStrictEqual(okJson({ ok: true }))
      expect(calls.map((c) => c.url)).toStrictEqual([expected])
    })
  })

  describe('headers', () => {
    it('sends Basic base64(privateKey + ":") and accept: application/json', async () => {
      const { fetch, calls } = stub(() => json({ ok: true }))
      await run({ privateKey: KEY, fetch }, get)
      expect(calls[0]?.headers.get('authorization')).toBe(`Basic ${B64}`)
      expect(calls[0]?.headers.get('accept')).toBe('application/json')
    })

    it('encodes a non-ASCII private key as UTF-8 before base64', async () => {
      const { fetch, calls } = stub(() => json({ ok: true }))
      await request({ privateKey: 'clé', fetch }, get)()
      expect(calls[0]?.headers.get('authorization')).toBe('Basic Y2zDqTo=')
    })

    it('calls the injected fetch without a receiver, as a bare window.fetch needs', async () => {
      const receivers: unknown[] = []
      const fetch = function (this: unknown) {
        receivers.push(this)
        return Promise.resolve(json({ ok: true }))
      } as unknown as typeof globalThis.fetch
      expect(await run({ privateKey: KEY, fetch }, get)).toStrictEqual(okJson({ ok: true }))
      expect(receivers).toStrictEqual([undefined])
    })

    it('sends no Authorization header and needs no key with auth: none', async () => {
      const { fetch, calls } = stub(() => json({ ok: true }))
      const result = await run({ fetch, apiBaseUrl: 'http://example.com' }, { ...get, auth: 'none' })
      expect(result).toStrictEqual(okJson({ ok: true }))
      expect(calls[0]?.headers.has('authorization')).toBe(false)
    })

    it('sends json as a JSON body with its content type', async () => {
      const { fetch, calls, bodies } = stub(() => json({ ok: true }))
      await run({ privateKey: KEY, fetch }, { ...get, method: 'PATCH', json: { tags: ['a'] } })
      expect(calls[0]?.method).toBe('PATCH')
      expect(calls[0]?.headers.get('content-type')).toBe('application/json')
      expect(bodies).toStrictEqual(['{"tags":["a"]}'])
    })

    it('passes a FormData body through with its multipart boundary', async () => {
      const { fetch, calls, bodies } = stub(() => json({ ok: true }))
      const form = new FormData()
      form.set('fileName', 'a.jpg')
      await run(
        { privateKey: KEY, fetch },
        { ...get, method: 'POST', base: 'upload', path: '/api/v1/files/upload', body: form },
      )
      expect(calls[0]?.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/)
      expect(bodies[0]).toContain('name="fileName"\r\n\r\na.jpg')
    })
  })

  describe('private key transport', () => {
    it.each([
      'https://example.com',
      'http://127.0.0.1:9',
      'http://127.45.6.7',
      'http://localhost:3000',
      'http://[::1]:8080',
    ])('sends the key to %s', async (apiBaseUrl) => {
      const { fetch, calls } = stub(() => json({ ok: true }))
      expect(await run({ privateKey: KEY, apiBaseUrl, fetch }, get)).toStrictEqual(okJson({ ok: true }))
      expect(calls).toHaveLength(1)
    })

    it.each([
      'http://example.com',
      'http://10.0.0.1',
      'http://localhost.example.com',
      'http://127.0.0.1.nip.io',
      'http://[::2]',
      'http://0.0.0.0',
    ])('refuses to send the key over plain http to %s', async (base) => {
      const { fetch, calls } = stub(() => json({ ok: true }))
      expect(
        await run({ privateKey: KEY, uploadBaseUrl: base, fetch }, { ...get, base: 'upload' }),
      ).toStrictEqual(
        validation(
          'config.uploadBaseUrl',
          'must use https: the private key is sent over http only to a loopback host',
        ),
      )
      expect(calls).toHaveLength(0)
    })
  })

  describe('decoding', () => {
    it('decodes a 2xx body with the codec', async () => {
      const { fetch } = stub(() => json({ ok: true, extra: 1 }))
      expect(await run({ privateKey: KEY, fetch }, get)).toStrictEqual(okJson({ ok: true, extra: 1 }))
    })

    const text = { 'content-type': 'text/plain;charset=UTF-8' }
    it.each([
      ['a 204', () => new Response(null, { status: 204 }), 204, {}],
      ['an empty 200', () => new Response('', { status: 200 }), 200, text],
      ['a whitespace 201', () => new Response(' \n', { status: 201 }), 201, text],
    ])('decodes %s as {}', async (_name, reply, status, headers) => {
      const { fetch } = stub(reply)
      expect(await run({ privateKey: KEY, fetch }, { ...get, codec: t.type({}) })).toStrictEqual({
        _tag: 'Right',
        right: { status, headers, body: {} },
      })
    })

    it('reads no more than 64 MiB (the default maxResponseBytes) of an endless 2xx body and ends in a DecodeError that says so', async () => {
      let sent = 0
      const chunk = new TextEncoder().encode(`[${'"x",'.repeat(16_383)}`)
      const endless = new ReadableStream<Uint8Array>({
        pull: (c) => {
          sent += chunk.length
          c.enqueue(chunk)
        },
      })
      const { fetch } = stub(() => new Response(endless, { status: 200 }))
      const result = await run({ privateKey: KEY, fetch }, get)
      expect(result).toStrictEqual({
        _tag: 'Left',
        left: {
          _tag: 'DecodeError',
          errors: [
            {
              value: `${new TextDecoder().decode(chunk).slice(0, 200)}…`,
              context: [{ key: '', type: Ok, actual: undefined }],
              message: 'larger than 67108864 bytes',
            },
          ],
          message:
            'the response to GET https://api.imagekit.io/v1/files is larger than 67108864 bytes, the most the transport reads (config.maxResponseBytes)',
          reason: 'ResponseTooLarge',
        },
      })
      // The stream was cancelled at the limit (plus what its queue held), not read on.
      expect(sent).toBeLessThan(65 * 1024 * 1024)
    })

    it('decodes a 1,000-item file list well within the 64 MiB default limit', async () => {
      // The spec's FileDetails example, made heavy: 30 tags, 10 AI tags, 20 custom metadata fields, long paths.
      const file = (i: number) => ({
        fileId: `598821f949c0a938d575${String(i).padStart(4, '0')}`,
        type: 'file',
        name: `product-photo-${i}-front-view-high-resolution.jpg`,
        filePath: `/images/products/2024/summer-collection/category-${i % 50}/product-photo-${i}.jpg`,
        tags: Array.from({ length: 30 }, (_, k) => `tag-number-${k}-for-file`),
        AITags: Array.from({ length: 10 }, (_, k) => ({
          name: `Label ${k}`,
          confidence: 90.12,
          source: 'google-auto-tagging',
        })),
        versionInfo: { id: '598821f949c0a938d57563bd', name: 'Version 1' },
        isPrivateFile: false,
        isPublished: true,
        customCoordinates: '10,10,100,100',
        url: `https://ik.imagekit.io/your_imagekit_id/images/products/2024/product-photo-${i}.jpg?updatedAt=1566630881313`,
        thumbnail: `https://ik.imagekit.io/your_imagekit_id/images/products/2024/product-photo-${i}.jpg?updatedAt=1566630881313&tr=n-ik_ml_thumbnail`,
        fileType: 'image',
        mime: 'image/jpeg',
        width: 4000,
        height: 3000,
        size: 1_234_567,
        hasAlpha: false,
        customMetadata: Object.fromEntries(
          Array.from({ length: 20 }, (_, k) => [`field${k}`, `value of field ${k}`]),
        ),
        description: 'A product description. '.repeat(10),
        createdAt: '2019-08-24T06:14:41.313Z',
        updatedAt: '2019-08-24T06:14:41.313Z',
      })
      const list = Array.from({ length: 1000 }, (_, i) => file(i))
      const text = JSON.stringify(list)
      // About 3.1 MB (a page with heavy custom metadata can pass 17 MiB: request.limits.test.ts).
      expect(text.length).toBeGreaterThan(3_000_000)
      expect(text.length).toBeLessThan(3_500_000)
      const { fetch } = stub(() => json(list))
      const result = await run(
        { privateKey: KEY, fetch },
        { ...get, codec: t.array(t.type({ fileId: t.string })) },
      )
      expect(result).toStrictEqual(okJson(list))
    })

    it('returns a DecodeError listing every failing path', async () => {
      const Codec = t.type({ files: t.array(t.type({ name: t.string })), total: t.number })
      const body = { files: [{ name: 'a' }, { name: 7 }], total: '2' }
      const { fetch } = stub(() => json(body))
      const expected = Codec.decode(body)
      expect(expected._tag).toBe('Left')
      expect(await run({ privateKey: KEY, fetch }, { ...get, codec: Codec })).toStrictEqual({
        _tag: 'Left',
        left: {
          _tag: 'DecodeError',
          errors: expected._tag === 'Left' ? expected.left : [],
          message:
            'the response to GET https://api.imagekit.io/v1/files does not match { files: Array<{ name: string }>, total: number }: ' +
            'files[1].name: expected string, got 7; total: expected number, got "2"',
        },
      })
    })

    it('returns a DecodeError for a body that is not JSON', async () => {
      const { fetch } = stub(() => new Response('<html>ok</html>', { status: 200 }))
      const result = await run({ privateKey: KEY, fetch }, get)
      expect(result).toStrictEqual({
        _tag: 'Left',
        left: {
          _tag: 'DecodeError',
          errors: [
            {
              value: '<html>ok</html>',
              context: [{ key: '', type: Ok, actual: '<html>ok</html>' }],
              message: expect.stringMatching(/^not valid JSON \(/),
            },
          ],
          message: expect.stringMatching(
            /^the response to GET https:\/\/api\.imagekit\.io\/v1\/files is not valid JSON: /,
          ),
        },
      })
    })

    it('returns a DecodeError when the codec itself throws', async () => {
      const { fetch } = stub(() => json({}))
      const Throwing = new t.Type<never>(
        'Throwing',
        (u): u is never => u !== u,
        () => {
          throw new Error('bad codec')
        },
        (a) => a,
      )
      const result = await run({ privateKey: KEY, fetch }, { ...get, codec: Throwing })
      expect(result).toMatchObject({
        _tag: 'Left',
        left: {
          _tag: 'DecodeError',
          message: 'the codec for GET https://api.imagekit.io/v1/files threw: bad codec',
        },
      })
    })
  })

  it('returns a DecodeError when the codec returns something other than an Either', async () => {
    const { fetch } = stub(() => json({}))
    const Odd = { name: 'Odd', decode: () => 42 } as unknown as t.Decoder<unknown, never>
    expect(await run({ privateKey: KEY, fetch }, { ...get, codec: Odd })).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'DecodeError',
        errors: [
          {
            value: {},
            context: [{ key: '', type: Odd, actual: {} }],
            message: 'the codec returned no Either',
          },
        ],
        message: 'the codec for GET https://api.imagekit.io/v1/files returned no Either',
      },
    })
  })

  it('returns a DecodeError when the codec returns null', async () => {
    const { fetch } = stub(() => json({}))
    const Null = { name: 'Null', decode: () => null } as unknown as t.Decoder<unknown, never>
    expect(await run({ privateKey: KEY, fetch }, { ...get, codec: Null })).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'DecodeError',
        errors: [
          {
            value: {},
            context: [{ key: '', type: Null, actual: {} }],
            message: 'the codec returned no Either',
          },
        ],
        message: 'the codec for GET https://api.imagekit.io/v1/files returned no Either',
      },
    })
  })

  describe('failures from fetch', () => {
    it.each([
      [
        'throws synchronously',
        () => {
          throw new TypeError('fetch failed')
        },
      ],
      ['rejects', () => Promise.reject(new TypeError('fetch failed'))],
      ['resolves to null', () => Promise.resolve(null as unknown as Response)],
      ['resolves to a number', () => Promise.resolve(42 as unknown as Response)],
      ['resolves to an object without status', () => Promise.resolve({} as Response)],
      ['rejects with a string', () => Promise.reject('nope')],
    ])('maps a fetch that %s to a Transport error', async (_name, reply) => {
      const { fetch } = stub(reply)
      const result = await run({ privateKey: KEY, fetch, retry: 0 }, get)
      expect(result).toMatchObject({ _tag: 'Left', left: { _tag: 'NetworkError', reason: 'Transport' } })
    })

    it('times out a fetch that never settles and keeps the ky Request out of the cause', async () => {
      const { fetch } = stub(() => new Promise<Response>(() => undefined))
      const result = await run({ privateKey: KEY, fetch, timeout: 20, retry: 0 }, get)
      expect(result).toStrictEqual({
        _tag: 'Left',
        left: {
          _tag: 'NetworkError',
          reason: 'Timeout',
          message: 'GET https://api.imagekit.io/v1/files timed out after 20 ms',
          cause: expect.anything(),
        },
      })
      const cause =
        result._tag === 'Left' && result.left._tag === 'NetworkError' ? result.left.cause : undefined
      expect(Object.prototype.hasOwnProperty.call(cause, 'request')).toBe(false)
    })

    it('times out a body that never ends even when the stream ignores the abort', async () => {
      const { fetch } = stub(
        () => new Response(new ReadableStream({ pull: () => new Promise(() => undefined) })),
      )
      const result = await run({ privateKey: KEY, fetch, timeout: 20, retry: 0 }, get)
      expect(result).toMatchObject({ _tag: 'Left', left: { _tag: 'NetworkError', reason: 'Timeout' } })
    })

    it('withholds a cause that mentions the key and redacts it from the message', async () => {
      const { fetch } = stub(() => Promise.reject(new Error(`bad header Basic ${B64} for ${KEY}`)))
      const result = await run({ privateKey: KEY, fetch, retry: 0 }, get)
      expect(result).toStrictEqual({
        _tag: 'Left',
        left: {
          _tag: 'NetworkError',
          reason: 'Transport',
          message: 'GET https://api.imagekit.io/v1/files failed: bad header Basic [redacted] for [redacted]',
          cause: { name: 'Error', message: 'the original error mentioned the credentials and was withheld' },
        },
      })
    })

    it('redacts a key that an error body echoes', async () => {
      const { fetch } = stub(() => json({ message: `bad key ${KEY}`, help: `sent ${B64}` }, { status: 400 }))
      expect(await run({ privateKey: KEY, fetch }, get)).toStrictEqual({
        _tag: 'Left',
        left: {
          _tag: 'HttpError',
          status: 400,
          message: 'bad key [redacted]',
          help: 'sent [redacted]',
          body: { message: 'bad key [redacted]', help: 'sent [redacted]' },
          url: 'https://api.imagekit.io/v1/files',
        },
      })
    })
  })
})

describe('requestJson', () => {
  it('sends a JSON body as request does, with its retries, and decodes the reply', async () => {
    const { fetch, calls, bodies } = stub((_req, n) =>
      n === 0 ? json({ message: 'busy' }, { status: 503 }) : json({ ok: true }, { status: 201 }),
    )
    const result = await requestJson(
      { privateKey: KEY, fetch, retry: { limit: 1, maxDelay: 1 } },
      { ...get, method: 'POST', json: { a: [1, 'x'] }, idempotent: true },
    )()
    expect(result).toStrictEqual({
      _tag: 'Right',
      right: { status: 201, headers: { 'content-type': 'application/json' }, body: { ok: true } },
    })
    expect(bodies).toStrictEqual(['{"a":[1,"x"]}', '{"a":[1,"x"]}'])
    expect(calls.map((c) => [c.method, c.headers.get('content-type')])).toStrictEqual([
      ['POST', 'application/json'],
      ['POST', 'application/json'],
    ])
  })

  it('refuses bad input before sending, as request does', async () => {
    const { fetch, calls } = stub(() => json({ ok: true }))
    expect(await requestJson({ privateKey: KEY, fetch }, { ...get, path: 'files' })()).toStrictEqual(
      validation('request.path', "must be a string starting with '/'"),
    )
    expect(calls).toHaveLength(0)
  })
})

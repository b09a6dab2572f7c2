import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { getUploadToken, validationError, type GetUploadTokenOptions } from '@imagekit-fp/utils'
import { uploadV2, type UploadConfig, type UploadV2Request } from '@imagekit-fp/upload'
import { captureFetch, entries, UPLOADED } from './test-support/capture'

const NOW = 1_700_000_000_000
const KEY = 'private_test_key'
const server = (fetch: typeof globalThis.fetch): UploadConfig => ({ privateKey: KEY, fetch, now: () => NOW })
const client = (fetch: typeof globalThis.fetch): UploadConfig => ({ fetch, now: () => NOW })
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)
const FILE = { name: 'a.jpg', type: 'application/octet-stream', text: 'abc' }

/** A token for `options`, as the user's server would mint it. */
const tokenFor = (options: GetUploadTokenOptions): string => {
  const r = getUploadToken({ privateKey: KEY, publicKey: 'public_test', now: () => NOW }, options)
  if (r._tag === 'Left') throw new Error(r.left.message)
  return r.right
}

/** A JWT with this payload text, signed (the signature is not checked client-side, only by ImageKit). */
const jwtWith = (payload: string): string => {
  const h = Buffer.from('{"alg":"HS256","typ":"JWT","kid":"public_test"}').toString('base64url')
  const p = Buffer.from(payload).toString('base64url')
  return `${h}.${p}.${createHmac('sha256', KEY).update(`${h}.${p}`).digest('base64url')}`
}

/** Every option at once, as typed values, and as the strings on the wire. */
const ALL = {
  useUniqueFileName: false,
  tags: ['t-shirt', 'round-neck'],
  folder: '/products/2024',
  isPrivateFile: true,
  isPublished: false,
  customCoordinates: '10,10,100,100',
  responseFields: ['tags', 'metadata'],
  extensions: [{ name: 'google-auto-tagging', maxTags: 5, minConfidence: 95 }],
  webhookUrl: 'https://example.com/hook',
  overwriteFile: false,
  overwriteAITags: false,
  overwriteTags: false,
  overwriteCustomMetadata: false,
  customMetadata: { brand: 'Nike', price: 10 },
  transformation: { pre: 'w-300', post: [{ type: 'abs', value: 'sr-240_360', protocol: 'hls' }] },
  checks: '"file.size" < "1mb"',
  description: 'Running shoes',
} as const satisfies Omit<UploadV2Request, 'file' | 'fileName'>
const ALL_WIRE = {
  useUniqueFileName: 'false',
  tags: 't-shirt,round-neck',
  folder: '/products/2024',
  isPrivateFile: 'true',
  isPublished: 'false',
  customCoordinates: '10,10,100,100',
  responseFields: 'tags,metadata',
  extensions: '[{"name":"google-auto-tagging","maxTags":5,"minConfidence":95}]',
  webhookUrl: 'https://example.com/hook',
  overwriteFile: 'false',
  overwriteAITags: 'false',
  overwriteTags: 'false',
  overwriteCustomMetadata: 'false',
  customMetadata: '{"brand":"Nike","price":10}',
  transformation: '{"pre":"w-300","post":[{"type":"abs","value":"sr-240_360","protocol":"hls"}]}',
  checks: '"file.size" < "1mb"',
  description: 'Running shoes',
}

describe('uploadV2', () => {
  describe('wire format', () => {
    it('posts multipart to {uploadBaseUrl}/api/v2/files/upload with Basic auth server-side', async () => {
      const { fetch, calls } = captureFetch()
      const result = await uploadV2(server(fetch), { file: bytes('abc'), fileName: 'a.jpg', tags: ['x'] })()
      expect(result).toStrictEqual({ _tag: 'Right', right: UPLOADED })
      expect(calls.map((c) => [c.method, c.url, c.headers['authorization']])).toStrictEqual([
        ['POST', 'https://upload.imagekit.io/api/v2/files/upload', `Basic ${btoa(`${KEY}:`)}`],
      ])
      expect(await entries(calls[0]!.form)).toStrictEqual({ fileName: 'a.jpg', tags: 'x', file: FILE })
    })

    it('sends the token and no Authorization header client-side', async () => {
      const { fetch, calls } = captureFetch()
      const token = tokenFor({ fileName: 'a.jpg', useUniqueFileName: false })
      const result = await uploadV2(client(fetch), {
        file: bytes('abc'),
        fileName: 'a.jpg',
        useUniqueFileName: false,
        token,
      })()
      expect(result).toStrictEqual({ _tag: 'Right', right: UPLOADED })
      expect(calls[0]!.headers['authorization']).toBeUndefined()
      expect(calls[0]!.url).toBe('https://upload.imagekit.io/api/v2/files/upload')
      expect(await entries(calls[0]!.form)).toStrictEqual({
        fileName: 'a.jpg',
        useUniqueFileName: 'false',
        token,
        file: FILE,
      })
      expect(new TextDecoder().decode(calls[0]!.body)).not.toContain('uploadV2 client-side')
    })

    it('sends every option as getUploadToken signed it (the two encodings agree field for field)', async () => {
      const { fetch, calls } = captureFetch()
      const token = tokenFor({ fileName: 'a.jpg', ...ALL })
      const result = await uploadV2(client(fetch), { file: bytes('abc'), fileName: 'a.jpg', ...ALL, token })()
      expect(result).toStrictEqual({ _tag: 'Right', right: UPLOADED })
      const sent = await entries(calls[0]!.form)
      expect(sent).toStrictEqual({ fileName: 'a.jpg', ...ALL_WIRE, token, file: FILE })
      const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as object
      const fields = Object.fromEntries(Object.entries(sent).filter(([k]) => k !== 'file' && k !== 'token'))
      expect(claims).toStrictEqual({ ...fields, iat: NOW / 1000, exp: NOW / 1000 + 1800 })
    })

    it('sends every option server-side as upload v1 encodes them', async () => {
      const { fetch, calls } = captureFetch()
      await uploadV2(server(fetch), { file: bytes('abc'), fileName: 'a.jpg', ...ALL })()
      expect(await entries(calls[0]!.form)).toStrictEqual({ fileName: 'a.jpg', ...ALL_WIRE, file: FILE })
    })

    it('accepts a frozen request and a 202 reply (UploadAccepted)', async () => {
      const { fetch } = captureFetch(
        () =>
          new Response('{"message":"queued"}', {
            status: 202,
            headers: { 'content-type': 'application/json' },
          }),
      )
      const request = Object.freeze({
        file: 'https://example.com/v.mp4',
        fileName: 'v.mp4',
        token: tokenFor({ fileName: 'v.mp4' }),
      })
      expect(await uploadV2(client(fetch), request)()).toStrictEqual({
        _tag: 'Right',
        right: { message: 'queued', _tag: 'UploadAccepted' },
      })
    })

    it("is an HttpError carrying ImageKit's message for a refused token, and never shows the private key", async () => {
      const body = { message: 'Your request contains expired token.', help: 'For support kindly contact us.' }
      const { fetch } = captureFetch(
        () =>
          new Response(JSON.stringify(body), {
            status: 400,
            headers: { 'content-type': 'application/json' },
          }),
      )
      const result = await uploadV2(client(fetch), {
        file: bytes('a'),
        fileName: 'a',
        token: tokenFor({ fileName: 'a' }),
      })()
      expect(result._tag === 'Left' && result.left).toMatchObject({ _tag: 'HttpError', status: 400, ...body })
      expect(JSON.stringify(result)).not.toContain(KEY)
    })
  })

  describe('validation (nothing is sent)', () => {
    const base = { file: bytes('abc'), fileName: 'a.jpg' }
    const signed = tokenFor({ fileName: 'a.jpg', tags: ['a', 'b'] })
    const cases: readonly (readonly [string, unknown, unknown, ReturnType<typeof validationError>])[] = [
      ['config is not an object', null, base, validationError('config', 'must be an object')],
      ['request is not an object', { privateKey: KEY }, 'x', validationError('request', 'must be an object')],
      [
        'neither a private key nor a token',
        {},
        base,
        validationError(
          'config.privateKey',
          'is required (or pass a token from getUploadToken for a client-side upload)',
        ),
      ],
      [
        'an empty private key',
        { privateKey: '' },
        base,
        validationError('config.privateKey', 'must not be empty'),
      ],
      [
        'a private key that is not a string',
        { privateKey: 1 },
        base,
        validationError('config.privateKey', 'must be a string'),
      ],
      [
        'both a private key and a token',
        { privateKey: KEY },
        { ...base, token: signed },
        validationError('request.token', 'use config.privateKey or token, not both'),
      ],
      [
        'a v1 signature',
        {},
        { ...base, signature: 'abc' },
        validationError(
          'request.signature',
          'is v1 client-side auth: uploadV2 takes a token from getUploadToken',
        ),
      ],
      [
        'a v1 publicKey',
        { privateKey: KEY },
        { ...base, publicKey: 'p' },
        validationError(
          'request.publicKey',
          'is v1 client-side auth: uploadV2 takes a token from getUploadToken',
        ),
      ],
      [
        'a v1 expire',
        {},
        { ...base, expire: 1 },
        validationError(
          'request.expire',
          'is v1 client-side auth: uploadV2 takes a token from getUploadToken',
        ),
      ],
      [
        'a token that is not a JWT',
        {},
        { ...base, token: 'tok-1' },
        validationError('request.token', 'must be a JWT (header.payload.signature) from getUploadToken'),
      ],
      [
        'a JWT whose payload is not JSON',
        {},
        { ...base, token: 'aGk.aGk.aGk' },
        validationError('request.token', 'must be a JWT whose payload is a JSON object (see getUploadToken)'),
      ],
      [
        'a JWT whose payload is an array',
        {},
        { ...base, token: jwtWith('[1]') },
        validationError('request.token', 'must be a JWT whose payload is a JSON object (see getUploadToken)'),
      ],
      [
        'a parameter that differs from the signed one',
        {},
        { ...base, tags: ['a', 'c'], token: signed },
        validationError('request.tags', 'differs from the token\'s signed value "a,b"'),
      ],
      [
        'a parameter the token does not sign',
        {},
        { ...base, tags: ['a', 'b'], folder: '/x', token: signed },
        validationError('request.folder', "is not in the token's payload: sign it with getUploadToken"),
      ],
      [
        'a signed parameter left out',
        {},
        { ...base, token: signed },
        validationError('request.tags', 'is signed in the token but missing from the request'),
      ],
      [
        'a bad tag (v1 rule)',
        { privateKey: KEY },
        { ...base, tags: ['a,b'] },
        validationError('request.tags[0]', 'must not contain a comma or %'),
      ],
      [
        'no fileName (v1 rule)',
        { privateKey: KEY },
        { file: bytes('a') },
        validationError('request.fileName', 'is required'),
      ],
      [
        'no file (v1 rule)',
        {},
        { fileName: 'a', token: signed },
        validationError('request.file', 'is required'),
      ],
      [
        'a token getter that throws',
        {},
        {
          ...base,
          get token(): string {
            throw new Error(KEY)
          },
        },
        validationError('request.token', 'could not be read'),
      ],
      [
        'a privateKey getter that throws',
        {
          get privateKey(): string {
            throw new Error(KEY)
          },
        },
        base,
        validationError('config.privateKey', 'could not be read'),
      ],
    ]
    it.each(cases)('is a ValidationError when %s', async (_title, config, request, expected) => {
      const { fetch, calls } = captureFetch()
      const cfg =
        config !== null && typeof config === 'object'
          ? Object.assign(Object.create(config) as object, { fetch })
          : config
      const result = await uploadV2(cfg as UploadConfig, request as UploadV2Request)()
      expect(result).toStrictEqual({ _tag: 'Left', left: expected })
      expect(calls).toHaveLength(0)
      expect(JSON.stringify(result)).not.toContain(KEY)
    })

    it('accepts a token minted with booleans and numbers as JSON values (their string form is compared)', async () => {
      const { fetch, calls } = captureFetch()
      const token = jwtWith('{"fileName":"a.jpg","isPrivateFile":true,"iat":1,"exp":2,"jti":"x"}')
      const result = await uploadV2(client(fetch), { ...base, isPrivateFile: true, token })()
      expect(result).toStrictEqual({ _tag: 'Right', right: UPLOADED })
      expect(calls).toHaveLength(1)
    })
  })
})

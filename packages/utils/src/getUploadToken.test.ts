import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { validationError } from './errors'
import { getUploadToken, type GetUploadTokenOptions } from './getUploadToken'

const NOW_MS = 1_700_000_000_500
const NOW_S = 1_700_000_000
const config = { privateKey: 'private_key_test', publicKey: 'public_key_test', now: () => NOW_MS }

/** The three parts of a JWT, the first two decoded, and whether node:crypto agrees with the signature. */
const open = (jwt: string) => {
  const [h = '', p = '', s = ''] = jwt.split('.')
  const expected = createHmac('sha256', 'private_key_test').update(`${h}.${p}`).digest('base64url')
  return {
    parts: jwt.split('.').length,
    header: JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as unknown,
    payloadText: Buffer.from(p, 'base64url').toString('utf8'),
    signatureValid: s === expected,
    unpadded: !/[=+/]/.test(jwt),
  }
}

const tokenOf = (
  options: GetUploadTokenOptions,
  c: Parameters<typeof getUploadToken>[0] = config,
): string => {
  const r = getUploadToken(c, options)
  if (r._tag === 'Left') throw new Error(r.left.message)
  return r.right
}

describe('getUploadToken', () => {
  it('signs the documented example with HS256: header alg, typ, kid; payload the parameters, iat, exp', () => {
    const jwt = tokenOf({ fileName: 'dress.jpg', useUniqueFileName: false, expire: NOW_S + 600 })
    expect(open(jwt)).toStrictEqual({
      parts: 3,
      header: { alg: 'HS256', typ: 'JWT', kid: 'public_key_test' },
      payloadText: `{"fileName":"dress.jpg","useUniqueFileName":"false","iat":${NOW_S},"exp":${NOW_S + 600}}`,
      signatureValid: true,
      unpadded: true,
    })
  })

  it('is a fixed string for fixed inputs (golden vector, computed independently with node:crypto)', () => {
    const h = Buffer.from('{"alg":"HS256","typ":"JWT","kid":"public_key_test"}').toString('base64url')
    const p = Buffer.from(`{"fileName":"a.jpg","iat":${NOW_S},"exp":${NOW_S + 1800}}`).toString('base64url')
    const s = createHmac('sha256', 'private_key_test').update(`${h}.${p}`).digest('base64url')
    expect(getUploadToken(config, { fileName: 'a.jpg' })).toStrictEqual({
      _tag: 'Right',
      right: `${h}.${p}.${s}`,
    })
    expect(h).toBe('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6InB1YmxpY19rZXlfdGVzdCJ9')
  })

  it('encodes every parameter as the upload sends it, in the upload wire order', () => {
    const jwt = tokenOf({
      description: 'Running shoes',
      checks: '"file.size" < "1mb"',
      transformation: { post: [{ value: 'sr-240', protocol: 'hls', type: 'abs' }], pre: 'w-300' },
      customMetadata: { brand: 'Nike', price: 10 },
      overwriteCustomMetadata: true,
      overwriteTags: false,
      overwriteAITags: true,
      overwriteFile: false,
      webhookUrl: 'https://example.com/hook',
      extensions: [{ name: 'google-auto-tagging', maxTags: 5, minConfidence: 95 }],
      responseFields: ['tags', 'metadata'],
      customCoordinates: '10,10,100,100',
      isPublished: true,
      isPrivateFile: false,
      folder: '/products',
      tags: ['t-shirt', 'round-neck'],
      useUniqueFileName: true,
      fileName: 'shoe ü.jpg',
      expire: NOW_S + 3600,
    })
    expect(JSON.parse(open(jwt).payloadText)).toStrictEqual({
      fileName: 'shoe ü.jpg',
      useUniqueFileName: 'true',
      tags: 't-shirt,round-neck',
      folder: '/products',
      isPrivateFile: 'false',
      isPublished: 'true',
      customCoordinates: '10,10,100,100',
      responseFields: 'tags,metadata',
      extensions: '[{"name":"google-auto-tagging","maxTags":5,"minConfidence":95}]',
      webhookUrl: 'https://example.com/hook',
      overwriteFile: 'false',
      overwriteAITags: 'true',
      overwriteTags: 'false',
      overwriteCustomMetadata: 'true',
      customMetadata: '{"brand":"Nike","price":10}',
      transformation: '{"pre":"w-300","post":[{"type":"abs","value":"sr-240","protocol":"hls"}]}',
      checks: '"file.size" < "1mb"',
      description: 'Running shoes',
      iat: NOW_S,
      exp: NOW_S + 3600,
    })
    expect(Object.keys(JSON.parse(open(jwt).payloadText) as object)).toStrictEqual([
      'fileName',
      'useUniqueFileName',
      'tags',
      'folder',
      'isPrivateFile',
      'isPublished',
      'customCoordinates',
      'responseFields',
      'extensions',
      'webhookUrl',
      'overwriteFile',
      'overwriteAITags',
      'overwriteTags',
      'overwriteCustomMetadata',
      'customMetadata',
      'transformation',
      'checks',
      'description',
      'iat',
      'exp',
    ])
    expect(open(jwt).signatureValid).toBe(true)
  })

  it('takes a UTF-8 private key as its bytes', () => {
    const c = { ...config, privateKey: 'clé_privée' }
    const jwt = tokenOf({ fileName: 'a.jpg' }, c)
    const [h, p, s] = jwt.split('.')
    expect(s).toBe(createHmac('sha256', 'clé_privée').update(`${h}.${p}`).digest('base64url'))
  })

  it.each([
    ['now + 1', NOW_S + 1],
    ['now + 3600', NOW_S + 3600],
  ])('accepts expire = %s', (_, expire) => {
    expect(JSON.parse(open(tokenOf({ fileName: 'a', expire })).payloadText)).toStrictEqual({
      fileName: 'a',
      iat: NOW_S,
      exp: expire,
    })
  })

  const cases: readonly (readonly [string, unknown, unknown, ReturnType<typeof validationError>])[] = [
    ['config is not an object', null, { fileName: 'a' }, validationError('config', 'must be an object')],
    [
      'no private key',
      { publicKey: 'p' },
      { fileName: 'a' },
      validationError('config.privateKey', 'is required'),
    ],
    [
      'an empty public key',
      { privateKey: 'k', publicKey: '' },
      { fileName: 'a' },
      validationError('config.publicKey', 'must be a non-empty string'),
    ],
    [
      'a clock that is not one',
      { ...config, now: 5 },
      { fileName: 'a' },
      validationError('config.now', 'must be a function returning milliseconds'),
    ],
    ['options not an object', config, 'a.jpg', validationError('options', 'must be an object')],
    ['options an array', config, [], validationError('options', 'must be an object')],
    ['no fileName', config, {}, validationError('options.fileName', 'is required')],
    ['an empty fileName', config, { fileName: '' }, validationError('options.fileName', 'must not be empty')],
    [
      'an expire in the past',
      config,
      { fileName: 'a', expire: NOW_S - 1 },
      validationError('options.expire', `must be in the future (it is ${NOW_S - 1}, now is ${NOW_S})`),
    ],
    [
      'an expire more than an hour ahead',
      config,
      { fileName: 'a', expire: NOW_S + 3601 },
      validationError(
        'options.expire',
        `must be at most 3600 s after now (it is ${NOW_S + 3601}, now is ${NOW_S}); ImageKit rejects it`,
      ),
    ],
    [
      'an expire in milliseconds',
      config,
      { fileName: 'a', expire: NOW_MS },
      validationError(
        'options.expire',
        `must be at most 3600 s after now (it is ${NOW_MS}, now is ${NOW_S}); ImageKit rejects it`,
      ),
    ],
    [
      'a fractional expire',
      config,
      { fileName: 'a', expire: NOW_S + 0.5 },
      validationError('options.expire', 'must be an integer Unix time in seconds'),
    ],
    [
      'a file',
      config,
      { fileName: 'a', file: 'x' },
      validationError('options.file', "is not signed: leave it out of the token's options"),
    ],
    [
      'a token',
      config,
      { fileName: 'a', token: 'x' },
      validationError('options.token', "is not signed: leave it out of the token's options"),
    ],
    [
      'a v1 signature',
      config,
      { fileName: 'a', signature: 'x' },
      validationError(
        'options.signature',
        'is not a known key (allowed: expire, fileName, useUniqueFileName, tags, folder, isPrivateFile, isPublished, customCoordinates, responseFields, extensions, webhookUrl, overwriteFile, overwriteAITags, overwriteTags, overwriteCustomMetadata, customMetadata, transformation, checks, description)',
      ),
    ],
    [
      'a boolean as a string',
      config,
      { fileName: 'a', isPrivateFile: 'true' },
      validationError('options.isPrivateFile', 'must be a boolean'),
    ],
    [
      'tags as a string',
      config,
      { fileName: 'a', tags: 'a,b' },
      validationError('options.tags', 'must be an array'),
    ],
    [
      'a tag with a comma (the upload refuses it: one table)',
      config,
      { fileName: 'a', tags: ['a,b'] },
      validationError('options.tags[0]', 'must not contain a comma or %'),
    ],
    [
      'an unknown response field (the upload refuses it: one table)',
      config,
      { fileName: 'a', responseFields: ['url'] },
      validationError(
        'options.responseFields[0]',
        "must be one of 'tags', 'customCoordinates', 'isPrivateFile', 'embeddedMetadata', 'isPublished', 'customMetadata', 'metadata', 'selectedFieldsSchema'",
      ),
    ],
    [
      'a number tag',
      config,
      { fileName: 'a', tags: ['a', 1] },
      validationError('options.tags[1]', 'must be a string'),
    ],
    [
      'extensions as an object',
      config,
      { fileName: 'a', extensions: {} },
      validationError('options.extensions', 'must be an array'),
    ],
    [
      'customMetadata with a BigInt',
      config,
      { fileName: 'a', customMetadata: { n: 1n } },
      validationError(
        'options.customMetadata.n',
        'must be JSON data: a string, a finite number, a boolean, null, an array or a plain object',
      ),
    ],
    [
      'transformation.post not an array',
      config,
      { fileName: 'a', transformation: { post: 'w-1' } },
      validationError('options.transformation.post', 'must be an array'),
    ],
    [
      'a folder that is a number',
      config,
      { fileName: 'a', folder: 1 },
      validationError('options.folder', 'must be a string'),
    ],
  ]
  it.each(cases)('refuses %s', (_, c, o, error) => {
    expect(getUploadToken(c as never, o as never)).toStrictEqual({ _tag: 'Left', left: error })
  })

  it('turns a throwing getter into a ValidationError at its path, and never shows the private key', () => {
    const options = Object.defineProperty({ fileName: 'a' }, 'tags', {
      enumerable: true,
      get: () => {
        throw new Error('private_key_test')
      },
    })
    const r = getUploadToken(config, options as never)
    expect(r).toStrictEqual({ _tag: 'Left', left: validationError('options.tags', 'could not be read') })
    expect(JSON.stringify(r)).not.toContain('private_key_test')
  })
})

describe('getUploadToken: hostile options', () => {
  const JSON_DATA =
    'must be JSON data: a string, a finite number, a boolean, null, an array or a plain object'
  const payloadOf = (options: object) => {
    const r = getUploadToken(config, { expire: NOW_S + 600, ...options } as never)
    if (r._tag === 'Left') throw new Error(`${r.left.path}: ${r.left.message}`)
    return JSON.parse(Buffer.from(r.right.split('.')[1] ?? '', 'base64url').toString('utf8')) as unknown
  }
  const cyclic: Record<string, unknown> = {}
  cyclic['self'] = cyclic

  it.each([
    ['NaN in customMetadata', { customMetadata: { price: NaN } }, 'options.customMetadata.price', JSON_DATA],
    [
      'Infinity in customMetadata',
      { customMetadata: { p: Infinity } },
      'options.customMetadata.p',
      JSON_DATA,
    ],
    [
      'a Symbol in customMetadata',
      { customMetadata: { s: Symbol('s') } },
      'options.customMetadata.s',
      JSON_DATA,
    ],
    ['a BigInt in customMetadata', { customMetadata: { n: 1n } }, 'options.customMetadata.n', JSON_DATA],
    [
      'a cycle in customMetadata',
      { customMetadata: { c: cyclic } },
      'options.customMetadata.c.self',
      'must not contain itself (a cycle)',
    ],
    [
      'a function in an extension',
      { extensions: [{ name: 'remove-bg', options: { add_shadow: () => 1 } }] },
      'options.extensions[0].options.add_shadow',
      'must be a boolean',
    ],
    [
      'a function as a transformation step value',
      { transformation: { post: [{ type: 'transformation', value: () => 'w-1' }] } },
      'options.transformation.post[0].value',
      'must be a non-empty string',
    ],
  ])('refuses %s at its path', (_title, options, path, message) =>
    expect(getUploadToken(config, { fileName: 'a', ...options } as never)).toStrictEqual({
      _tag: 'Left',
      left: validationError(path, message),
    }),
  )

  it('refuses an extension key the API reference does not define, rather than dropping it', () =>
    expect(
      getUploadToken(config, {
        fileName: 'x',
        extensions: [{ name: 'remove-bg', options: { f: () => 1 } }],
      } as never),
    ).toStrictEqual({
      _tag: 'Left',
      left: validationError(
        'options.extensions[0].options',
        'has a key it does not know: "f" (known: add_shadow, semitransparency, bg_color, bg_image_url)',
      ),
    }))

  it('signs the tags that were checked, each read once', () => {
    let reads = 0
    const tags = Object.defineProperty(['a'], 1, {
      enumerable: true,
      get: () => (reads++ === 0 ? 'b' : 'b,c'),
    }) as string[]
    expect(payloadOf({ fileName: 'x', tags })).toStrictEqual({
      fileName: 'x',
      tags: 'a,b',
      iat: NOW_S,
      exp: NOW_S + 600,
    })
  })

  it('refuses options that are not a plain object', () =>
    expect(getUploadToken(config, new Date() as never)).toStrictEqual({
      _tag: 'Left',
      left: validationError('options', 'must be a plain object'),
    }))
})

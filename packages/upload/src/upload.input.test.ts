// Hostile input, refused before any I/O or sent exactly as checked: values JSON cannot hold (ImageKit reads the
// `null` they would become as "unset this key"), getters that answer differently on a second read, requests
// that are not plain objects, and signals that fail when used.
import { describe, expect, it } from 'vitest'
import { validationError } from '@imagekit-fp/utils'
import { upload, uploadV2, type UploadRequest } from '@imagekit-fp/upload'
import { captureFetch, entries } from './test-support/capture'
import { KEY, base, expectRefused, server, srv } from './test-support/uploadCases'

const JSON_DATA = 'must be JSON data: a string, a finite number, a boolean, null, an array or a plain object'

/** An object whose `key` reads `first` once, then `later` on every read after that. */
const fickle = (o: object, key: string, first: unknown, later: unknown): object => {
  let reads = 0
  return Object.defineProperty(o, key, { enumerable: true, get: () => (reads++ === 0 ? first : later) })
}

const cyclic = (): object => {
  const o: Record<string, unknown> = { a: 1 }
  o['self'] = o
  return o
}

/** The text form fields `upload` (or `uploadV2`) sent for `fields` over the base request. */
const sentFields = async (fields: object, send = upload) => {
  const { fetch, calls } = captureFetch()
  await send(server(fetch), { ...base, ...fields } as UploadRequest)()
  const form = calls[0] === undefined ? {} : await entries(calls[0].form)
  return Object.fromEntries(Object.entries(form).filter(([k]) => k !== 'file' && k !== 'fileName'))
}

describe('upload: values JSON cannot hold are refused at their path', () => {
  it.each([
    srv(
      'NaN in customMetadata',
      { customMetadata: { price: NaN } },
      'request.customMetadata.price',
      JSON_DATA,
    ),
    srv(
      'Infinity in customMetadata',
      { customMetadata: { p: Infinity } },
      'request.customMetadata.p',
      JSON_DATA,
    ),
    srv(
      'a Symbol in customMetadata',
      { customMetadata: { s: Symbol('s') } },
      'request.customMetadata.s',
      JSON_DATA,
    ),
    srv(
      'a function in customMetadata',
      { customMetadata: { f: () => 1 } },
      'request.customMetadata.f',
      JSON_DATA,
    ),
    srv('a BigInt in customMetadata', { customMetadata: { n: 1n } }, 'request.customMetadata.n', JSON_DATA),
    srv(
      'undefined in a customMetadata list',
      { customMetadata: { c: ['a', undefined] } },
      'request.customMetadata.c[1]',
      JSON_DATA,
    ),
    srv(
      'a cycle in customMetadata',
      { customMetadata: { c: cyclic() } },
      'request.customMetadata.c.self',
      'must not contain itself (a cycle)',
    ),
    srv(
      'NaN in a remove-bg option',
      { extensions: [{ name: 'remove-bg', options: { add_shadow: true, bg_color: NaN } }] },
      'request.extensions[0].options.bg_color',
      'must be a string',
    ),
    srv(
      'a function in an ai task action',
      {
        extensions: [
          {
            name: 'ai-tasks',
            tasks: [{ type: 'yes_no', instruction: 'x', on_yes: { add_tags: [() => 1] } }],
          },
        ],
      },
      'request.extensions[0].tasks[0].on_yes.add_tags[0]',
      'must be a non-empty string',
    ),
  ])('%s', async (_title, config, request, path, message) =>
    expectRefused(config, request, validationError(path, message)),
  )

  it('uploadV2 refuses NaN in customMetadata at its path too', async () => {
    const { fetch, calls } = captureFetch()
    expect(
      await uploadV2(server(fetch), { ...base, customMetadata: { price: NaN } } as UploadRequest)(),
    ).toStrictEqual({ _tag: 'Left', left: validationError('request.customMetadata.price', JSON_DATA) })
    expect(calls).toHaveLength(0)
  })
})

describe('upload: each request field is read once and sent as checked', () => {
  it.each([
    [
      { name: 'remove-bg', options: { add_shadow: true, x: NaN } },
      'request.extensions[0].options',
      'has a key it does not know: "x" (known: add_shadow, semitransparency, bg_color, bg_image_url)',
    ],
    [
      { name: 'remove-bg', y: 1 },
      'request.extensions[0]',
      'has a key it does not know: "y" (known: name, options)',
    ],
    [
      { name: 'aws-auto-tagging', minConfidence: 5, maxTags: 0, 'max tags': 1 },
      'request.extensions[0]',
      'has a key it does not know: "max tags" (known: name, minConfidence, maxTags)',
    ],
  ])(
    'refuses an extension key the API reference does not define (%j), rather than dropping it',
    async (ext, path, message) =>
      expectRefused({ privateKey: KEY }, { ...base, extensions: [ext] }, validationError(path, message)),
  )

  it('sends the extension name that was checked, not a later read', async () =>
    expect(
      await sentFields({ extensions: [fickle({}, 'name', 'ai-auto-description', 'bogus')] }),
    ).toStrictEqual({ extensions: '[{"name":"ai-auto-description"}]' }))

  it('sends the custom metadata value that was checked, not a later NaN', async () =>
    expect(await sentFields({ customMetadata: fickle({}, 'price', 10, NaN) })).toStrictEqual({
      customMetadata: '{"price":10}',
    }))

  it('uploadV2 sends the custom metadata value that was checked', async () =>
    expect(await sentFields({ customMetadata: fickle({}, 'price', 10, NaN) }, uploadV2)).toStrictEqual({
      customMetadata: '{"price":10}',
    }))
})

describe('upload: the request must be a plain object', () => {
  class Request {
    file = new Uint8Array([1])
    fileName = 'a.jpg'
  }
  it.each([
    ['a Date', new Date()],
    ['a Map', new Map()],
    ['a class instance', new Request()],
  ])('%s is refused', async (_title, request) =>
    expectRefused({ privateKey: KEY }, request, validationError('request', 'must be a plain object')),
  )

  it('uploadV2 refuses a class instance too', async () => {
    const { fetch, calls } = captureFetch()
    expect(await uploadV2(server(fetch), new Request() as UploadRequest)()).toStrictEqual({
      _tag: 'Left',
      left: validationError('request', 'must be a plain object'),
    })
    expect(calls).toHaveLength(0)
  })

  it('takes a request with a null prototype', async () => {
    const { fetch, calls } = captureFetch()
    const request = Object.assign(Object.create(null) as object, { ...base, folder: '/a' })
    expect((await upload(server(fetch), request as UploadRequest)())._tag).toBe('Right')
    expect(calls).toHaveLength(1)
  })
})

describe('upload: a signal that fails when used is refused as request.signal', () => {
  const boom = () => {
    throw new Error(`no ${KEY}`)
  }
  it.each([
    [
      'addEventListener throws',
      { aborted: false, addEventListener: boom, removeEventListener: () => undefined },
    ],
    [
      'removeEventListener throws',
      { aborted: false, addEventListener: () => undefined, removeEventListener: boom },
    ],
  ])('%s', async (_title, signal) =>
    expectRefused(
      { privateKey: KEY },
      { ...base, signal },
      validationError('request.signal', 'must be an AbortSignal'),
    ),
  )
})

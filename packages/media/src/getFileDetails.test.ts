import { describe, expect, it } from 'vitest'
import { decodeError, httpError, validationError } from '@imagekit-fp/utils'
import { FileDetails, getFileDetails } from '@imagekit-fp/media'
import type { Drift } from '@imagekit-fp/utils/codec'
import { expectNoSecret } from '../../utils/src/http/test-support/secrets'
import { json, KEY, stubFetch, type DriftConfig } from './test-support/stub'

const FILE = {
  fileId: '598821f949c0a938d57563bd',
  type: 'file',
  name: 'file.jpg',
  filePath: '/images/products/file.jpg',
  tags: ['t-shirt'],
  AITags: null,
  customCoordinates: null,
  url: 'https://ik.imagekit.io/demo/images/products/file.jpg',
  size: 100,
}

/** A stub answering `reply`, and a config using it (with `extra`: strictResponses, onDrift). */
const setup = (reply = () => json(FILE), extra: Pick<DriftConfig, 'strictResponses' | 'onDrift'> = {}) => {
  const stub = stubFetch(reply)
  const config: DriftConfig = {
    privateKey: KEY,
    fetch: stub.fetch,
    retry: { limit: 1, maxDelay: 1 },
    ...extra,
  }
  return { ...stub, config }
}

describe('getFileDetails', () => {
  it('sends GET /v1/files/{fileId}/details with Basic auth and decodes the file', async () => {
    const { config, calls } = setup()
    const result = await getFileDetails(config, { fileId: FILE.fileId })()
    expect(result).toStrictEqual({ _tag: 'Right', right: FILE })
    expect(calls).toStrictEqual([
      {
        method: 'GET',
        path: '/v1/files/598821f949c0a938d57563bd/details',
        query: [],
        json: undefined,
        headers: { accept: 'application/json', authorization: `Basic ${btoa(`${KEY}:`)}` },
      },
    ])
  })

  it('keeps fields the API adds later', async () => {
    const { config } = setup(() => json({ ...FILE, brandNew: { x: 1 } }))
    expect(await getFileDetails(config, { fileId: FILE.fileId })()).toStrictEqual({
      _tag: 'Right',
      right: { ...FILE, brandNew: { x: 1 } },
    })
  })

  it('reads a reply without filePath in both modes, without drift (only fileId is required)', async () => {
    const reply = Object.fromEntries(Object.entries(FILE).filter(([k]) => k !== 'filePath'))
    for (const strictResponses of [false, true]) {
      const heard: Drift[] = []
      const { config } = setup(() => json(reply), { strictResponses, onDrift: (d) => heard.push(d) })
      const result = await getFileDetails(config, { fileId: FILE.fileId })()
      expect({ strictResponses, result, heard }).toStrictEqual({
        strictResponses,
        result: { _tag: 'Right', right: reply },
        heard: [],
      })
    }
  })

  it('reads a mistyped field: coerced and reported (lax), a DecodeError naming it (strict)', async () => {
    const reply = { ...FILE, size: '100' }
    const heard: Drift[] = []
    const lax = setup(() => json(reply, 200, { 'x-request-id': 'req-7' }), { onDrift: (d) => heard.push(d) })
    expect(await getFileDetails(lax.config, { fileId: FILE.fileId })()).toStrictEqual({
      _tag: 'Right',
      right: FILE,
    })
    expect(heard).toStrictEqual([
      {
        operation: 'GET /v1/files/598821f949c0a938d57563bd/details',
        path: 'size',
        kind: 'coerced',
        expected: 'number',
        got: '100',
        requestId: 'req-7',
      },
    ])
    const strict = setup(() => json(reply), { strictResponses: true })
    expect(await getFileDetails(strict.config, { fileId: FILE.fileId })()).toStrictEqual({
      _tag: 'Left',
      left: decodeError(
        [
          {
            value: '100',
            context: [
              { key: '', type: FileDetails, actual: reply },
              { key: 'size', type: FileDetails, actual: '100' },
            ],
            message: 'expected number, got "100" (coerced)',
          },
        ],
        'the response to GET https://api.imagekit.io/v1/files/598821f949c0a938d57563bd/details does not match FileDetails (strictResponses): size: expected number, got "100" (coerced)',
        reply,
      ),
    })
  })

  it('is a DecodeError in both modes when fileId is missing (the file cannot be identified)', async () => {
    const reply = Object.fromEntries(Object.entries(FILE).filter(([k]) => k !== 'fileId'))
    for (const strictResponses of [false, true]) {
      const { config } = setup(() => json(reply), { strictResponses })
      expect(await getFileDetails(config, { fileId: FILE.fileId })()).toStrictEqual({
        _tag: 'Left',
        left: decodeError(
          [
            {
              value: undefined,
              context: [
                { key: '', type: FileDetails, actual: reply },
                { key: 'fileId', type: FileDetails, actual: undefined },
              ],
              message: 'expected string, got undefined: the object cannot be identified without it',
            },
          ],
          'the response to GET https://api.imagekit.io/v1/files/598821f949c0a938d57563bd/details does not match FileDetails: fileId: expected string, got undefined: the object cannot be identified without it',
          reply,
        ),
      })
    }
  })

  it("gives ImageKit's 404 as an HttpError with its message and help", async () => {
    const body = { message: 'The requested file does not exist.', help: 'For support kindly contact us.' }
    const { config } = setup(() => json(body, 404, { 'x-request-id': 'req-1' }))
    const result = await getFileDetails(config, { fileId: 'missing' })()
    expect(result).toStrictEqual({
      _tag: 'Left',
      left: httpError({
        status: 404,
        message: body.message,
        help: body.help,
        body,
        url: 'https://api.imagekit.io/v1/files/missing/details',
        requestId: 'req-1',
      }),
    })
    expectNoSecret(result, KEY)
  })

  it('retries a 503 (a GET is idempotent)', async () => {
    let n = 0
    const { config, calls } = setup(() => (n++ === 0 ? json({ message: 'busy' }, 503) : json(FILE)))
    expect(await getFileDetails(config, { fileId: FILE.fileId })()).toStrictEqual({
      _tag: 'Right',
      right: FILE,
    })
    expect(calls.length).toBe(2)
  })

  const bad: readonly (readonly [string, unknown, string, string])[] = [
    ['no fileId', {}, 'input.fileId', 'is required'],
    ['an empty fileId', { fileId: '' }, 'input.fileId', 'must be a non-empty string'],
    ['a number', { fileId: 42 }, 'input.fileId', 'must be a non-empty string'],
    ['a slash', { fileId: 'a/b' }, 'input.fileId', 'may only contain letters, digits and - . _ ~'],
    ['a query', { fileId: 'a?b=1' }, 'input.fileId', 'may only contain letters, digits and - . _ ~'],
    ['a fragment', { fileId: 'a#b' }, 'input.fileId', 'may only contain letters, digits and - . _ ~'],
    [
      'a percent escape',
      { fileId: '%2e%2e' },
      'input.fileId',
      'may only contain letters, digits and - . _ ~',
    ],
    ['a space', { fileId: 'a b' }, 'input.fileId', 'may only contain letters, digits and - . _ ~'],
    ['a dot segment', { fileId: '..' }, 'input.fileId', "must not be '.' or '..'"],
    ['a single dot', { fileId: '.' }, 'input.fileId', "must not be '.' or '..'"],
    ['a bad signal', { fileId: 'abc', signal: {} }, 'input.signal', 'must be an AbortSignal'],
    ['no input', undefined, 'input', 'must be an object'],
    ['an array', [], 'input', 'must be an object'],
    [
      'a throwing getter',
      Object.defineProperty({}, 'fileId', {
        get: () => {
          throw new Error('boom')
        },
      }),
      'input.fileId',
      'could not be read',
    ],
  ]
  it.each(bad)('refuses %s before sending anything', async (_, input, path, message) => {
    const { config, calls } = setup()
    expect(await getFileDetails(config, input as never)()).toStrictEqual({
      _tag: 'Left',
      left: validationError(path, message),
    })
    expect(calls).toStrictEqual([])
  })

  it('refuses a config without a private key before sending anything', async () => {
    const { fetch, calls } = setup()
    expect(await getFileDetails({ fetch }, { fileId: 'abc' })()).toStrictEqual({
      _tag: 'Left',
      left: validationError('config.privateKey', 'is required for this request (server-side only)'),
    })
    expect(calls).toStrictEqual([])
  })

  it('ends with NetworkError Aborted when the signal aborts', async () => {
    const { config } = setup()
    const controller = new AbortController()
    controller.abort()
    const result = await getFileDetails(config, { fileId: 'abc', signal: controller.signal })()
    expect(result._tag === 'Left' && result.left._tag === 'NetworkError' && result.left.reason).toBe(
      'Aborted',
    )
  })

  it('uses apiBaseUrl from config', async () => {
    const { calls, fetch } = setup()
    await getFileDetails(
      { privateKey: KEY, fetch, apiBaseUrl: 'http://127.0.0.1:9/base' },
      { fileId: 'a_b-c.d~e' },
    )()
    expect(calls.map((c) => c.path)).toStrictEqual(['/base/v1/files/a_b-c.d~e/details'])
  })
})

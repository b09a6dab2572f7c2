import { describe, expect, it } from 'vitest'
import * as t from 'io-ts'
import { validationError } from '@imagekit-fp/utils'
import { json, KEY, stubFetch } from '../test-support/stub'
import { left, right } from '@imagekit-fp/internal'
import type { MediaConfig } from '../model/MediaConfig'
import { operationFunction, type Operation } from './send'
import { fillPath } from './validate'

const withStatusOperation: Operation<
  { readonly id?: string; readonly signal?: AbortSignal },
  { a: number },
  { a: number; status: number }
> = {
  method: 'GET',
  path: '/v1/x/{id}/y',
  codec: t.type({ a: t.number }),
  result: (body, status) => ({ ...body, status }),
  idempotent: true,
}
const run = operationFunction(withStatusOperation)
const send = (config: MediaConfig, input: unknown = { id: 'x' }) => run(config, input as never)

describe('send', () => {
  it('returns a Left input check, sending nothing', async () => {
    const stub = stubFetch()
    expect(await send({ privateKey: KEY, fetch: stub.fetch }, {})()).toStrictEqual(
      left(validationError('input.id', 'is required')),
    )
    expect(stub.calls).toStrictEqual([])
  })

  it('gives result() the HTTP status of the reply', async () => {
    const stub = stubFetch(() => json({ a: 1 }, 207))
    expect(await send({ privateKey: KEY, fetch: stub.fetch })()).toStrictEqual(right({ a: 1, status: 207 }))
  })

  it('leaves the config untouched (the status is read through a wrapper)', async () => {
    const stub = stubFetch(() => json({ a: 1 }))
    const config = Object.freeze({ privateKey: KEY, fetch: stub.fetch })
    await send(config)()
    expect(config).toStrictEqual({ privateKey: KEY, fetch: stub.fetch })
  })

  it('lets the transport report a config that is not an object, or a fetch that is not a function', async () => {
    expect(await send(null as never)()).toStrictEqual(left(validationError('config', 'must be an object')))
    const result = await send({ privateKey: KEY, fetch: 'no' as never })()
    expect(result._tag === 'Left' && result.left._tag === 'ValidationError' && result.left.path).toBe(
      'config.fetch',
    )
  })

  it('never throws on a config whose fetch getter throws', async () => {
    const config = Object.defineProperty({ privateKey: KEY }, 'fetch', {
      get: () => {
        throw new Error('boom')
      },
    })
    const result = await send(config)()
    expect(result._tag).toBe('Left')
  })
})

describe('the path template', () => {
  it('fills each {name} with the input field of that name, checked as an id', async () => {
    const stub = stubFetch(() => json({ a: 1 }))
    await send({ privateKey: KEY, fetch: stub.fetch }, { id: 'a-b.c_d~e' })()
    expect(stub.calls.map((c) => c.path)).toStrictEqual(['/v1/x/a-b.c_d~e/y'])
  })
})

describe('fillPath', () => {
  it('percent-encodes every substituted value as one path segment', () => {
    const values: Readonly<Record<string, string>> = { fileId: 'a/b?c#d', versionId: 'é %' }
    expect(fillPath('/v1/files/{fileId}/versions/{versionId}', (name) => values[name]!)).toBe(
      '/v1/files/a%2Fb%3Fc%23d/versions/%C3%A9%20%25',
    )
    expect(fillPath('/v1/files', () => 'unused')).toBe('/v1/files')
  })
})

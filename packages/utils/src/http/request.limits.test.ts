// How much of a 2xx reply the transport reads: `config.maxResponseBytes`, default 64 MiB.
import { describe, expect, it } from 'vitest'
import { isResponseTooLarge } from './request'
import { decodeError } from '../errors'
import { get, json, KEY, Ok, okJson, run, stub } from './test-support/stub'

const MiB = 1024 * 1024

/** A 2xx body of `bytes` bytes, sent in 64 KiB chunks, counting what was pulled. */
const sized = (bytes: number) => {
  const pulled = { bytes: 0 }
  const body = () => {
    let left = bytes
    return new ReadableStream<Uint8Array>({
      pull: (c) => {
        if (left <= 0) return c.close()
        const n = Math.min(65_536, left)
        left -= n
        pulled.bytes += n
        c.enqueue(new TextEncoder().encode('x'.repeat(n)))
      },
    })
  }
  return { body, pulled }
}

describe('request: maxResponseBytes', () => {
  it('reads a 17 MiB reply, which the old 16 MiB cap refused, by default', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ i, meta: 'm'.repeat(18 * 1024) }))
    const text = JSON.stringify({ ok: true, items })
    expect(text.length).toBeGreaterThan(17 * MiB)
    const { fetch } = stub(() => new Response(text, { status: 200 }))
    const result = await run({ privateKey: KEY, fetch }, get)
    expect(result._tag === 'Right' && result.right.body).toStrictEqual({ ok: true, items })
  })

  it('is a DecodeError that says so past the configured limit, and reads no further', async () => {
    const { body, pulled } = sized(1_000_000)
    const { fetch } = stub(() => new Response(body(), { status: 200 }))
    const result = await run({ privateKey: KEY, fetch, maxResponseBytes: 100_000, retry: 0 }, get)
    expect(result).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'DecodeError',
        errors: [
          {
            value: `${'x'.repeat(200)}…`,
            context: [{ key: '', type: Ok, actual: undefined }],
            message: 'larger than 100000 bytes',
          },
        ],
        message:
          'the response to GET https://api.imagekit.io/v1/files is larger than 100000 bytes, the most the transport reads (config.maxResponseBytes)',
        reason: 'ResponseTooLarge',
      },
    })
    expect(result._tag === 'Left' && isResponseTooLarge(result.left)).toBe(true)
    expect(pulled.bytes).toBeLessThan(300_000)
  })

  it('reads a reply of exactly the limit', async () => {
    const text = JSON.stringify({ ok: true })
    const { fetch } = stub(() => json({ ok: true }))
    expect(await run({ privateKey: KEY, fetch, maxResponseBytes: text.length }, get)).toStrictEqual(
      okJson({ ok: true }),
    )
  })

  it('does not retry a reply that is too large', async () => {
    const { body } = sized(10_000)
    const { fetch, calls } = stub(() => new Response(body(), { status: 200 }))
    await run({ privateKey: KEY, fetch, maxResponseBytes: 1000, retry: { limit: 2, maxDelay: 0 } }, get)
    expect(calls).toHaveLength(1)
  })

  it('isResponseTooLarge is false for any other error', async () => {
    const { fetch } = stub(() => json({ ok: 'no' }))
    const result = await run({ privateKey: KEY, fetch }, get)
    expect(result._tag === 'Left' && [result.left._tag, isResponseTooLarge(result.left)]).toStrictEqual([
      'DecodeError',
      false,
    ])
    expect(isResponseTooLarge({ _tag: 'HttpError', status: 413, message: 'x', body: {}, url: 'u' })).toBe(
      false,
    )
    expect(isResponseTooLarge(undefined)).toBe(false)
  })

  it('isResponseTooLarge goes by the reason the transport tags, not by the text of a message', () => {
    const lookalike = decodeError(
      [{ value: 'x', context: [{ key: '', type: Ok, actual: 'x' }], message: 'larger than 100 bytes' }],
      'a codec of the caller said this',
    )
    expect(isResponseTooLarge(lookalike)).toBe(false)
    expect(isResponseTooLarge({ ...decodeError([], 'x'), reason: 'ResponseTooLarge' })).toBe(true)
  })
})

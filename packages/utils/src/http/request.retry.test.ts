import { describe, expect, it } from 'vitest'
import { get, json, KEY, okJson, run, stub } from './test-support/stub'

describe('request: retries', () => {
  describe('retries', () => {
    const busy = () => json({ message: 'busy' }, { status: 503 })
    it.each([
      ['GET', undefined, 3],
      ['PUT', undefined, 3],
      ['DELETE', undefined, 3],
      ['HEAD', undefined, 3],
      ['POST', undefined, 1],
      ['PATCH', undefined, 1],
      ['POST', true, 3],
      ['PATCH', true, 3],
      ['GET', false, 1],
    ] as const)(
      'sends a %s (idempotent: %s) %i times when every reply is 503',
      async (method, idempotent, attempts) => {
        const { fetch, calls } = stub(busy)
        await run(
          { privateKey: KEY, fetch, retry: { limit: 2, maxDelay: 0 } },
          { ...get, method, ...(idempotent === undefined ? {} : { idempotent }) },
        )
        expect(calls).toHaveLength(attempts)
      },
    )

    it('sends a ReadableStream body once even when the request is marked idempotent', async () => {
      const { fetch, calls } = stub(busy)
      const body = new ReadableStream({
        start: (c) => {
          c.enqueue(new Uint8Array([1]))
          c.close()
        },
      })
      await run(
        { privateKey: KEY, fetch, retry: { limit: 2, maxDelay: 0 } },
        { ...get, method: 'PUT', body, idempotent: true },
      )
      expect(calls).toHaveLength(1)
    })

    it.each([400, 401, 403, 404, 409, 413, 422])('does not retry a %i', async (status) => {
      const { fetch, calls } = stub(() => json({ message: 'no' }, { status }))
      await run({ privateKey: KEY, fetch, retry: { limit: 2, maxDelay: 0 } }, get)
      expect(calls).toHaveLength(1)
    })

    it.each([408, 429, 500, 504, 599])('retries a %i', async (status) => {
      const { fetch, calls } = stub((_r, n) => (n === 0 ? json({}, { status }) : json({ ok: true })))
      expect(await run({ privateKey: KEY, fetch, retry: { limit: 1, maxDelay: 0 } }, get)).toStrictEqual(
        okJson({ ok: true }),
      )
      expect(calls).toHaveLength(2)
    })

    it('falls back to backoff when the injected clock throws', async () => {
      const { fetch, calls } = stub((_r, n) =>
        n === 0
          ? json({}, { status: 503, headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' } })
          : json({ ok: true }),
      )
      const now = () => {
        throw new Error('no clock')
      }
      expect(await run({ privateKey: KEY, fetch, now, retry: { limit: 1, maxDelay: 0 } }, get)).toStrictEqual(
        okJson({ ok: true }),
      )
      expect(calls).toHaveLength(2)
    })

    it('uses the injected clock for an HTTP-date Retry-After', async () => {
      const { fetch, calls } = stub((_r, n) =>
        n === 0
          ? json({}, { status: 429, headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' } })
          : json({ ok: true }),
      )
      const now = () => Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')
      expect(
        await run({ privateKey: KEY, fetch, now, retry: { limit: 1, maxDelay: 60_000 } }, get),
      ).toStrictEqual(okJson({ ok: true }))
      expect(calls).toHaveLength(2)
    })
  })
})

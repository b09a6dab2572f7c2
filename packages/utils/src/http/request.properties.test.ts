import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as t from 'io-ts'
import { request } from './request'
import type { HttpRequest, TransportConfig } from './types'
import { expectNoSecret } from './test-support/secrets'
import { KEY, Ok } from './test-support/stub'

describe('request: properties', () => {
  describe('properties', () => {
    const reply = fc.oneof(
      fc.record({ kind: fc.constant('throw' as const), value: fc.anything() }),
      fc.record({ kind: fc.constant('reject' as const), value: fc.anything() }),
      fc.record({ kind: fc.constant('value' as const), value: fc.anything() }),
      fc.record({ kind: fc.constant('hang' as const) }),
      fc.record({ kind: fc.constant('hangingBody' as const), status: fc.integer({ min: 200, max: 599 }) }),
      fc.record({
        kind: fc.constant('response' as const),
        status: fc.integer({ min: 0, max: 700 }),
        body: fc.oneof(fc.string(), fc.json(), fc.constant(null)),
        headers: fc.dictionary(
          fc.constantFrom(
            'retry-after',
            'retry-after-ms',
            'x-request-id',
            'x-ratelimit-limit',
            'content-type',
          ),
          fc.string(),
        ),
      }),
    )
    type Reply = typeof reply extends fc.Arbitrary<infer T> ? T : never
    // Replies are used in order, round and round, so that a failing case replays exactly.
    const fetchFrom = (replies: readonly Reply[]) => {
      let n = 0
      return (() => {
        const r = replies[n++ % replies.length] ?? { kind: 'reject', value: 'none' }
        if (r.kind === 'throw') throw r.value
        if (r.kind === 'reject') return Promise.reject(r.value)
        if (r.kind === 'value') return Promise.resolve(r.value)
        if (r.kind === 'hang') return new Promise<Response>(() => undefined)
        if (r.kind === 'hangingBody') {
          const body = new ReadableStream({ pull: () => new Promise<void>(() => undefined) })
          return Promise.resolve(new Response(body, { status: r.status }))
        }
        return Promise.resolve(new Response(r.body, { status: r.status, headers: r.headers }))
      }) as typeof fetch
    }

    const settles = async (cfg: unknown, req: unknown) => {
      let task: (() => Promise<unknown>) | undefined
      expect(() => {
        task = request(cfg as TransportConfig, req as HttpRequest<unknown>)
      }).not.toThrow()
      let promise: Promise<unknown> | undefined
      expect(() => {
        promise = task?.()
      }).not.toThrow()
      const result = (await promise) as { _tag?: unknown }
      expect(['Left', 'Right']).toContain(result._tag)
      expectNoSecret(result, KEY)
    }

    it('never throws and never rejects for arbitrary config and request values', async () => {
      await fc.assert(fc.asyncProperty(fc.anything(), fc.anything(), settles), { numRuns: 300 })
    })

    it('never throws, rejects or leaks the key for arbitrary replies and request shapes', async () => {
      const req = fc.record(
        {
          method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'get', 42),
          base: fc.constantFrom('api', 'upload', 'x'),
          path: fc.oneof(fc.constant('/v1/files'), fc.string()),
          auth: fc.constantFrom('basic', 'none'),
          codec: fc.constantFrom(Ok, t.unknown, t.type({}), undefined),
          json: fc.anything(),
          searchParams: fc.dictionary(
            fc.string(),
            fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(undefined)),
          ),
          idempotent: fc.boolean(),
        },
        { requiredKeys: ['method', 'base', 'path', 'auth', 'codec'] },
      )
      await fc.assert(
        fc.asyncProperty(
          fc.array(reply, { minLength: 1, maxLength: 4 }),
          req,
          fc.integer({ min: 0, max: 3 }),
          async (replies, r, limit) => {
            await settles(
              { privateKey: KEY, fetch: fetchFrom(replies), timeout: 10, retry: { limit, maxDelay: 0 } },
              r,
            )
          },
        ),
        { numRuns: 300 },
      )
    })
  })
})

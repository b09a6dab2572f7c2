// How the transport reads a 2xx body with a lax codec: lax (drift told to onDrift) or strict (drift is a
// DecodeError), a fault (an unusable identity) a DecodeError in both, and the config that picks the mode.
import { describe, expect, it } from 'vitest'
import * as t from 'io-ts'
import { array, laxNumber, laxString, oneOf, struct, union, literal } from '../codec/combinators'
import type { Drift } from '../codec/lax'
import { get, json, KEY, Ok, okJson, run, stub, validation } from './test-support/stub'

const Item = struct('Item', {
  identity: { id: laxString },
  required: { name: laxString },
  optional: { size: laxNumber, status: oneOf('Status', ['Pending', 'Completed']) },
})
const Page = array(
  union('Entry', 'type', { item: struct('Item', { identity: { type: literal('item'), id: laxString } }) }),
  'Page',
)
const URL_ = 'https://api.imagekit.io/v1/files'
const item = { ...get, codec: Item }

/** A config whose fetch answers `body` (with `headers`) and whose onDrift records what it hears. */
const setup = (body: unknown, headers: Record<string, string> = {}, config: Record<string, unknown> = {}) => {
  const heard: Drift[] = []
  const { fetch, calls } = stub(() => json(body, { headers }))
  return { heard, calls, config: { privateKey: KEY, fetch, onDrift: (d: Drift) => heard.push(d), ...config } }
}

/** The DecodeError of a body, its io-ts errors one per [path, value, message]. */
const decodeLeft = (
  codec: t.Decoder<unknown, unknown>,
  body: unknown,
  message: string,
  errors: readonly (readonly [string, unknown, string])[],
) => ({
  _tag: 'Left',
  left: {
    _tag: 'DecodeError',
    errors: errors.map(([key, value, m]) => ({
      value,
      context: [
        { key: '', type: codec, actual: body },
        { key, type: t.unknown, actual: value },
      ],
      message: m,
    })),
    message,
    body,
  },
})

const drifting = { id: 7, name: null, size: '12', status: 'Failed', extra: true }

describe('request with a lax codec', () => {
  describe('lax (the default)', () => {
    it('is a Right with the lax value, each drift told to onDrift with the operation, no requestId without x-request-id', async () => {
      const { heard, config } = setup(drifting)
      expect(await run(config, item)).toStrictEqual(
        okJson({ id: '7', size: 12, status: 'Failed', extra: true }),
      )
      expect(heard).toStrictEqual([
        { operation: 'GET /v1/files', path: 'id', kind: 'coerced', expected: 'string', got: 7 },
        { operation: 'GET /v1/files', path: 'name', kind: 'null', expected: 'string', got: null },
        { operation: 'GET /v1/files', path: 'size', kind: 'coerced', expected: 'number', got: '12' },
        {
          operation: 'GET /v1/files',
          path: 'status',
          kind: 'unknown-value',
          expected: "'Pending' | 'Completed'",
          got: 'Failed',
        },
      ])
      expect(heard.map((d) => 'requestId' in d)).toStrictEqual([false, false, false, false])
    })

    it("tells each drift with the reply's x-request-id, and the operation without the query", async () => {
      const { heard, config } = setup({ id: 'a', name: 'n', size: '1' }, { 'x-request-id': 'req-1' })
      const result = await run(config, { ...item, path: '/v1/files/a b/details', searchParams: { q: 1 } })
      expect(result).toStrictEqual(okJson({ id: 'a', name: 'n', size: 1 }, 200, { 'x-request-id': 'req-1' }))
      expect(heard).toStrictEqual([
        {
          operation: 'GET /v1/files/a%20b/details',
          path: 'size',
          kind: 'coerced',
          expected: 'number',
          got: '1',
          requestId: 'req-1',
        },
      ])
    })

    it('tells nothing of a body that matches (an extra field is no drift)', async () => {
      const { heard, config } = setup({ id: 'a', name: 'n', extra: [1] })
      expect(await run(config, item)).toStrictEqual(okJson({ id: 'a', name: 'n', extra: [1] }))
      expect(heard).toStrictEqual([])
    })

    it('names the path inside an array of items (an unknown variant is kept whole)', async () => {
      const { heard, config } = setup([{ type: 'item', id: 1 }, { type: 'video' }])
      expect(await run(config, { ...get, codec: Page })).toStrictEqual(
        okJson([
          { type: 'item', id: '1' },
          { type: 'unknown', raw: { type: 'video' } },
        ]),
      )
      expect(heard).toStrictEqual([
        { operation: 'GET /v1/files', path: '[0].id', kind: 'coerced', expected: 'string', got: 1 },
        {
          operation: 'GET /v1/files',
          path: '[1].type',
          kind: 'unknown-variant',
          expected: "'item'",
          got: 'video',
        },
      ])
    })

    it('is still a Right, every drift told, when onDrift throws', async () => {
      const told: string[] = []
      const { fetch } = stub(() => json(drifting))
      const onDrift = (d: Drift) => {
        told.push(d.path)
        throw new Error(`listener failed at ${d.path}`)
      }
      expect(await run({ privateKey: KEY, fetch, onDrift }, item)).toStrictEqual(
        okJson({ id: '7', size: 12, status: 'Failed', extra: true }),
      )
      expect(told).toStrictEqual(['id', 'name', 'size', 'status'])
    })

    it('is a Right without any onDrift', async () => {
      const { fetch } = stub(() => json(drifting))
      expect(await run({ privateKey: KEY, fetch }, item)).toStrictEqual(
        okJson({ id: '7', size: 12, status: 'Failed', extra: true }),
      )
    })
  })

  describe('strict (strictResponses: true)', () => {
    it('is a DecodeError naming each drift, with the body, and tells onDrift nothing', async () => {
      const { heard, config } = setup(drifting, { 'x-request-id': 'req-1' }, { strictResponses: true })
      expect(await run(config, item)).toStrictEqual(
        decodeLeft(
          Item,
          drifting,
          `the response to GET ${URL_} does not match Item (strictResponses): ` +
            'id: expected string, got 7 (coerced); name: expected string, got null (null); ' +
            'size: expected number, got "12" (coerced); ' +
            `status: expected 'Pending' | 'Completed', got "Failed" (unknown-value)`,
          [
            ['id', 7, 'expected string, got 7 (coerced)'],
            ['name', null, 'expected string, got null (null)'],
            ['size', '12', 'expected number, got "12" (coerced)'],
            ['status', 'Failed', `expected 'Pending' | 'Completed', got "Failed" (unknown-value)`],
          ],
        ),
      )
      expect(heard).toStrictEqual([])
    })

    it('names a path inside an array, and a missing documented field', async () => {
      const body = [{ type: 'item', id: 'a' }, { type: 'video' }]
      const { config } = setup(body, {}, { strictResponses: true })
      expect(await run(config, { ...get, codec: Page })).toStrictEqual(
        decodeLeft(
          Page,
          body,
          `the response to GET ${URL_} does not match Page (strictResponses): ` +
            `[1].type: expected 'item', got "video" (unknown-variant)`,
          [['[1].type', 'video', `expected 'item', got "video" (unknown-variant)`]],
        ),
      )
      const { config: c2 } = setup({ id: 'a' }, {}, { strictResponses: true })
      expect(await run(c2, item)).toStrictEqual(
        decodeLeft(
          Item,
          { id: 'a' },
          `the response to GET ${URL_} does not match Item (strictResponses): name: expected string, got undefined (missing)`,
          [['name', undefined, 'expected string, got undefined (missing)']],
        ),
      )
    })

    it('names ten findings and counts the rest', async () => {
      const body = Array.from({ length: 12 }, (_, i) => ({ type: 'item', id: i }))
      const { config } = setup(body, {}, { strictResponses: true })
      const result = await run(config, { ...get, codec: Page })
      expect(result._tag === 'Left' && result.left.message).toBe(
        `the response to GET ${URL_} does not match Page (strictResponses): ` +
          Array.from({ length: 10 }, (_, i) => `[${i}].id: expected string, got ${i} (coerced)`).join('; ') +
          '; … and 2 more',
      )
      expect(result._tag === 'Left' && result.left._tag === 'DecodeError' && result.left.errors.length).toBe(
        12,
      )
    })

    it('is a Right for a body that matches', async () => {
      const { config } = setup(
        { id: 'a', name: 'n', status: 'Pending', extra: 1 },
        {},
        { strictResponses: true },
      )
      expect(await run(config, item)).toStrictEqual(
        okJson({ id: 'a', name: 'n', status: 'Pending', extra: 1 }),
      )
    })

    it('does not change how a plain io-ts codec reads', async () => {
      const { config } = setup({ ok: true, extra: 1 }, {}, { strictResponses: true })
      expect(await run(config, { ...get, codec: Ok })).toStrictEqual(okJson({ ok: true, extra: 1 }))
    })
  })

  describe('a fault (what identifies the object is unusable)', () => {
    const body = { name: 1, size: 'x' }
    const expected = decodeLeft(
      Item,
      body,
      `the response to GET ${URL_} does not match Item: id: expected string, got undefined: the object cannot be identified without it`,
      [['id', undefined, 'expected string, got undefined: the object cannot be identified without it']],
    )

    it.each([false, true])(
      'is a DecodeError naming only the identity (strictResponses: %s), onDrift told nothing',
      async (strictResponses) => {
        const { heard, config } = setup(body, {}, { strictResponses })
        expect(await run(config, item)).toStrictEqual(expected)
        expect(heard).toStrictEqual([])
      },
    )

    it('is a DecodeError at the root for a body that is no array', async () => {
      const { config: c2 } = setup({ id: 'a' })
      expect(await run(c2, { ...get, codec: Page })).toStrictEqual(
        decodeLeft(
          Page,
          { id: 'a' },
          `the response to GET ${URL_} does not match Page: (root): expected Page, got {"id":"a"}: the object cannot be identified without it`,
          [['', { id: 'a' }, 'expected Page, got {"id":"a"}: the object cannot be identified without it']],
        ),
      )
    })
  })

  describe('an item of a list that cannot be identified', () => {
    const body = [{ type: 'item', id: 'a' }, { id: 'b' }]

    it('is left out of the lax value, its fault and its removal told to onDrift', async () => {
      const { heard, config } = setup(body)
      expect(await run(config, { ...get, codec: Page })).toStrictEqual(okJson([{ type: 'item', id: 'a' }]))
      expect(heard).toStrictEqual([
        { operation: 'GET /v1/files', path: '[1].type', kind: 'invalid', expected: "'item'", got: undefined },
        { operation: 'GET /v1/files', path: '[1]', kind: 'dropped', expected: 'Entry', got: { id: 'b' } },
      ])
    })

    it('is a DecodeError naming both when strict', async () => {
      const { config } = setup(body, {}, { strictResponses: true })
      const fault = "expected 'item', got undefined: the object cannot be identified without it"
      const dropped = 'expected Entry, got {"id":"b"} (dropped)'
      expect(await run(config, { ...get, codec: Page })).toStrictEqual(
        decodeLeft(
          Page,
          body,
          `the response to GET ${URL_} does not match Page (strictResponses): [1].type: ${fault}; [1]: ${dropped}`,
          [
            ['[1].type', undefined, fault],
            ['[1]', { id: 'b' }, dropped],
          ],
        ),
      )
    })
  })

  describe('redaction', () => {
    it('keeps the private key out of a strict DecodeError: message, errors and body', async () => {
      const { config } = setup({ id: 'a', name: 'n', size: KEY }, {}, { strictResponses: true })
      const shown = { id: 'a', name: 'n', size: '[redacted]' }
      expect(await run(config, item)).toStrictEqual(
        decodeLeft(
          Item,
          shown,
          `the response to GET ${URL_} does not match Item (strictResponses): size: expected number, got "[redacted]" (dropped)`,
          [['size', '[redacted]', 'expected number, got "[redacted]" (dropped)']],
        ),
      )
    })
  })

  describe('config', () => {
    it.each([
      ['strictResponses', 'yes', 'config.strictResponses', 'must be a boolean'],
      ['strictResponses', null, 'config.strictResponses', 'must be a boolean'],
      ['onDrift', 1, 'config.onDrift', 'must be a function'],
      ['onDrift', null, 'config.onDrift', 'must be a function'],
    ] as const)('refuses %s: %j before sending (%s %s)', async (key, value, path, message) => {
      const { fetch, calls } = stub(() => json({ id: 'a', name: 'n' }))
      expect(await run({ privateKey: KEY, fetch, [key]: value } as never, item)).toStrictEqual(
        validation(path, message),
      )
      expect(calls).toStrictEqual([])
    })

    it('takes strictResponses: false and an absent onDrift as the defaults', async () => {
      const { fetch } = stub(() => json({ id: 7, name: 'n' }))
      expect(await run({ privateKey: KEY, fetch, strictResponses: false }, item)).toStrictEqual(
        okJson({ id: '7', name: 'n' }),
      )
    })
  })
})

// Hostile request input: a JSON body that JSON cannot hold (ImageKit reads the `null` it would become as "unset
// this key"), signals that fail when used (never a rejection, never the key in a cause), and URLs too long to
// carry whole in an error.
import { describe, expect, it } from 'vitest'
import { request } from './request'
import type { HttpRequest, TransportConfig } from './types'
import { get, json, KEY, run, stub, validation } from './test-support/stub'

const JSON_DATA = 'must be JSON data: a string, a finite number, a boolean, null, an array or a plain object'
const URL = 'https://api.imagekit.io/v1/files'
const post = { ...get, method: 'POST' } as const

describe('request: a JSON body is JSON data, checked where it is wrong', () => {
  it('sends null, a Date as its text, and leaves undefined members out', async () => {
    const { fetch, bodies } = stub(() => json({ ok: true }))
    const body = { a: null, b: undefined, d: new Date(0), l: [1, 'x', false] }
    await run({ privateKey: KEY, fetch }, { ...post, json: body })
    expect(bodies).toStrictEqual(['{"a":null,"d":"1970-01-01T00:00:00.000Z","l":[1,"x",false]}'])
  })

  const cyclic: Record<string, unknown> = {}
  cyclic['self'] = cyclic
  it.each([
    ['NaN', { price: NaN }, 'request.json.price', JSON_DATA],
    ['Infinity', { list: [1, Infinity] }, 'request.json.list[1]', JSON_DATA],
    ['a Symbol', { s: Symbol('s') }, 'request.json.s', JSON_DATA],
    ['a function', { f: () => 1 }, 'request.json.f', JSON_DATA],
    ['a BigInt', { n: 1n }, 'request.json.n', JSON_DATA],
    // JSON.stringify itself finds a cycle (the check runs inside it), so the whole body is named.
    ['a cycle', { c: cyclic }, 'request.json', 'could not be read'],
    ['undefined in an array', { list: [1, undefined] }, 'request.json.list[1]', JSON_DATA],
    ['a nested function', { a: { b: [{ f: () => 1 }] } }, 'request.json.a.b[0].f', JSON_DATA],
  ])('refuses %s before sending anything', async (_title, body, path, message) => {
    const { fetch, calls } = stub(() => json({ ok: true }))
    expect(await run({ privateKey: KEY, fetch }, { ...post, json: body })).toStrictEqual(
      validation(path, message),
    )
    expect(calls).toHaveLength(0)
  })
})

describe('request: signals', () => {
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
    [
      'aborted throws',
      Object.defineProperty(
        { addEventListener: () => undefined, removeEventListener: () => undefined },
        'aborted',
        {
          get: boom,
        },
      ),
    ],
  ])('refuses a signal whose %s, before sending anything', async (_title, signal) => {
    const { fetch, calls } = stub(() => json({ ok: true }))
    expect(
      await run({ privateKey: KEY, fetch }, { ...get, signal } as unknown as HttpRequest<unknown>),
    ).toStrictEqual(validation('request.signal', 'must be an AbortSignal'))
    expect(calls).toHaveLength(0)
  })

  /** A signal whose `member` works `n` times, then throws an error that carries the key. */
  const failingAfter = (member: 'aborted' | 'addEventListener' | 'removeEventListener', n: number) => {
    let uses = 0
    const use = <A>(value: A): A => {
      if (uses++ >= n) throw new Error(`signal broke, key ${KEY}`)
      return value
    }
    const signal = { addEventListener: () => undefined, removeEventListener: () => undefined, aborted: false }
    if (member === 'aborted') return Object.defineProperty(signal, 'aborted', { get: () => use(false) })
    return { ...signal, [member]: () => use(undefined) }
  }
  const members = ['aborted', 'addEventListener', 'removeEventListener'] as const
  it.each(members.flatMap((member) => [1, 2, 3, 4, 5].map((n) => [member, n] as const)))(
    'resolves to a Left or a Right without the key when %s breaks after %i uses',
    async (member, n) => {
      const { fetch } = stub(() => json({ ok: true }))
      const signal = failingAfter(member, n)
      // `run` fails the test if any form of the key is in the result; `request` must never reject.
      const result = await run({ privateKey: KEY, fetch }, {
        ...get,
        signal,
      } as unknown as HttpRequest<unknown>)
      expect(['Left', 'Right']).toContain(result._tag)
    },
  )
})

describe('request: URLs in errors are bounded', () => {
  const long = `${URL}?q=${'x'.repeat(100_000)}`
  const shown = `${long.slice(0, 2048)}…`
  const search = { ...get, searchParams: { q: 'x'.repeat(100_000) } }

  it('cuts HttpError.url to 2,048 characters', async () => {
    const { fetch } = stub(() => json({ message: 'Request Header Fields Too Large' }, { status: 431 }))
    expect(await run({ privateKey: KEY, fetch, retry: 0 }, search)).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'HttpError',
        status: 431,
        message: 'Request Header Fields Too Large',
        body: { message: 'Request Header Fields Too Large' },
        url: shown,
      },
    })
  })

  it('cuts the URL in a NetworkError message', async () => {
    const { fetch } = stub(() => Promise.reject(new TypeError('fetch failed')))
    const result = await run({ privateKey: KEY, fetch, retry: 0 }, search)
    expect(result._tag === 'Left' && result.left.message).toBe(`GET ${shown} failed: fetch failed`)
  })

  it('keeps a URL of 2,048 characters whole', async () => {
    const q = 'x'.repeat(2048 - `${URL}?q=`.length)
    const { fetch } = stub(() => json({ message: 'no' }, { status: 400 }))
    const result = await run({ privateKey: KEY, fetch, retry: 0 }, { ...get, searchParams: { q } })
    expect(result._tag === 'Left' && result.left._tag === 'HttpError' && result.left.url).toBe(
      `${URL}?q=${q}`,
    )
  })
})

describe('request: a short private key does not mangle error text', () => {
  it('leaves "imagekit" in the URL whole with the key "k", and still redacts the key standing alone', async () => {
    const { fetch } = stub(() => json({ message: 'bad key k.' }, { status: 401 }))
    expect(await request({ privateKey: 'k', fetch, retry: 0 } as TransportConfig, get)()).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'HttpError',
        status: 401,
        message: 'bad key [redacted].',
        body: { message: 'bad key [redacted].' },
        url: URL,
      },
    })
  })
})

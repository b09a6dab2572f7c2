// The key must be redacted before any text is cut or rewritten, in its encoded forms too,
// and a cause must be walked through its getters. Each reply here echoes the key in a way the old redaction
// (three exact forms, after the cuts) let through.
import { describe, expect, it } from 'vitest'
import * as t from 'io-ts'
import { keyForms } from './test-support/secrets'
import { request } from './request'
import { get, json, KEY, Ok, run, stub } from './test-support/stub'

const cfg = (fetch: typeof globalThis.fetch) => ({ privateKey: KEY, fetch, retry: 0 })
const URL = 'https://api.imagekit.io/v1/files'
/** KEY with an HTML tag in its middle. */
const TAGGED = `${KEY.slice(0, 8)}<b>${KEY.slice(8)}</b>`

describe('request: redaction', () => {
  it('redacts a key that straddles the 120-character message cut', async () => {
    const { fetch } = stub(() => new Response(`${'x'.repeat(115)}${KEY} tail`, { status: 400 }))
    expect(await run(cfg(fetch), get)).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'HttpError',
        status: 400,
        message: `HTTP 400: ${'x'.repeat(115)}[reda…`,
        body: `${'x'.repeat(115)}[redacted] tail`,
        url: URL,
      },
    })
  })

  it('redacts a key that straddles the 4,096-character body cut', async () => {
    const { fetch } = stub(() => new Response(`${'e'.repeat(4090)}${KEY}`, { status: 400 }))
    const result = await run(cfg(fetch), get)
    expect(result._tag === 'Left' && result.left._tag === 'HttpError' && result.left.body).toBe(
      `${'e'.repeat(4090)}[redac`,
    )
  })

  it('redacts a key split by HTML tags before the tags are stripped', async () => {
    const page = `<html><body><p>bad key ${TAGGED}</p></body></html>`
    const { fetch } = stub(
      () => new Response(page, { status: 502, headers: { 'content-type': 'text/html' } }),
    )
    expect(await run(cfg(fetch), get)).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'HttpError',
        status: 502,
        message: 'HTTP 502: bad key [redacted]',
        body: '<html><body><p>bad key [redacted]</b></p></body></html>',
        url: URL,
      },
    })
  })

  it.each(keyForms(KEY).map((form, i) => [i, form]))(
    'redacts form %i of the key (%s) that an error body echoes',
    async (_i, form) => {
      const { fetch } = stub(() => json({ message: `bad key ${form}.` }, { status: 401 }))
      expect(await run(cfg(fetch), get)).toStrictEqual({
        _tag: 'Left',
        left: {
          _tag: 'HttpError',
          status: 401,
          message: 'bad key [redacted].',
          body: { message: 'bad key [redacted].' },
          url: URL,
        },
      })
    },
  )

  it('withholds a cause whose enumerable getter returns the key', async () => {
    const error = new TypeError('fetch failed')
    Object.defineProperty(error, 'detail', { enumerable: true, get: () => `sent ${KEY}` })
    const { fetch } = stub(() => Promise.reject(error))
    expect(await run(cfg(fetch), get)).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'NetworkError',
        reason: 'Transport',
        message: `GET ${URL} failed: fetch failed`,
        cause: {
          name: 'TypeError',
          message: 'the original error mentioned the credentials and was withheld',
        },
      },
    })
  })

  it('withholds a cause whose message getter (on its prototype) returns the key', async () => {
    class Sneaky extends Error {
      override get message() {
        return KEY.slice(0, 5) + KEY.slice(5)
      }
    }
    const { fetch } = stub(() => Promise.reject(new Sneaky()))
    const result = await run(cfg(fetch), get)
    expect(result._tag === 'Left' && result.left._tag === 'NetworkError' && result.left.cause).toStrictEqual({
      name: 'Error',
      message: 'the original error mentioned the credentials and was withheld',
    })
  })

  it('redacts a key that straddles the 60-character value cut of a DecodeError message', async () => {
    const { fetch } = stub(() => json({ ok: `${'v'.repeat(55)}${KEY}` }))
    const result = await run(cfg(fetch), get)
    expect(result._tag === 'Left' && result.left._tag === 'DecodeError' && result.left.message).toBe(
      `the response to GET ${URL} does not match { ok: boolean }: ok: expected boolean, got "${'v'.repeat(55)}[red…`,
    )
  })

  it('redacts a key that straddles the 200-character cut of a body that is not JSON', async () => {
    const { fetch } = stub(() => new Response(`<${'n'.repeat(195)}${KEY}`, { status: 200 }))
    const result = await run(cfg(fetch), { ...get, codec: t.unknown })
    expect(result._tag === 'Left' && result.left._tag === 'DecodeError' && result.left.errors[0]?.value).toBe(
      `<${'n'.repeat(195)}[red…`,
    )
  })

  it('keeps a 2xx body that mentions the key as it is (only errors are redacted)', async () => {
    const { fetch } = stub(() => json({ ok: true }))
    expect(await run(cfg(fetch), { ...get, codec: Ok })).toMatchObject({ _tag: 'Right' })
  })
})

describe('request: a decode error is redacted once', () => {
  it('scrubs each value a DecodeError carries once (the decode step redacts it; the call does not again)', async () => {
    let reads = 0
    const value = {
      toJSON: () => {
        reads++
        return 'x'
      },
    }
    const codec = new t.Type<never>(
      'Counted',
      t.never.is,
      (_u, c) => t.failure(value, c, 'counted'),
      () => undefined as never,
    )
    const { fetch } = stub(() => json({ ok: true }))
    const result = await request(cfg(fetch), { ...get, codec })()
    expect(reads).toBe(1)
    expect(result._tag === 'Left' && result.left.message).toBe(
      `the response to GET ${URL} does not match Counted: (root): counted`,
    )
  })
})

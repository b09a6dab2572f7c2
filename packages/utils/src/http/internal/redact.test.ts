import { describe, expect, it } from 'vitest'
import * as t from 'io-ts'
import { decodeError, httpError, networkError } from '../../errors'
import { mentionsSecret, redact, scrubErrors, scrubText, secretForms } from './redact'

const SECRETS = ['private_k', 'cHJpdmF0ZV9rOg==']

describe('mentionsSecret', () => {
  const cyclic: Record<string, unknown> = { a: 'x' }
  cyclic['self'] = cyclic
  const deep = (n: number): unknown => (n === 0 ? 'private_k' : { next: deep(n - 1) })
  const withCause = new Error('outer', { cause: new Error('inner private_k') })
  const hidden = new Error('plain')
  Object.defineProperty(hidden, 'detail', { value: 'Basic cHJpdmF0ZV9rOg==', enumerable: false })
  it.each([
    ['a plain string without it', 'hello', false],
    ['a string with it', 'key=private_k', true],
    ['a cyclic object without it', cyclic, false],
    ['an Error whose cause mentions it', withCause, true],
    ['a non-enumerable property with the header', hidden, true],
    ['a Request (headers unreachable)', new Request('https://x.invalid'), true],
    ['a Headers object', new Headers({ a: 'b' }), true],
    ['a Map holding it', new Map([['k', 'private_k']]), true],
    ['a value nested beyond the depth limit', deep(20), true],
    ['a number', 42, false],
    ['null', null, false],
  ])('says %s: %s', (_name, value, expected) => {
    expect(mentionsSecret(value, SECRETS)).toBe(expected)
  })

  it('compiles the pattern of the secrets once per walk, not once per string it meets', () => {
    const value = { list: Array.from({ length: 50 }, (_, i) => `value ${i}`) }
    const Original = globalThis.RegExp
    let built = 0
    globalThis.RegExp = new Proxy(Original, {
      construct: (target, args: [string, string]) => {
        built++
        return Reflect.construct(target, args) as object
      },
    })
    try {
      expect(mentionsSecret(value, SECRETS)).toBe(false)
    } finally {
      globalThis.RegExp = Original
    }
    expect(built).toBe(1)
  })
})

describe('redact', () => {
  it('replaces secrets in message, help, url and body but leaves tags and status', () => {
    const e = httpError({
      status: 400,
      message: 'bad private_k',
      help: 'cHJpdmF0ZV9rOg== rejected',
      body: { message: 'bad private_k', nested: ['private_k'] },
      url: 'https://x.invalid/',
    })
    expect(redact(e, SECRETS)).toStrictEqual({
      _tag: 'HttpError',
      status: 400,
      message: 'bad [redacted]',
      help: '[redacted] rejected',
      body: { message: 'bad [redacted]', nested: ['[redacted]'] },
      url: 'https://x.invalid/',
    })
  })

  it('redacts a secret that JSON escapes inside a body', () => {
    const secrets = ['a"b\\c']
    const e = httpError({ status: 400, message: 'x', body: { echoed: 'a"b\\c' }, url: 'https://x.invalid/' })
    expect(redact(e, secrets)).toStrictEqual({ ...e, body: { echoed: '[redacted]' } })
  })

  it('redacts a secret with quotes and backslashes inside a message', () => {
    const secrets = ['a"b\\c']
    const e = networkError('Transport', 'x \\a"b\\c y', null)
    expect(redact(e, secrets)).toStrictEqual({ ...e, message: 'x \\[redacted] y' })
  })

  it('withholds a cause that mentions a secret and keeps one that does not', () => {
    const bad = networkError('Transport', 'failed', new TypeError('private_k'))
    const good = networkError('Transport', 'failed', new TypeError('fetch failed'))
    expect(redact(bad, SECRETS)).toStrictEqual({
      ...bad,
      cause: { name: 'TypeError', message: 'the original error mentioned the credentials and was withheld' },
    })
    expect(redact(good, SECRETS).cause).toBe(good.cause)
  })

  it('returns the error unchanged when no key was sent', () => {
    const e = networkError('Timeout', 'private_k', null)
    expect(redact(e, [])).toBe(e)
  })

  it('redacts secrets in the values a DecodeError carries and keeps its codecs', () => {
    const codec = t.type({ name: t.string })
    const body = { name: 42, echoed: 'private_k' }
    const decoded = codec.decode(body)
    if (decoded._tag === 'Right') throw new Error('expected the codec to fail')
    const e = decodeError(decoded.left, 'does not match')
    const out = redact(e, SECRETS)
    const scrubbed = { name: 42, echoed: '[redacted]' }
    expect(out).toStrictEqual({
      ...e,
      errors: [
        {
          value: 42,
          context: [
            { key: '', type: codec, actual: scrubbed },
            { key: 'name', type: codec.props.name, actual: 42 },
          ],
          message: undefined,
        },
      ],
    })
    expect(out.errors[0]?.context[0]?.type).toBe(codec)
    expect(JSON.stringify(out)).not.toContain('private_k')
  })

  it('scrubs a value that several errors share once, so that they still share one copy', () => {
    // A strict reading gives one error per finding, each with the whole body in its context: scrubbing the body
    // for each error again made a 1,000-finding reply of 1 MB take 54 s.
    const body = { items: [{ size: 'x' }, { size: 'y' }], echoed: 'private_k' }
    const at = (key: string, actual: unknown) => ({ key, type: t.unknown, actual })
    const errors: t.Errors = ['x', 'y'].map((v, i) => ({
      value: v,
      context: [at('', body), at(`items[${i}].size`, v)],
      message: 'expected number',
    }))
    const out = scrubErrors(errors, SECRETS)
    const scrubbed = { items: [{ size: 'x' }, { size: 'y' }], echoed: '[redacted]' }
    expect(out).toStrictEqual(
      ['x', 'y'].map((v, i) => ({
        value: v,
        context: [at('', scrubbed), at(`items[${i}].size`, v)],
        message: 'expected number',
      })),
    )
    expect(out[1]?.context[0]?.actual).toBe(out[0]?.context[0]?.actual)
  })
})

describe('scrubText: short and long keys', () => {
  it('leaves ordinary words whole with a short key, and redacts the key where it stands alone', () => {
    const forms = secretForms('k')
    expect(scrubText('GET https://api.imagekit.io/v1/files failed', forms)).toBe(
      'GET https://api.imagekit.io/v1/files failed',
    )
    expect(scrubText('key=k&x, (k).', forms)).toBe('key=[redacted]&x, ([redacted]).')
    expect(mentionsSecret(new TypeError('fetch failed: api.imagekit.io'), forms)).toBe(false)
  })

  it('redacts a key of 8 characters or more inside other text and split by tags', () => {
    const forms = secretForms('private_k')
    expect(scrubText('xxprivate_kyy and pri<b>vate_k', forms)).toBe('xx[redacted]yy and [redacted]')
  })
})

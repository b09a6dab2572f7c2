import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import ImageKitNode from '@imagekit/nodejs'
import { buildUrl } from './buildUrl'
import { signUrl } from './signUrl'
import { getResponsiveImageAttributes } from './getResponsiveImageAttributes'

// Contract properties of the three URL functions: nothing throws for any input, every Left is a
// ValidationError naming a config/options field, the private key never leaks, and the cheap endpoint
// parser agrees with WHATWG URL parsing.

const n7 = new ImageKitNode({ privateKey: 'k' })
const KEY = 'sk_priv_7f3a9c2e1b8d4f60'

const weird = fc.oneof(
  fc.anything({
    withBoxedValues: true,
    withNullPrototype: true,
    withSparseArray: true,
    withMap: true,
    withSet: true,
    withBigInt: true,
    withDate: true,
    withTypedArray: true,
    key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'width', 'overlay', 'raw', 'tr')),
  }),
  fc.constant(Symbol('s')),
  fc.constant(() => 1),
  fc.constant('x'.repeat(100_000)),
  fc.constant(JSON.parse('{"__proto__": {"path": "/polluted"}, "path": "/a"}') as unknown),
)
const field = (arb: fc.Arbitrary<unknown>) => fc.oneof(weird, arb)
const configArb = fc.oneof(
  weird,
  fc.record(
    {
      urlEndpoint: field(
        fc.constantFrom('https://ik.imagekit.io/demo', 'https://IK.imagekit.io/demo/', 'nope', ''),
      ),
      transformationPosition: field(fc.constantFrom('path', 'query', 'middle')),
      privateKey: field(fc.constantFrom(KEY, '')),
      now: field(
        fc.constantFrom(
          () => 1e12,
          () => NaN,
        ),
      ),
    },
    { requiredKeys: [] },
  ),
)
const optionsArb = fc.oneof(
  weird,
  fc.record(
    {
      path: field(fc.constantFrom('/a.jpg', '/a b?x=1#y', '', '/../x', '\uD800')),
      src: field(
        fc.constantFrom('https://ik.imagekit.io/demo/a.jpg', 'https://', '/a.jpg', 'https://x.io/a#b'),
      ),
      urlEndpoint: field(fc.constant('https://cdn.example.com')),
      transformation: field(
        fc.array(fc.dictionary(fc.constantFrom('width', 'overlay', 'raw', '__proto__'), weird)),
      ),
      transformationPosition: field(fc.constantFrom('path', 'query')),
      queryParameters: field(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), weird))),
      signed: field(fc.boolean()),
      expireSeconds: field(fc.integer({ min: -5, max: 5 })),
      sizes: field(fc.constantFrom('50vw', '')),
      width: field(fc.integer({ min: -1, max: 5000 })),
      deviceBreakpoints: field(fc.array(fc.integer({ min: -1, max: 5000 }))),
      imageBreakpoints: field(fc.array(fc.integer({ min: -1, max: 5000 }))),
    },
    { requiredKeys: [] },
  ),
)

const checkLeft = (r: { _tag: string; left?: unknown }) => {
  if (r._tag === 'Right') return
  const e = r.left as { _tag: string; path: string; message: string }
  expect(Object.keys(e)).toStrictEqual(['_tag', 'path', 'message'])
  expect(e._tag).toBe('ValidationError')
  expect(e.path).toMatch(/^(config|options)(\.|\[|$)/)
  expect(typeof e.message).toBe('string')
}

describe('URL functions on any input', () => {
  it('never throw and only return ValidationErrors naming a config or options field', () => {
    fc.assert(
      fc.property(configArb, optionsArb, (config, options) => {
        const c = config as never
        const o = options as never
        for (const r of [buildUrl(c, o), signUrl(c, o), getResponsiveImageAttributes(c, o)]) checkLeft(r)
      }),
      { numRuns: 1500 },
    )
  })

  it('never throw for a proxy that throws on every access', () => {
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error(KEY)
        },
        ownKeys() {
          throw new Error(KEY)
        },
      },
    )
    const ok = { urlEndpoint: 'https://ik.imagekit.io/demo', privateKey: KEY }
    for (const [c, o] of [
      [trap, { path: '/a' }],
      [ok, trap],
      [ok, { path: '/a', queryParameters: trap }],
      [ok, { path: '/a', transformation: [trap] }],
    ] as const) {
      for (const r of [
        buildUrl(c as never, o as never),
        signUrl(c as never, o as never),
        getResponsiveImageAttributes(c as never, o as never),
      ]) {
        expect(r._tag).toBe('Left')
        checkLeft(r)
        expect(JSON.stringify(r)).not.toContain(KEY)
      }
    }
  })

  it('never put the private key in a signed URL or an error', () => {
    fc.assert(
      fc.property(configArb, optionsArb, (config, options) => {
        const c = typeof config === 'object' && config !== null ? { ...config, privateKey: KEY } : config
        const out = JSON.stringify(signUrl(c as never, options as never))
        expect(out).not.toContain(KEY)
      }),
      { numRuns: 1000 },
    )
  })
})

describe('endpoint parsing', () => {
  const label = fc.oneof(
    fc.stringMatching(/^[a-zA-Z0-9-]{1,6}$/),
    fc.constantFrom('xn--bcher-kva', 'xn--a', 'bücher', '0x7f', '1', '255', 'a_b', ''),
  )
  const endpoint = fc
    .tuple(
      fc.constantFrom('https://', 'http://', 'HTTPS://', 'Http://', 'https:/', 'ftp://', ' https://'),
      fc.array(label, { minLength: 1, maxLength: 4 }),
      fc.constantFrom('', '.', ':443', ':80', ':8080', ':'),
      fc.array(fc.stringMatching(/^[a-zA-Z0-9._~%é \-!$&'()*+,;=:@]{0,5}$/), { maxLength: 3 }),
      fc.constantFrom('', '/', '?v=1', '#f'),
    )
    .map(
      ([scheme, labels, port, segs, tail]) =>
        scheme + labels.join('.') + port + (segs.length ? '/' + segs.join('/') : '') + tail,
    )

  it('normalises an endpoint exactly as WHATWG URL parsing does (oracle: @imagekit/nodejs 7)', () => {
    fc.assert(
      fc.property(endpoint, (urlEndpoint) => {
        const ours = buildUrl({ urlEndpoint }, { path: '/x.jpg' })
        let parsed: URL | undefined
        try {
          parsed = new URL(urlEndpoint)
        } catch {
          parsed = undefined
        }
        if (ours._tag === 'Right') expect(ours.right).toBe(n7.helper.buildSrc({ urlEndpoint, src: '/x.jpg' }))
        else
          expect(
            parsed === undefined ||
              !/^https?:$/.test(parsed.protocol) ||
              parsed.username !== '' ||
              parsed.password !== '' ||
              parsed.href.includes('#'),
          ).toBe(true)
      }),
      { numRuns: 3000 },
    )
  })
})

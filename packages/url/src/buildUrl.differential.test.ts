import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import ImageKit from 'imagekit'
import ImageKitNode from '@imagekit/nodejs'
import { buildSrc as j5 } from '@imagekit/javascript'
import { validationError } from '@imagekit-fp/utils'
import { buildUrl, type BuildUrlOptions } from './buildUrl'
import { signUrl } from './signUrl'
import {
  CLASSIC_KEYS,
  path,
  plainPath,
  position,
  queryParameters,
  segment,
  transformation,
} from './test-support/urlArbitraries'

// Oracles: `imagekit` 6 (N6, the classic SDK: default position path, signs only with `signed: true`)
// must give identical strings wherever docs/DESIGN.md (URLs) does not deliberately differ. `@imagekit/nodejs` 7 (N7)
// and `@imagekit/javascript` 5.5.1 (J5) write `tr` raw into the query, so they are compared with our
// query `tr` decoded, on inputs whose path and transformation every SDK leaves unencoded.

// The current SDKs dropped `rotate`, and write `di-` for a falsy defaultImage (a serializer quirk).
const CURRENT_KEYS = CLASSIC_KEYS.slice(0, 24).filter((k) => k !== 'rotate' && k !== 'defaultImage')
// A `#` in a src starts its fragment, which buildUrl rejects.
const srcPath = path.filter((p) => !p.includes('#'))
const KEY = 'dummy-key'
const NOW = 1_700_000_123_456
const n6 = (urlEndpoint: string, opts: object): string =>
  new ImageKit({ publicKey: 'pub', privateKey: KEY, urlEndpoint }).url(opts as never)
const n7client = new ImageKitNode({ privateKey: KEY })
const n7 = (opts: object): string => n7client.helper.buildSrc(opts as never)
const ok = (url: string) => ({ _tag: 'Right', right: url })

// The classic endpoints (no trailing slash, not the root: N6 doubles the slash there, see below).
const classicEndpoint = fc.constantFrom(
  'https://ik.imagekit.io/demo',
  'https://ik.imagekit.io/your_imagekit_id/endpoint',
  'http://localhost:8080/img',
  'https://cdn.example.com/a/b',
)
const anyEndpoint = fc.constantFrom(
  'https://ik.imagekit.io/demo',
  'https://ik.imagekit.io/demo/',
  'https://ik.imagekit.io',
  'https://ik.imagekit.io/your_imagekit_id/endpoint/',
  'http://localhost:8080/img',
)
const VALUE_CHARS = 'abcXYZ019_. é'
const PLAIN_CHARS = 'abcXYZ019_.'
// Keys disjoint from the queryParameters keys: imagekit 6 overwrites a src parameter of the same name.
const canonicalQuery = fc.option(
  fc
    .array(fc.tuple(fc.stringMatching(/^[cdefg]{1,3}$/), fc.stringMatching(/^[a-z0-9]{0,3}$/)), {
      minLength: 1,
      maxLength: 2,
    })
    .map((pairs) => '?' + pairs.map(([k, v]) => `${k}=${v}`).join('&')),
  { nil: '' },
)

// Our query `tr` decoded, as N7 and J5 write it.
const rawTr = (url: string) =>
  url.replace(/([?&]tr=)([^&]*)/, (_, p: string, v: string) => p + decodeURIComponent(v))

describe('buildUrl and signUrl against the official SDKs', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('builds the same path URL as imagekit 6', () => {
    fc.assert(
      fc.property(
        classicEndpoint,
        path,
        transformation(CLASSIC_KEYS, VALUE_CHARS),
        queryParameters,
        position,
        (urlEndpoint, p, t, q, pos) => {
          const opts = {
            path: p,
            transformation: t,
            queryParameters: q,
            ...(pos ? { transformationPosition: pos } : {}),
          }
          expect(buildUrl({ urlEndpoint }, opts)).toStrictEqual(ok(n6(urlEndpoint, opts)))
        },
      ),
      { numRuns: 400 },
    )
  })

  it('builds the same src URL as imagekit 6', () => {
    fc.assert(
      fc.property(
        classicEndpoint,
        fc.constantFrom('', 'https://other.example.com/x'),
        srcPath,
        canonicalQuery,
        transformation(CLASSIC_KEYS, VALUE_CHARS),
        queryParameters,
        position,
        (urlEndpoint, host, p, query, t, q, pos) => {
          const src = (host || urlEndpoint) + p + query
          const opts = {
            src,
            transformation: t,
            queryParameters: q,
            ...(pos ? { transformationPosition: pos } : {}),
          }
          expect(buildUrl({ urlEndpoint }, opts)).toStrictEqual(ok(n6(urlEndpoint, opts)))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('signs exactly like imagekit 6 with signed: true, with and without expiry', () => {
    fc.assert(
      fc.property(
        classicEndpoint,
        fc.boolean(),
        srcPath,
        canonicalQuery,
        transformation(CLASSIC_KEYS, VALUE_CHARS),
        queryParameters,
        position,
        fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined }),
        (urlEndpoint, useSrc, p, query, t, q, pos, expireSeconds) => {
          const image = useSrc ? { src: urlEndpoint + p + query } : { path: p }
          const opts = {
            ...image,
            transformation: t,
            queryParameters: q,
            signed: true,
            ...(pos ? { transformationPosition: pos } : {}),
            ...(expireSeconds ? { expireSeconds } : {}),
          }
          expect(signUrl({ urlEndpoint, privateKey: KEY }, opts)).toStrictEqual(ok(n6(urlEndpoint, opts)))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('builds the same path-position URL as @imagekit/nodejs 7, and the same query URL with tr decoded', () => {
    fc.assert(
      fc.property(
        anyEndpoint,
        plainPath,
        transformation(CURRENT_KEYS, PLAIN_CHARS, false),
        queryParameters,
        fc.constantFrom('path' as const, 'query' as const),
        (urlEndpoint, src, t, q, pos) => {
          const ours = buildUrl(
            { urlEndpoint },
            { path: src, transformation: t, queryParameters: q, transformationPosition: pos },
          )
          const theirs = n7({
            urlEndpoint,
            src,
            transformation: t,
            queryParameters: q,
            transformationPosition: pos,
          })
          expect(ours._tag === 'Right' ? rawTr(ours.right) : ours).toBe(theirs)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('signs path-position URLs like @imagekit/nodejs 7 (expiresIn = expireSeconds)', () => {
    fc.assert(
      fc.property(
        anyEndpoint,
        fc.oneof(plainPath, path),
        transformation(CURRENT_KEYS, PLAIN_CHARS, false),
        fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined }),
        (urlEndpoint, src, t, expireSeconds) => {
          const ours = signUrl(
            { urlEndpoint, privateKey: KEY },
            {
              path: src,
              transformation: t,
              transformationPosition: 'path',
              ...(expireSeconds ? { expireSeconds } : {}),
            },
          )
          const theirs = n7({
            urlEndpoint,
            src,
            transformation: t,
            transformationPosition: 'path',
            signed: true,
            expiresIn: expireSeconds,
          })
          expect(ours).toStrictEqual(ok(theirs))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('builds the same URL as @imagekit/javascript buildSrc, with tr decoded', () => {
    fc.assert(
      fc.property(
        anyEndpoint.filter((e) => e !== 'https://ik.imagekit.io'),
        plainPath,
        transformation(CURRENT_KEYS, PLAIN_CHARS, false),
        queryParameters,
        fc.constantFrom('path' as const, 'query' as const),
        (urlEndpoint, src, t, q, pos) => {
          const ours = buildUrl(
            { urlEndpoint },
            { path: src, transformation: t, queryParameters: q, transformationPosition: pos },
          )
          const theirs = j5({
            urlEndpoint,
            src,
            transformation: t,
            queryParameters: q as Record<string, string | number>,
            transformationPosition: pos,
          })
          expect(ours._tag === 'Right' ? rawTr(ours.right) : ours).toBe(theirs)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('encodes a path exactly as the WHATWG pathname setter of @imagekit/nodejs 7 does', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            segment,
            fc.string({ maxLength: 6 }).filter((s) => !s.includes('?')),
          ),
          { maxLength: 4 },
        ),
        (segs) => {
          const p = '/' + segs.join('/')
          expect(buildUrl({ urlEndpoint: 'https://ik.imagekit.io/demo' }, { path: p })).toStrictEqual(
            ok(n7({ urlEndpoint: 'https://ik.imagekit.io/demo', src: p })),
          )
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('deliberate differences from the official SDKs', () => {
  const D = 'https://ik.imagekit.io/demo'
  afterEach(() => {
    vi.useRealTimers()
  })

  it('does not double the slash after an endpoint ending in / (imagekit 6 bug)', () => {
    const opts = { path: '/a.jpg' }
    expect(buildUrl({ urlEndpoint: `${D}/` }, opts)).toStrictEqual(ok(`${D}/a.jpg`))
    expect(n6(`${D}/`, opts)).toBe(`${D}//a.jpg`)
  })

  it('drops empty steps instead of writing tr::', () => {
    const opts = { path: '/a.jpg', transformation: [{}, { width: null }, { width: 1 }] }
    expect(buildUrl({ urlEndpoint: D }, opts)).toStrictEqual(ok(`${D}/tr:w-1/a.jpg`))
    expect(n6(D, opts)).toBe(`${D}/tr:::w-1/a.jpg`)
  })

  it('adds no tr when every step is empty', () => {
    const opts = { path: '/a.jpg', transformation: [{}, {}] }
    expect(buildUrl({ urlEndpoint: D }, opts)).toStrictEqual(ok(`${D}/a.jpg`))
    expect(buildUrl({ urlEndpoint: D }, { path: '/a.jpg', transformation: [{}] })).toStrictEqual(
      ok(`${D}/a.jpg`),
    )
    expect(n6(D, opts)).toBe(`${D}/tr::/a.jpg`)
  })

  it('starts a real query at a ? in the path', () => {
    const opts = { path: '/a.jpg?client=123' }
    expect(buildUrl({ urlEndpoint: D }, opts)).toStrictEqual(ok(`${D}/a.jpg?client=123`))
    expect(n6(D, opts)).toBe(`${D}/a.jpg%3Fclient=123`)
    expect(n7({ urlEndpoint: D, src: '/a.jpg?client=123' })).toBe(`${D}/a.jpg%3Fclient=123`)
  })

  it('signs when expireSeconds is set without signed (imagekit 6 ignores the expiry)', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
    const r = signUrl({ urlEndpoint: D, privateKey: KEY }, { path: '/a.jpg', expireSeconds: 60 })
    expect(r).toStrictEqual(
      ok(
        `${D}/a.jpg?ik-t=1700000183&ik-s=${n7({ urlEndpoint: D, src: '/a.jpg', expiresIn: 60 }).slice(-40)}`,
      ),
    )
    expect(n6(D, { path: '/a.jpg', expireSeconds: 60 })).toBe(`${D}/a.jpg`)
  })

  it('emits the bare code for a true flag', () => {
    const opts = { path: '/a.jpg', transformation: [{ effectGray: true, effectSharpen: true }] }
    expect(buildUrl({ urlEndpoint: D }, opts)).toStrictEqual(ok(`${D}/tr:e-grayscale,e-sharpen/a.jpg`))
    expect(n6(D, opts)).toBe(`${D}/tr:e-grayscale-true,e-sharpen-true/a.jpg`)
  })

  it('refuses to sign in buildUrl instead of returning an unsigned URL', () => {
    const opts = { path: '/a.jpg', signed: true } as BuildUrlOptions
    expect(buildUrl({ urlEndpoint: D }, opts)).toStrictEqual({
      _tag: 'Left',
      left: validationError('options.signed', 'is only accepted by signUrl'),
    })
    expect(n6(D, opts)).toMatch(/\?ik-s=[0-9a-f]{40}$/)
  })

  it('keeps %XX escapes in a query tr instead of double-encoding them', () => {
    const opts = {
      path: '/a.jpg',
      transformationPosition: 'query' as const,
      transformation: [{ raw: 'l-text,i-a%20b,l-end' }],
    }
    expect(buildUrl({ urlEndpoint: D }, opts)).toStrictEqual(ok(`${D}/a.jpg?tr=l-text%2Ci-a%20b%2Cl-end`))
    expect(n6(D, opts)).toBe(`${D}/a.jpg?tr=l-text%2Ci-a%2520b%2Cl-end`)
  })

  it('keeps the src query as written and appends queryParameters without overwriting', () => {
    const opts = { src: `${D}/a.jpg?flag&a=x%20y`, queryParameters: { a: 'z' } }
    expect(buildUrl({ urlEndpoint: D }, opts)).toStrictEqual(ok(`${D}/a.jpg?flag&a=x%20y&a=z`))
    expect(n6(D, opts)).toBe(`${D}/a.jpg?flag=&a=z`)
  })

  it('form-encodes a query tr where @imagekit/nodejs 7 writes it raw', () => {
    const opts = {
      transformationPosition: 'query' as const,
      transformation: [{ width: 1, height: 2 }, { rotation: 90 }],
    }
    expect(buildUrl({ urlEndpoint: D }, { path: '/a.jpg', ...opts })).toStrictEqual(
      ok(`${D}/a.jpg?tr=w-1%2Ch-2%3Art-90`),
    )
    expect(n7({ urlEndpoint: D, src: '/a.jpg', ...opts })).toBe(`${D}/a.jpg?tr=w-1,h-2:rt-90`)
  })

  it('signs the path for an uppercase-host endpoint (the official SDKs sign the whole URL)', () => {
    const E = 'https://IK.imagekit.io/demo'
    const ours = signUrl({ urlEndpoint: E, privateKey: KEY }, { path: '/a.jpg' })
    expect(ours).toStrictEqual(signUrl({ urlEndpoint: D, privateKey: KEY }, { path: '/a.jpg' }))
    expect(n6(E, { path: '/a.jpg', signed: true })).not.toBe(ours._tag === 'Right' ? ours.right : '')
  })

  it('rejects an unknown transformationPosition (imagekit 6 falls back to path)', () => {
    const opts = { path: '/a.jpg', transformationPosition: 'middle', transformation: [{ width: 1 }] }
    expect(buildUrl({ urlEndpoint: D }, opts as never)).toStrictEqual({
      _tag: 'Left',
      left: validationError('options.transformationPosition', "must be 'path' or 'query'"),
    })
    expect(n6(D, opts)).toBe(`${D}/tr:w-1/a.jpg`)
  })
})

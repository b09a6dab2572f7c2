import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { encodePathname, encodeQuery, formEncode, formEncodeKeepingEscapes, pathNeedsWork } from './encode'

// Every UTF-16 code unit, lone surrogates included.
const anyString = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 12,
})
// Mostly the characters a URL path uses, so that the fast paths are taken often.
const urlish = fc.string({
  unit: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...'aZ09-._~!$&\'()*+,;=:@/%2eE?#[]^|{}` "<>\\'.split('')) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  ),
  maxLength: 16,
})
const setter = (p: string) => {
  const u = new URL('http://h')
  u.pathname = p
  return u.pathname
}

describe('formEncode', () => {
  it('writes a value exactly as URLSearchParams does', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, urlish), (s) => {
        expect(formEncode(s)).toBe(new URLSearchParams({ a: s }).toString().slice(2))
      }),
      { numRuns: 2000 },
    )
  })

  it.each([
    ['h-300,w-400:rt-90', 'h-300%2Cw-400%3Art-90'],
    ["a b!'()~*-._", 'a+b%21%27%28%29%7E*-._'],
    ['\uD800x', '%EF%BF%BDx'],
  ])('encodes %j as %j', (s, expected) => {
    expect(formEncode(s)).toBe(expected)
  })
})

describe('formEncodeKeepingEscapes', () => {
  it('form-encodes everything but existing %XX escapes', () => {
    const piece = fc.oneof(
      fc.stringMatching(/^%[0-9A-Fa-f]{2}$/),
      fc.oneof(anyString, urlish).filter((s) => !s.includes('%')),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 5 }), (pieces) => {
        // Adjacent text pieces are one run (two lone surrogates may join into one code point).
        const runs: string[] = []
        for (const p of pieces)
          if (!p.startsWith('%') && runs.length > 0 && !runs[runs.length - 1]!.startsWith('%'))
            runs[runs.length - 1] += p
          else runs.push(p)
        const expected = runs.map((p) => (p.startsWith('%') ? p : formEncode(p))).join('')
        expect(formEncodeKeepingEscapes(pieces.join(''))).toBe(expected)
      }),
      { numRuns: 1000 },
    )
  })

  it.each([
    ['i-a%20b,50%', 'i-a%20b%2C50%25'],
    ['%2c%zz', '%2c%25zz'],
  ])('encodes %j as %j', (s, expected) => {
    expect(formEncodeKeepingEscapes(s)).toBe(expected)
  })
})

describe('encodeQuery', () => {
  it('encodes exactly as the WHATWG search setter does', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, urlish), (q) => {
        const u = new URL('http://h')
        u.search = '?' + q
        expect(encodeQuery(q)).toBe(u.search.slice(1))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('pathNeedsWork and encodePathname', () => {
  it('only skips text the WHATWG pathname setter leaves unchanged after a slash', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, urlish), (s) => {
        if (!pathNeedsWork(s)) expect(setter('/' + s)).toBe('/' + s)
      }),
      { numRuns: 5000 },
    )
  })

  it('collapses slashes before encoding', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, urlish), (s) => {
        expect(encodePathname('/' + s)).toBe(setter(('/' + s).replace(/\/{2,}/g, '/')))
      }),
      { numRuns: 1000 },
    )
  })

  it.each([
    ['a.jpg', false],
    ["it's%20ok/b", false],
    ['a//b', true],
    ['a/.b', true],
    ['.hidden', true],
    ['/a', true],
    ['a/%2Eb', true],
    ['a b', true],
    ['é', true],
  ])('says %j needs work after a slash: %s', (p, expected) => {
    expect(pathNeedsWork(p)).toBe(expected)
  })
})

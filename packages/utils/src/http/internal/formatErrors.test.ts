import { describe, expect, it } from 'vitest'
import * as t from 'io-ts'
import { formatErrors } from './formatErrors'

const errorsOf = <A>(codec: t.Decoder<unknown, A>, u: unknown): t.Errors => {
  const r = codec.decode(u)
  return r._tag === 'Left' ? r.left : []
}

describe('formatErrors', () => {
  it.each([
    ['a wrong root value', t.string, 42, '(root): expected string, got 42'],
    ['a missing field', t.type({ name: t.string }), {}, 'name: expected string, got undefined'],
    [
      'a nested array element',
      t.type({ files: t.array(t.type({ tags: t.array(t.string) })) }),
      { files: [{ tags: ['a'] }, { tags: ['b', null] }] },
      'files[1].tags[1]: expected string, got null',
    ],
    [
      'a field of an intersection (member indexes are not part of the path)',
      t.intersection([t.type({ a: t.string }), t.partial({ b: t.number })]),
      { a: 'x', b: 'y' },
      'b: expected number, got "y"',
    ],
    ['a record value', t.record(t.string, t.number), { x: 1, y: 'z' }, 'y: expected number, got "z"'],
    [
      'a long value, cut short',
      t.number,
      'x'.repeat(100),
      `(root): expected number, got "${'x'.repeat(59)}…`,
    ],
  ])('describes %s', (_name, codec, value, expected) => {
    expect(formatErrors(errorsOf(codec as t.Decoder<unknown, unknown>, value))).toBe(expected)
  })

  it('lists every member of a failing union', () => {
    expect(formatErrors(errorsOf(t.union([t.string, t.number]), true))).toBe(
      '(root): expected string, got true; (root): expected number, got true',
    )
  })

  it('uses the message an error carries', () => {
    expect(
      formatErrors([{ value: 1, context: [{ key: '', type: t.number, actual: 1 }], message: 'custom' }]),
    ).toBe('(root): custom')
  })

  it('lists ten errors and counts the rest', () => {
    const codec = t.array(t.string)
    const out = formatErrors(
      errorsOf(
        codec,
        Array.from({ length: 13 }, (_, i) => i),
      ),
    )
    expect(out.split('; ')).toHaveLength(11)
    expect(out.endsWith('[9]: expected string, got 9; … and 3 more')).toBe(true)
  })

  it('shows values JSON cannot encode', () => {
    expect(formatErrors(errorsOf(t.string, 10n))).toBe('(root): expected string, got 10n')
    const cyclic: Record<string, unknown> = {}
    cyclic['self'] = cyclic
    expect(formatErrors(errorsOf(t.string, cyclic))).toBe('(root): expected string, got [object Object]')
  })

  it('shows a value that cannot be read at all (a revoked proxy) without throwing', () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(formatErrors(errorsOf(t.string, proxy))).toBe('(root): expected string, got (unreadable)')
  })
})

// The `searchQuery` subset the stand-in understands (README "searchQuery"). Written by hand: no Lucene-like
// parser on npm speaks ImageKit's dialect (`IN [...]`, `"7d"` ages, `1mb` sizes), and a query outside the
// subset must be refused by name rather than answered wrongly.
//
//   query := and (OR and)*          and := atom (AND atom)*          atom := '(' query ')' | field op value
//   (parentheses nest at most 100 deep: the parser recurses per level, and a deeper query is refused)
//   fields: name (= : IN NOT IN NOT =), tags (= IN NOT IN), size, width, height (= > >= < <=, sizes like 1mb),
//           createdAt, updatedAt (= > >= < <=, ISO dates or ages like "7d", "24h", "30m")
import type { StoredFile } from './state'

/** A compiled query: a predicate over files, or why it was refused. */
export type Compiled =
  | { readonly ok: true; readonly test: (f: StoredFile) => boolean }
  | { readonly ok: false; readonly message: string }

type Token =
  | { readonly kind: 'word'; readonly text: string; readonly at: number }
  | { readonly kind: 'string'; readonly text: string; readonly at: number }
  | { readonly kind: 'op'; readonly text: string; readonly at: number }
  | { readonly kind: 'punct'; readonly text: '(' | ')' | '[' | ']' | ','; readonly at: number }

class Refusal {
  constructor(readonly message: string) {}
}

const tokenize = (q: string): Token[] => {
  const out: Token[] = []
  let i = 0
  while (i < q.length) {
    const c = q[i]!
    if (/\s/.test(c)) {
      i++
    } else if (c === '"' || c === "'") {
      const end = q.indexOf(c, i + 1)
      if (end === -1) throw new Refusal(`unterminated string at character ${i + 1}`)
      out.push({ kind: 'string', text: q.slice(i + 1, end), at: i })
      i = end + 1
    } else if ('()[],'.includes(c)) {
      out.push({ kind: 'punct', text: c as '(' | ')' | '[' | ']' | ',', at: i })
      i++
    } else if ('<>=:!'.includes(c)) {
      const two = q.slice(i, i + 2)
      const text = two === '>=' || two === '<=' || two === '!=' ? two : c
      out.push({ kind: 'op', text, at: i })
      i += text.length
    } else {
      const m = /^[^\s()[\],<>=:!"']+/.exec(q.slice(i))!
      out.push({ kind: 'word', text: m[0], at: i })
      i += m[0].length
    }
  }
  return out
}

const SIZE_UNITS: Readonly<Record<string, number>> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }
const AGE_UNITS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000 }

const FIELDS = {
  name: ['=', ':', 'IN', 'NOT IN', 'NOT ='],
  tags: ['=', 'IN', 'NOT IN'],
  size: ['=', '>', '>=', '<', '<='],
  width: ['=', '>', '>=', '<', '<='],
  height: ['=', '>', '>=', '<', '<='],
  createdAt: ['=', '>', '>=', '<', '<='],
  updatedAt: ['=', '>', '>=', '<', '<='],
} as const
type Field = keyof typeof FIELDS

/** How deep parentheses may nest. */
const MAX_DEPTH = 100

const compare = (op: string, a: number, b: number): boolean =>
  op === '=' ? a === b : op === '>' ? a > b : op === '>=' ? a >= b : op === '<' ? a < b : a <= b

/** A cursor over the tokens of `query`. */
interface Cursor {
  readonly query: string
  readonly tokens: readonly Token[]
  i: number
}

const peek = (c: Cursor) => c.tokens[c.i]

/** How an error names where it is: the rest of the query from token `t`. */
const partFrom = (c: Cursor, t: Token | undefined) =>
  t === undefined ? 'end of query' : `"${c.query.slice(t.at)}"`

/** Consumes `word` (any case) when it is next. */
const keyword = (c: Cursor, word: string) => {
  const t = peek(c)
  if (t?.kind === 'word' && t.text.toUpperCase() === word) {
    c.i++
    return true
  }
  return false
}

/** A `[a, b, …]` list, its `[` consumed. */
const list = (c: Cursor): readonly string[] => {
  const items: string[] = []
  for (;;) {
    const item = c.tokens[c.i++]
    if (item?.kind !== 'string' && item?.kind !== 'word')
      throw new Refusal(`expected a list value at ${partFrom(c, item)}`)
    items.push(item.text)
    const next = c.tokens[c.i++]
    if (next?.kind === 'punct' && next.text === ']') return items
    if (next?.kind !== 'punct' || next.text !== ',')
      throw new Refusal(`expected "," or "]" at ${partFrom(c, next)}`)
  }
}

const value = (c: Cursor): string | number | readonly string[] => {
  const t = c.tokens[c.i++]
  if (t?.kind === 'string') return t.text
  if (t?.kind === 'word') return t.text
  if (t?.kind === 'punct' && t.text === '[') return list(c)
  throw new Refusal(`expected a value at ${partFrom(c, t)}`)
}

/** The operator after a field name: `NOT IN`, `NOT =`, `IN` or a symbol. */
const operator = (c: Cursor): string => {
  if (keyword(c, 'NOT')) {
    if (keyword(c, 'IN')) return 'NOT IN'
    if (peek(c)?.text === '=') {
      c.i++
      return 'NOT ='
    }
    throw new Refusal(`unsupported operator at ${partFrom(c, peek(c))}`)
  }
  if (keyword(c, 'IN')) return 'IN'
  if (peek(c)?.kind === 'op') return c.tokens[c.i++]!.text
  throw new Refusal(`expected an operator at ${partFrom(c, peek(c))}`)
}

/** `field op value`, checked against the supported fields and operators. */
const condition = (c: Cursor, now: number): ((f: StoredFile) => boolean) => {
  const start = peek(c)
  if (start?.kind !== 'word') throw new Refusal(`expected a field name at ${partFrom(c, start)}`)
  c.i++
  const field = start.text
  const op = operator(c)
  const supported: readonly string[] | undefined = Object.hasOwn(FIELDS, field)
    ? (FIELDS as Record<string, readonly string[]>)[field]
    : undefined
  const v = value(c)
  const part = c.query.slice(start.at, c.tokens[c.i]?.at ?? c.query.length).trim()
  if (supported === undefined || !supported.includes(op)) {
    throw new Refusal(
      supported === undefined
        ? `the field "${field}" (in "${part}") is not supported`
        : `the operator "${op}" on ${field} (in "${part}") is not supported`,
    )
  }
  if ((op === 'IN' || op === 'NOT IN') !== Array.isArray(v))
    throw new Refusal(`"${part}" needs ${op === 'IN' || op === 'NOT IN' ? 'a [list]' : 'a single value'}`)
  return predicate(field as Field, op, v, part, now)
}

/** Compiles `searchQuery` against the clock `now` (for ages such as `"7d"`). */
export const compileSearch = (query: string, now: number): Compiled => {
  try {
    const c: Cursor = { query, tokens: tokenize(query), i: 0 }
    let depth = 0
    const atom = (): ((f: StoredFile) => boolean) => {
      const t = peek(c)
      if (t?.kind === 'punct' && t.text === '(') {
        // The parser recurses once per parenthesis: bounding the depth bounds the stack.
        if (++depth > MAX_DEPTH)
          throw new Refusal(`parentheses nested deeper than ${MAX_DEPTH} at character ${t.at + 1}`)
        c.i++
        const inner = or()
        depth--
        const close = c.tokens[c.i++]
        if (close?.kind !== 'punct' || close.text !== ')')
          throw new Refusal(`expected ")" at ${partFrom(c, close)}`)
        return inner
      }
      return condition(c, now)
    }
    const and = () => {
      const parts = [atom()]
      while (keyword(c, 'AND')) parts.push(atom())
      return (f: StoredFile) => parts.every((p) => p(f))
    }
    const or = () => {
      const parts = [and()]
      while (keyword(c, 'OR')) parts.push(and())
      return (f: StoredFile) => parts.some((p) => p(f))
    }
    const test = or()
    if (c.i < c.tokens.length) throw new Refusal(`unsupported part ${partFrom(c, c.tokens[c.i])}`)
    return { ok: true, test }
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, message: `Unsupported searchQuery: ${e.message}.` }
    throw e
  }
}

const predicate = (
  field: Field,
  op: string,
  v: string | number | readonly string[],
  part: string,
  now: number,
): ((f: StoredFile) => boolean) => {
  if (field === 'name') {
    const names = Array.isArray(v) ? v : [String(v)]
    if (op === ':') return (f) => f.name.startsWith(String(v))
    const hit = (f: StoredFile) => names.includes(f.name)
    return op === 'NOT IN' || op === 'NOT =' ? (f) => !hit(f) : hit
  }
  if (field === 'tags') {
    const tags = Array.isArray(v) ? v : [String(v)]
    const hit = (f: StoredFile) => (f.current.tags ?? []).some((t) => tags.includes(t))
    return op === 'NOT IN' ? (f) => !hit(f) : hit
  }
  if (field === 'createdAt' || field === 'updatedAt') {
    const text = String(v)
    const age = /^(\d+)([mhd])$/.exec(text)
    const at = age === null ? Date.parse(text) : now - Number(age[1]) * AGE_UNITS[age[2]!]!
    if (Number.isNaN(at)) throw new Refusal(`"${part}" needs an ISO date or an age such as "7d"`)
    // An age reads as "newer than": `createdAt > "7d"` is "created within the last 7 days".
    return (f) => compare(op, Date.parse(f.current[field]), at)
  }
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(String(v))
  if (m === null || (m[2] !== undefined && field !== 'size')) throw new Refusal(`"${part}" needs a number`)
  const n = Number(m[1]) * SIZE_UNITS[(m[2] ?? 'b').toLowerCase()]!
  if (field === 'size') return (f) => compare(op, f.current.bytes.length, n)
  return (f) => f.current.image !== undefined && compare(op, f.current.image[field], n)
}

// Drift tables: a valid reply of an operation, changed the ways ImageKit's replies drift, read through the
// transport both ways. Lax (default): a Right with the exact value, each drift heard by `onDrift` (with the
// reply's x-request-id). Strict (`strictResponses: true`): a DecodeError naming every drift, nothing heard. A
// fault (an unusable identity or union discriminant) is the same DecodeError both ways, nothing heard.
import { describe, expect, it } from 'vitest'
import type { taskEither } from 'fp-ts'
import { readAll, type Drift, type DriftKind, type LaxType } from '@imagekit-fp/utils/codec'
import type { MediaError } from '../model/MediaConfig'
import { expectNoSecret } from '../../../utils/src/http/test-support/secrets'
import { json, KEY, stubFetch, type DriftConfig } from './stub'

/** Any of our codecs, as far as reading goes (`encode` makes `LaxType` invariant in its type). */
export type AnyCodec = Pick<LaxType<unknown, unknown>, 'name' | 'decode' | 'is' | 'read'>

/** What a codec makes of `u` on its own: its (lax) decoding, and every finding (what strict mode refuses). */
export const reading = (codec: AnyCodec, u: unknown) => ({
  decoded: codec.decode(u),
  findings: readAll(codec as LaxType<unknown, unknown>, u).findings,
})

/** One expected finding: its path, kind (`invalid`: a fault), what the codec documents there, what came. */
export type Finding = readonly [path: string, kind: DriftKind | 'invalid', expected: string, got: unknown]

/** One changed reply: the body sent, the lax value (none for a fault), and the findings in reading order. */
export interface DriftCase {
  readonly title: string
  readonly body: unknown
  readonly right?: unknown
  readonly fault: boolean
  readonly findings: readonly Finding[]
  /** The reply's status. @default 200 */
  readonly status?: number
}

/** A reply read in lax mode as `right`, with these findings (none: it reads the same strictly). */
export const read = (title: string, body: unknown, right: unknown, ...findings: Finding[]): DriftCase => ({
  title,
  body,
  right,
  fault: false,
  findings,
})

/** A reply read in lax mode as it came. */
export const same = (title: string, body: unknown, ...findings: Finding[]): DriftCase =>
  read(title, body, body, ...findings)

/** A reply that cannot be read at all: a DecodeError in both modes naming these faults. */
export const fault = (title: string, body: unknown, ...findings: Finding[]): DriftCase => ({
  title,
  body,
  fault: true,
  findings,
})

/** The case with another reply status (a 207). */
export const withStatus = (status: number, c: DriftCase): DriftCase => ({ ...c, status })

/** Marks a value to delete in {@link edit}. */
export const GONE: unique symbol = Symbol('gone')

/**
 * A deep copy of `value` with `path` (`AITags.0.source`) set to `to`, or deleted when `to` is {@link GONE} (an
 * array item is taken out).
 */
export const edit = (value: unknown, path: string, to: unknown): unknown => {
  const copy = structuredClone(value) as Record<string, unknown>
  const keys = path.split('.')
  const last = keys.pop()!
  let node = copy
  for (const k of keys) node = node[k] as Record<string, unknown>
  if (to !== GONE) node[last] = to
  else if (Array.isArray(node)) node.splice(Number(last), 1)
  else Reflect.deleteProperty(node, last)
  return copy
}

/** Object rows as rows of a list holding that object first (`[0].`), each fault row left out. */
export const inList = (rows: readonly DriftCase[], after: readonly unknown[] = []): DriftCase[] =>
  rows
    .filter((r) => !r.fault)
    .map((r) => ({
      ...r,
      title: `${r.title} (in a list)`,
      body: [r.body, ...after],
      right: [r.right, ...after],
      findings: r.findings.map(([p, ...rest]) => [p === '(root)' ? '[0]' : `[0].${p}`, ...rest] as const),
    }))

/** What `describeValue` shows of a value: JSON, at most 60 characters. */
const show = (u: unknown): string => {
  const s = u === undefined ? 'undefined' : JSON.stringify(u)
  return s.length > 60 ? `${s.slice(0, 59)}…` : s
}

/** The message of one finding, without its path. */
const says = ([, kind, expected, got]: Finding): string =>
  kind === 'invalid'
    ? `expected ${expected}, got ${show(got)}: the object cannot be identified without it`
    : `expected ${expected}, got ${show(got)} (${kind})`

/** The whole DecodeError of a reading that `findings` failed. */
const decodeError = (op: DriftOperation, body: unknown, findings: readonly Finding[], strict: boolean) => {
  const lines = findings.slice(0, 10).map((f) => `${f[0]}: ${says(f)}`)
  if (findings.length > 10) lines.push(`… and ${findings.length - 10} more`)
  return {
    _tag: 'DecodeError',
    errors: findings.map((f) => ({
      value: f[3],
      context: [
        { key: '', type: expect.objectContaining({ name: op.codec }), actual: body },
        {
          key: f[0] === '(root)' ? '' : f[0],
          type: expect.objectContaining({ name: op.codec }),
          actual: f[3],
        },
      ],
      message: says(f),
    })),
    message: `the response to ${op.operation.split(' ')[0]} ${op.url} does not match ${op.codec}${
      strict ? ' (strictResponses)' : ''
    }: ${lines.join('; ')}`,
    body,
  }
}

/** An operation under test: how to call it, and how its reply is named in drift and in errors. */
export interface DriftOperation {
  readonly call: (config: DriftConfig) => taskEither.TaskEither<MediaError, unknown>
  /** Method and URL path, as `Drift.operation` names it: `GET /v1/files/abc/details`. */
  readonly operation: string
  /** The whole URL sent (query included), as error messages name it. */
  readonly url: string
  /** The codec's name, as error messages name it. */
  readonly codec: string
  /** The result made from the decoded body and the status (a partial success). @default the body */
  readonly result?: (body: unknown, status: number) => unknown
}

const REQUEST_ID = 'req-drift-1'

/** Runs `call` against a stub answering `c`, collecting what `onDrift` hears. */
const run = async (op: DriftOperation, c: DriftCase, strict: boolean) => {
  const heard: Drift[] = []
  const stub = stubFetch(() => json(c.body, c.status ?? 200, { 'x-request-id': REQUEST_ID }))
  const config: DriftConfig = {
    privateKey: KEY,
    fetch: stub.fetch,
    retry: 0,
    onDrift: (d) => heard.push(d),
    ...(strict ? { strictResponses: true } : {}),
  }
  const result = await op.call(config)()
  expectNoSecret(result, KEY)
  return { result, heard }
}

/** Registers, for each case, the lax and the strict reading of `op`'s reply. */
export const driftCases = (op: DriftOperation, cases: readonly DriftCase[]): void => {
  const rows = cases.map((c) => [c.title, c] as const)
  const result = (c: DriftCase) => (op.result ? op.result(c.right, c.status ?? 200) : c.right)
  describe(op.operation, () => {
    it.each(rows)('lax: %s', async (_, c) => {
      expect(await run(op, c, false)).toStrictEqual(
        c.fault
          ? { result: { _tag: 'Left', left: decodeError(op, c.body, c.findings, false) }, heard: [] }
          : {
              result: { _tag: 'Right', right: result(c) },
              heard: c.findings.map(([path, kind, expected, got]) => ({
                operation: op.operation,
                path,
                kind,
                expected,
                got,
                requestId: REQUEST_ID,
              })),
            },
      )
    })
    it.each(rows)('strict: %s', async (_, c) => {
      expect(await run(op, c, true)).toStrictEqual({
        result:
          c.fault || c.findings.length > 0
            ? { _tag: 'Left', left: decodeError(op, c.body, c.findings, !c.fault) }
            : { _tag: 'Right', right: result(c) },
        heard: [],
      })
    })
  })
}

/**
 * Registers `rows` for each operation replying with one resource (`codec`), and for its list (`Array<codec>`):
 * the rows in a list, and `listRows`.
 */
export const resource = (
  list: Omit<DriftOperation, 'codec'>,
  each: readonly Omit<DriftOperation, 'codec'>[],
  codec: string,
  rows: (codec: string) => DriftCase[],
  listRows: readonly DriftCase[],
): void => {
  driftCases({ ...list, codec: `Array<${codec}>` }, [...inList(rows(codec)), ...listRows])
  for (const op of each) driftCases({ ...op, codec }, rows(codec))
}

/** The faults of a resource identified by `id`: none, null, and a body that is not an object. */
export const idFaults = (value: unknown, codec: string): DriftCase[] => [
  fault('no id (missing identity)', edit(value, 'id', GONE), ['id', 'invalid', 'string', undefined]),
  fault('a null id', edit(value, 'id', null), ['id', 'invalid', 'string', null]),
  fault('a body that is not an object', 42, ['(root)', 'invalid', codec, 42]),
]

/** A list whose first item has no id (the whole body is a fault), and a body that is not a list. */
export const listFaults = (value: unknown, codec: string): DriftCase[] => {
  const noId = edit(value, 'id', GONE)
  // prettier-ignore
  return [
    fault('an item without id (a fault of the whole body)', [noId, value], ['[0].id', 'invalid', 'string', undefined]),
    fault('a body that is not a list', value, ['(root)', 'invalid', `Array<${codec}>`, value]),
  ]
}

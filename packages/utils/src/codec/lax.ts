// The reading core of every response codec: an io-ts `Type` that also knows how to read a body leniently and
// say what it had to forgive. io-ts's combinators (`t.type`, `t.partial`, `t.union`, …) cannot coerce or report,
// so the codecs are our own; and they are io-ts `Type`s by shape (name, is, validate, decode, encode, pipe)
// rather than `new t.Type(…)`, because importing anything from io-ts at run time brings its whole module
// (its module-level codec instances are not marked pure): 2,099 B gzip of io-ts and fp-ts in every bundle that
// decodes a reply. Types still come from io-ts (`t.TypeOf`), and io-ts's own combinators accept these codecs.
//
// A codec's `read(u, at, r)` returns the typed value, or `INVALID` when `u` cannot be used at all. Along the way
// it tells the reader `r` each deviation from the documented contract (`r.drift`) and each fault that makes the
// whole body unusable (`r.fail`: a missing identity such as `fileId`, a missing union discriminant). The parent
// of an INVALID value leaves it out (an optional field, an array element) and reports that as drift.
import type * as t from 'io-ts'
import { left, right } from '@imagekit-fp/internal'

/**
 * The kind of a deviation from the documented contract:
 * - `unknown-value`: an open enum got a value it does not document (passed through as it came);
 * - `unknown-variant`: a union got a discriminant it does not document (kept whole as an unknown variant);
 * - `null`: `null` where the documentation does not allow it (left out of the typed value);
 * - `coerced`: a mistyped value read without loss (`"300"` → `300`, `"Completed"` for `"completed"`, `[]` → `{}`);
 * - `dropped`: a value of the wrong type that could not be coerced (left out of the typed value);
 * - `missing`: a documented field is absent (a missing union discriminant that could be inferred is filled in).
 *
 * @since 0.2.0
 * @category model
 */
export type DriftKind = 'unknown-value' | 'unknown-variant' | 'null' | 'coerced' | 'dropped' | 'missing'

/**
 * One deviation of a 2xx response body from ImageKit's documented contract, as given to `onDrift`.
 *
 * @example
 * import type { Drift } from '@imagekit-fp/utils/codec'
 *
 * const drift: Drift = {
 *   operation: 'GET /v1/files',
 *   path: '[3].AITags[0].source',
 *   kind: 'unknown-value',
 *   expected: "'google-auto-tagging' | 'aws-auto-tagging'",
 *   got: 'azure-auto-tagging',
 *   requestId: '5b7c6c8e-8f3a-4b8e-9d59-0e7b6c0a1f2d',
 * }
 * @since 0.2.0
 * @category model
 */
export interface Drift {
  /** The call: method and path, e.g. `GET /v1/files/598821f949c0a938d57563bd/details`. */
  readonly operation: string
  /** Where in the body: `[3].AITags[0].source`, or `(root)` for the body itself. */
  readonly path: string
  readonly kind: DriftKind
  /** What the documentation allows there. */
  readonly expected: string
  /** What came (the value as ImageKit sent it). */
  readonly got: unknown
  /** ImageKit's `x-request-id` for the reply, when it sent one. */
  readonly requestId?: string
}

/** Where a value sits in the body: a chain of keys, built only as the reader descends. */
export interface Path {
  readonly parent: Path | undefined
  readonly key: string | number
}

/** Returned by `read` for a value that cannot be used at all. */
export const INVALID: unique symbol = /*#__PURE__*/ Symbol('invalid')
/** The type of {@link INVALID}. */
export type Invalid = typeof INVALID

/** What a codec tells while it reads. */
export interface Reader {
  /** A deviation the value survived (passed through, coerced, or left out as `kind` says). */
  readonly drift: (at: Path | undefined, kind: DriftKind, expected: string, got: unknown) => void
  /** A fault that makes the whole body unusable: a missing identity or discriminant. Returns INVALID. */
  readonly fail: (at: Path | undefined, expected: string, got: unknown) => Invalid
}

/**
 * An io-ts codec that reads leniently and reports: `decode` is the lax reading (a `Left` only when an identity
 * or a discriminant is unusable), `is` is true of a value that needs no coercion and leaves nothing out, and
 * `read` is what the transport calls to collect drift.
 *
 * @since 0.2.0
 * @category codecs
 */
export interface LaxType<A, O = A> extends t.Type<A, O, unknown> {
  /** Reads `u` at `at`, telling `r` of each drift and fault; `INVALID` when `u` cannot be used at all. */
  readonly read: (u: unknown, at: Path | undefined, r: Reader) => A | Invalid
}

/** One finding of a reading: a drift, or (`kind: 'invalid'`) a fault that makes the body unusable. */
export interface Finding {
  readonly path: string
  readonly kind: DriftKind | 'invalid'
  readonly expected: string
  readonly got: unknown
}

/** The key a child is read at. */
export const step = (parent: Path | undefined, key: string | number): Path => ({ parent, key })

/** `[3].AITags[0].source`; `(root)` for the body itself. */
export const pathText = (at: Path | undefined): string => {
  let text = ''
  // A key at the root has no dot before it.
  for (let p = at; p; p = p.parent)
    text = (typeof p.key === 'number' ? `[${p.key}]` : (p.parent ? '.' : '') + p.key) + text
  return text || '(root)'
}

/**
 * Reads `u` with `codec`, collecting every finding. Total: a getter or proxy that throws is a fault at the root,
 * never a throw.
 */
export const readAll = <A>(
  codec: LaxType<A, unknown>,
  u: unknown,
): { readonly value: A | Invalid; readonly findings: readonly Finding[] } => {
  const findings: Finding[] = []
  const note = (at: Path | undefined, kind: Finding['kind'], expected: string, got: unknown) => {
    findings.push({ path: pathText(at), kind, expected, got })
  }
  const reader: Reader = {
    drift: note,
    fail: (at, expected, got) => (note(at, 'invalid', expected, got), INVALID),
  }
  let value: A | Invalid
  try {
    value = codec.read(u, undefined, reader)
  } catch {
    value = reader.fail(undefined, codec.name, u)
  }
  const faulty = findings.some((f) => f.kind === 'invalid')
  if (value === INVALID && !faulty) reader.fail(undefined, codec.name, u)
  // An unusable identity anywhere (a list item without its fileId) makes the whole body unusable.
  return { value: faulty ? INVALID : value, findings }
}

/** The findings as io-ts errors under the context `c`, each with its path as one key and a message. */
export const findingErrors = (findings: readonly Finding[], c: t.Context): t.Errors =>
  findings.map((f) => ({
    value: f.got,
    context: [
      ...c,
      {
        key: f.path === '(root)' ? '' : f.path,
        type: c[0]?.type as t.Decoder<unknown, unknown>,
        actual: f.got,
      },
    ],
    message: `expected ${f.expected}, got ${describeValue(f.got)}${
      f.kind === 'invalid' ? ': the object cannot be identified without it' : ` (${f.kind})`
    }`,
  }))

/**
 * A short JSON-ish rendering of a value for a message: past 60 characters it is cut to `keep` and an ellipsis
 * (59 here: at most 60 in all).
 */
export const describeValue = (u: unknown, keep = 59): string => {
  let s: string
  try {
    // JSON has no text for undefined, a function or a symbol: String's then.
    s = JSON.stringify(u) ?? String(u)
  } catch {
    try {
      s = Object.prototype.toString.call(u)
    } catch {
      s = '(unreadable)' // a revoked proxy
    }
  }
  return s.length > 60 ? `${s.slice(0, keep)}…` : s
}

/**
 * Findings that change the value or make it unusable. An unknown enum value changes nothing; an unknown variant
 * does (it is read as `{ <key>: 'unknown', raw }`), so `is` is false of it.
 */
const changes = (f: Finding): boolean => f.kind !== 'unknown-value'

/**
 * An io-ts `Type` built as a plain object (see the top of this file for why): what `new t.Type(name, is,
 * validate, encode)` makes, `pipe` included.
 */
const ioType = <A, O>(
  name: string,
  is: (u: unknown) => u is A,
  validate: (u: unknown, c: t.Context) => t.Validation<A>,
  encode: (a: A) => O,
): t.Type<A, O, unknown> => {
  const self = {
    name,
    is,
    validate,
    encode,
    decode: (u: unknown) => validate(u, [{ key: '', type: self, actual: u }]),
    asDecoder: () => self,
    asEncoder: () => self,
    pipe: (ab: t.Type<unknown, A, A>, pipeName?: string) =>
      ioType(
        pipeName ?? `pipe(${name}, ${ab.name})`,
        ab.is,
        (u, c) => {
          const a = validate(u, c)
          return a._tag === 'Left' ? a : ab.validate(a.right, c)
        },
        (b) => encode(ab.encode(b)),
      ),
  } as unknown as t.Type<A, O, unknown>
  return self
}

/**
 * Makes a lax codec from its `read`. `decode` reads leniently (a `Left` only for a fault), `is` wants a reading
 * without coercion, loss or fault, and `encode` is `encode` (the identity by default).
 */
export const lax = <A, O = A>(
  name: string,
  read: LaxType<A, O>['read'],
  encode: (a: A) => O = (a) => a as unknown as O,
): LaxType<A, O> => {
  const self: LaxType<A, O> = Object.assign(
    ioType<A, O>(
      name,
      (u): u is A => {
        const { value, findings } = readAll(self, u)
        return value !== INVALID && !findings.some(changes)
      },
      (u, c) => {
        const { value, findings } = readAll(self, u)
        return value === INVALID
          ? left(
              findingErrors(
                findings.filter((f) => f.kind === 'invalid'),
                c,
              ),
            )
          : right(value)
      },
      encode,
    ),
    { read },
  )
  return self
}

/** Is this a lax codec (one of ours) rather than a plain io-ts decoder? */
export const isLax = (u: unknown): u is LaxType<unknown, unknown> =>
  typeof (u as { read?: unknown } | null)?.read === 'function' &&
  typeof (u as { decode?: unknown }).decode === 'function'

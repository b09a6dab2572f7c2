// Request checks written as io-ts codecs: a failed decode becomes ImageKit's
// 400 naming the first offending parameter by its path (`schema.type`, `fileIds.0`).
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import type { Ctx } from './context'
import { fail, type Reply } from './reply'

// Types whose children are named by key: their child's key is part of the path. Unions and intersections
// (`0`, `1`, … keys) are not.
const NAMED = new Set([
  'AnyDictionaryType',
  'DictionaryType',
  'InterfaceType',
  'StrictType',
  'PartialType',
  'ArrayType',
  'ExactType',
])

const pathOf = (error: t.ValidationError): { readonly path: string; readonly missing: boolean } => {
  const keys: string[] = []
  error.context.forEach((entry, i) => {
    const parent = error.context[i - 1]?.type as { readonly _tag?: string } | undefined
    if (i > 0 && parent !== undefined && NAMED.has(parent._tag ?? '')) keys.push(entry.key)
  })
  return { path: keys.join('.'), missing: error.value === undefined }
}

/** Decodes `u`, or answers 400 naming the first invalid (or missing) parameter. */
export const check = <A>(codec: t.Decoder<unknown, A>, u: unknown): E.Either<Reply, A> => {
  const result = codec.decode(u)
  if (E.isRight(result)) return result
  const first = result.left[0]
  const { path, missing } = first === undefined ? { path: '', missing: false } : pathOf(first)
  const name = path === '' ? 'request body' : path
  return E.left(
    fail(
      400,
      missing
        ? `Your request is missing ${name} parameter.`
        : `Your request contains invalid ${name} parameter.`,
    ),
  )
}

/** A failure at the own key `key` of the object `u` (named in the 400, e.g. `toString`). */
export const failAt = (u: unknown, key: string, c: t.Context): t.Validation<never> =>
  t.failure((u as Record<string, unknown>)[key], [
    ...c,
    { key: '', type: t.UnknownRecord, actual: u },
    { key, type: t.never, actual: undefined },
  ])

/**
 * A JSON object whose keys are all among `props` (JSON Schema `additionalProperties: false`). Only own keys
 * count: `toString`, `constructor` or `__proto__` in a body is an extra key like any other.
 */
export const closed = <P extends t.Props>(required: P, optional: t.Props = {}) =>
  new t.Type<t.TypeOfProps<P> & Record<string, unknown>, unknown, unknown>(
    'Closed',
    (u): u is t.TypeOfProps<P> & Record<string, unknown> => typeof u === 'object' && u !== null,
    (u, c) => {
      if (typeof u === 'object' && u !== null && !Array.isArray(u)) {
        const extra = Object.keys(u).find((k) => !Object.hasOwn(required, k) && !Object.hasOwn(optional, k))
        if (extra !== undefined) return failAt(u, extra, c)
      }
      return t.intersection([t.type(required), t.partial(optional)]).validate(u, c) as t.Validation<
        t.TypeOfProps<P> & Record<string, unknown>
      >
    },
    t.identity,
  )

/** An object with required and optional keys (extra keys allowed). */
export const struct = <P extends t.Props, O extends t.Props>(required: P, optional: O) =>
  t.intersection([t.type(required), t.partial(optional)])

/** A string of at least one character. */
export const nonEmpty = new t.Type<string, string, unknown>(
  'NonEmptyString',
  (u): u is string => typeof u === 'string' && u.length > 0,
  (u, c) => (typeof u === 'string' && u.length > 0 ? t.success(u) : t.failure(u, c)),
  t.identity,
)

/** An absolute http(s) URL (JSON Schema `format: uri` as the spec uses it). */
export const uri = new t.Type<string, string, unknown>(
  'Uri',
  (u): u is string => typeof u === 'string',
  (u, c) => {
    if (typeof u !== 'string') return t.failure(u, c)
    try {
      return /^[a-z][a-z0-9+.-]*:/i.test(u) && new URL(u) ? t.success(u) : t.failure(u, c)
    } catch {
      return t.failure(u, c)
    }
  },
  t.identity,
)

/** A string of at most `max` characters, at least `min`, optionally matching `pattern`. */
export const text = (min: number, max: number, pattern?: RegExp) =>
  new t.Type<string, string, unknown>(
    'Text',
    (u): u is string => typeof u === 'string',
    (u, c) =>
      typeof u === 'string' &&
      u.length >= min &&
      u.length <= max &&
      (pattern === undefined || pattern.test(u))
        ? t.success(u)
        : t.failure(u, c),
    t.identity,
  )

/** A scalar `selectOptions`/`defaultValue` member. */
export const scalar = t.union([t.string, t.number, t.boolean])

/** A handler that decodes the JSON body with `codec` first (400 naming the parameter when it does not fit). */
export const decoded =
  <A>(codec: t.Decoder<unknown, A>, then: (ctx: Ctx, a: A) => Reply) =>
  (ctx: Ctx): Reply => {
    const body = check(codec, ctx.json)
    return E.isLeft(body) ? body.left : then(ctx, body.right)
  }

// Small io-ts codecs for the upload reply. They ship in every browser bundle that uploads, so they are built
// from `t.Type` and io-ts's primitive codecs only: io-ts builds those (and `t.Type`) at module level anyway,
// while each io-ts combinator (`t.type`, `t.partial`, `t.intersection`, `t.union`, `t.array`, `t.record`)
// adds its own class, 0.3 to 1.3 kB gz apiece. The combinators below decode exactly as their io-ts namesakes
// do for codecs whose encode is the identity (every codec here): they return the input itself, extra keys
// kept, and report failures with the same contexts (keys and indices), so error paths read the same.
import * as t from 'io-ts'

type Props = Readonly<Record<string, t.Mixed>>

/** One flat object type instead of an intersection (easier to read in editors and in `.d.ts`). */
type Flatten<T> = { [K in keyof T]: T[K] }

/** The decoded fields of a `struct`: `required` keys and optional `optional` ones. */
type Fields<R extends Props, O extends Props> = { [K in keyof R]: t.TypeOf<R[K]> } & {
  [K in keyof O]?: t.TypeOf<O[K]>
}

/** A codec whose encode is the identity, from a function that lists the problems of a value (none = valid). */
export const codec = <A>(name: string, problems: (u: unknown, c: t.Context) => t.Errors): t.Type<A> => {
  // Total: a value whose getters or proxy traps throw is one problem, never a throw out of `is`/`decode`.
  const total = (u: unknown, c: t.Context): t.Errors => {
    try {
      return problems(u, c)
    } catch {
      return [{ value: u, context: c, message: 'could not be read' }]
    }
  }
  return new t.Type<A>(
    name,
    (u): u is A => total(u, []).length === 0,
    (u, c) => {
      const errors = total(u, c)
      return errors.length === 0 ? t.success(u as A) : t.failures(errors)
    },
    t.identity,
  )
}

/** The problems of `u` against `type`, in the context `c`. */
export const problemsOf = (type: t.Mixed, u: unknown, c: t.Context): t.Errors => {
  const r = type.validate(u, c)
  return r._tag === 'Left' ? r.left : []
}

/** The problems of `u[key]` against `type`, in the context `c` + `key`. */
const at = (type: t.Mixed, u: unknown, key: string, c: t.Context): t.Errors =>
  problemsOf(type, u, t.appendContext(c, key, type, u))

/**
 * An object with `required` keys and `optional` ones: `t.intersection([t.type(required), t.partial(optional)])`
 * in one codec. Extra keys are kept.
 */
export const struct = <R extends Props, O extends Props>(
  name: string,
  required: R,
  optional: O,
): t.Type<Flatten<Fields<R, O>>> =>
  codec(name, (u, c) => {
    if (!t.UnknownRecord.is(u)) return [{ value: u, context: c }]
    const errors: t.ValidationError[] = []
    for (const [key, type] of Object.entries({ ...required, ...optional })) {
      const v = u[key]
      if (v !== undefined || key in required) errors.push(...at(type, v, key, c))
    }
    return errors
  })

/** `t.array(type)`. */
export const array = <C extends t.Mixed>(type: C): t.Type<t.TypeOf<C>[]> =>
  codec(`Array<${type.name}>`, (u, c) =>
    Array.isArray(u) ? u.flatMap((v: unknown, i) => at(type, v, String(i), c)) : [{ value: u, context: c }],
  )

/**
 * `t.union([type, t.null])`: ImageKit sends `null` for "not set" on several fields. A non-null value that fails
 * reports `type`'s own problems (with their paths), not one for each union member.
 */
export const nullable = <C extends t.Mixed>(type: C): t.Type<t.TypeOf<C> | null> =>
  codec(`${type.name} | null`, (u, c) => (u === null ? [] : problemsOf(type, u, c)))

/**
 * The wire shape `struct(name, required, optional)`, decoded to a copy that carries `_tag: name` (the SDK's
 * discriminant: set here, over any `_tag` the input has). Encode takes the tag off again (the wire shape), and
 * `is` wants it, as io-ts's own transforming codecs check the decoded type.
 */
export const tagged = <N extends string, R extends Props, O extends Props>(
  name: N,
  required: R,
  optional: O,
) => {
  const wire = struct(name, required, optional)
  type Wire = Flatten<Fields<R, O>>
  type Tagged = Flatten<{ readonly _tag: N } & Fields<R, O>>
  return new t.Type<Tagged, Wire>(
    name,
    (u): u is Tagged => {
      try {
        return wire.is(u) && (u as { readonly _tag?: unknown })._tag === name
      } catch {
        return false
      }
    },
    (u, c) => {
      const r = wire.validate(u, c)
      if (r._tag === 'Left') return r
      try {
        return t.success({ ...r.right, _tag: name } as Tagged)
      } catch {
        return t.failure(u, c, 'could not be read')
      }
    },
    (a) => {
      const rest: Record<string, unknown> = { ...a }
      delete rest['_tag']
      return rest as Wire
    },
  )
}

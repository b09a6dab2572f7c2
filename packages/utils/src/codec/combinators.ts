// The lax codecs every response shape is built from (the scalars are in ./scalars.ts): open enums, nullable,
// arrays, records, objects with identity / documented / optional fields, unions with an unknown variant, and a
// tagged object. Each is a `LaxType` (./lax.ts): an io-ts `Type` whose `read` forgives and reports.
import { INVALID, lax, step, type Invalid, type LaxType, type Path, type Reader } from './lax'
import { isMap } from './scalars'

/* eslint-disable @typescript-eslint/no-explicit-any -- codec maps are heterogeneous by nature */
type AnyLax = LaxType<any, any>
type Props = Readonly<Record<string, AnyLax>>
type TypeOf<C> = C extends LaxType<infer A, any> ? A : never
/* eslint-enable @typescript-eslint/no-explicit-any */

/** One flat object type (easier to read in editors and in `.d.ts`). */
type Flatten<T> = { [K in keyof T]: T[K] }

/**
 * An open enum: the documented values type-check and narrow in a `switch`, and any other string passes through
 * (reported as `unknown-value`). A documented value in another case (`"completed"`) is read as the documented
 * one (reported as `coerced`).
 *
 * @example
 * import { oneOf } from '@imagekit-fp/utils/codec'
 *
 * const Status = oneOf('PurgeStatusValue', ['Pending', 'Completed'])
 * // an unknown value passes through:
 * Status.decode('Failed') // { _tag: 'Right', right: 'Failed' }
 * @since 0.2.0
 * @category codecs
 */
export const oneOf = <K extends string>(name: string, values: readonly K[]): LaxType<K | (string & {})> => {
  const expected = values.map((v) => `'${v}'`).join(' | ')
  return lax(name, (u, at, r) => {
    if (typeof u !== 'string') return INVALID
    if ((values as readonly string[]).includes(u)) return u
    const folded = values.find((v) => v.toLowerCase() === u.toLowerCase())
    r.drift(at, folded === undefined ? 'unknown-value' : 'coerced', expected, u)
    return folded ?? u
  })
}

/**
 * Exactly `value`: a union's discriminant (a closed type, so that narrowing works).
 *
 * @since 0.2.0
 * @category codecs
 */
export const literal = <V extends string>(value: V): LaxType<V> =>
  lax(`'${value}'`, (u) => (u === value ? value : INVALID))

/**
 * `type | null`, for fields ImageKit documents as nullable (`tags`, `embeddedMetadata`): `null` is no drift.
 *
 * @example
 * import { laxString, nullable } from '@imagekit-fp/utils/codec'
 *
 * nullable(laxString).decode(null) // { _tag: 'Right', right: null }
 * @since 0.2.0
 * @category codecs
 */
export const nullable = <A, O>(codec: LaxType<A, O>): LaxType<A | null, O | null> =>
  lax<A | null, O | null>(
    `${codec.name} | null`,
    (u, at, r) => (u === null ? null : codec.read(u, at, r)),
    (a) => (a === null ? null : codec.encode(a)),
  )

/** Reads a child; an unusable one is reported (`null` or `dropped`) and left out (INVALID). */
const child = <A>(codec: LaxType<A, unknown>, u: unknown, at: Path, r: Reader): A | Invalid => {
  const v = codec.read(u, at, r)
  if (v === INVALID) r.drift(at, u === null ? 'null' : 'dropped', codec.name, u)
  return v
}

/** Copies `items` (array or record) when a child changed, leaving out the unusable ones. */
const each = (
  u: Readonly<Record<string, unknown>> | readonly unknown[],
  read: (v: unknown, key: string | number) => unknown,
): unknown => {
  const list = Array.isArray(u)
  const out: [string, unknown][] = []
  let changed = false
  for (const [k, v] of Object.entries(u)) {
    const w = read(v, list ? Number(k) : k)
    if (w !== v) changed = true
    if (w !== INVALID) out.push([k, w])
  }
  // fromEntries defines each key as an own property: a "__proto__" key stays data.
  return !changed ? u : list ? out.map(([, w]) => w) : Object.fromEntries(out)
}

/**
 * An array; elements that cannot be read are left out (reported as `dropped`).
 *
 * @example
 * import { array, laxString } from '@imagekit-fp/utils/codec'
 *
 * array(laxString).decode(['a', 2]) // { _tag: 'Right', right: ['a', '2'] }
 * @since 0.2.0
 * @category codecs
 */
export const array = <A, O>(codec: LaxType<A, O>, name = `Array<${codec.name}>`): LaxType<A[], O[]> =>
  lax<A[], O[]>(
    name,
    (u, at, r) => (Array.isArray(u) ? (each(u, (v, i) => child(codec, v, step(at, i), r)) as A[]) : INVALID),
    (a) => a.map((v) => codec.encode(v)),
  )

/**
 * A map from string keys to values of one shape (`selectedFieldsSchema`); unreadable values are left out.
 *
 * @since 0.2.0
 * @category codecs
 */
export const record = <A, O>(codec: LaxType<A, O>): LaxType<Record<string, A>, Record<string, O>> =>
  lax<Record<string, A>, Record<string, O>>(
    `Record<string, ${codec.name}>`,
    (u, at, r) =>
      isMap(u) ? (each(u, (v, k) => child(codec, v, step(at, k), r)) as Record<string, A>) : INVALID,
    (a) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, codec.encode(v)])),
  )

/** The fields of a `struct`, by how much the reader insists on them. */
export interface Fields<I extends Props, R extends Props, O extends Props> {
  /** What identifies the object (`fileId`): missing or unusable makes the whole body a `DecodeError`. */
  readonly identity?: I
  /**
   * Documented as always present, and typed so: a reply without one is reported (`missing`) and the reading goes
   * on (the field is then absent although typed; `strictResponses` refuses such a reply).
   */
  readonly required?: R
  /** Documented as optional. */
  readonly optional?: O
}

/** The decoded type of a `struct`. */
export type StructOf<I extends Props, R extends Props, O extends Props> = Flatten<
  { [K in keyof I]: TypeOf<I[K]> } & { [K in keyof R]: TypeOf<R[K]> } & { [K in keyof O]?: TypeOf<O[K]> }
>

/**
 * An object with identity, documented and optional fields. Fields it does not list pass through untouched;
 * listed fields are read leniently (coerced, or left out when unusable, each reported); the object is copied
 * only when a field changed.
 *
 * @example
 * import { laxNumber, laxString, struct } from '@imagekit-fp/utils/codec'
 *
 * const Folder = struct('Folder', { identity: { folderId: laxString }, optional: { size: laxNumber } })
 * Folder.decode({ folderId: 'f1', size: '12', extra: true }) // { _tag: 'Right', right: { folderId: 'f1', size: 12, extra: true } }
 * @since 0.2.0
 * @category codecs
 */
export const struct = <
  I extends Props = Record<never, never>,
  R extends Props = Record<never, never>,
  O extends Props = Record<never, never>,
>(
  name: string,
  fields: Fields<I, R, O>,
): LaxType<StructOf<I, R, O>> => {
  const identity = Object.entries(fields.identity ?? {})
  const required = Object.entries(fields.required ?? {})
  const optional = Object.entries(fields.optional ?? {})
  const empty = identity.length + required.length === 0
  return lax(name, (u, at, r) => {
    if (!isMap(u)) {
      if (empty && Array.isArray(u) && u.length === 0) {
        r.drift(at, 'coerced', name, u)
        return {} as StructOf<I, R, O>
      }
      return INVALID
    }
    let out = u
    let usable = true
    const set = (key: string, v: unknown) => {
      if (out === u) out = { ...u }
      if (v === INVALID) Reflect.deleteProperty(out, key)
      else out[key] = v
    }
    for (const [key, codec] of identity) {
      const v = u[key]
      // Nothing identifies an object by being absent, null, a boolean or a blank string.
      const usableId =
        v !== undefined && v !== null && typeof v !== 'boolean' && !(typeof v === 'string' && v.trim() === '')
      const w = usableId ? codec.read(v, step(at, key), r) : INVALID
      if (w === INVALID) usable = r.fail(step(at, key), codec.name, v) !== INVALID
      else if (w !== v) set(key, w)
    }
    for (const [key, codec] of required) {
      const v = u[key]
      if (v === undefined) r.drift(step(at, key), 'missing', codec.name, v)
      else {
        const w = child(codec, v, step(at, key), r)
        if (w !== v) set(key, w)
      }
    }
    for (const [key, codec] of optional) {
      const v = u[key]
      if (v === undefined) continue
      const w = child(codec, v, step(at, key), r)
      if (w !== v) set(key, w)
    }
    return usable ? (out as StructOf<I, R, O>) : INVALID
  })
}

/**
 * The variant of a union whose discriminant this SDK does not know yet: its discriminant reads `'unknown'`
 * and `raw` keeps the object as ImageKit sent it, so nothing is lost and a `switch` still narrows.
 *
 * @since 0.2.0
 * @category model
 */
export type UnknownVariant<K extends string> = Readonly<Record<K, 'unknown'>> & {
  readonly raw: Readonly<Record<string, unknown>>
}

/**
 * A union discriminated by `key`. A documented discriminant reads its variant; any other string gives an
 * {@link UnknownVariant} (reported as `unknown-variant`); a missing one is inferred by `infer` when it can be
 * (reported as `missing`), and is otherwise a fault that makes the body a `DecodeError`.
 *
 * @example
 * import { laxString, literal, struct, union } from '@imagekit-fp/utils/codec'
 *
 * const Item = union('Item', 'type', {
 *   folder: struct('Folder', { identity: { type: literal('folder'), folderId: laxString } }),
 * })
 * Item.decode({ type: 'asset', assetId: 'a1' }) // { _tag: 'Right', right: { type: 'unknown', raw: { type: 'asset', assetId: 'a1' } } }
 * @since 0.2.0
 * @category codecs
 */
export const union = <K extends string, V extends Props>(
  name: string,
  key: K,
  variants: V,
  infer?: (u: Readonly<Record<string, unknown>>) => keyof V | undefined,
): LaxType<TypeOf<V[keyof V]> | UnknownVariant<K>> => {
  const expected = Object.keys(variants)
    .map((v) => `'${v}'`)
    .join(' | ')
  const known = (d: unknown): d is keyof V & string =>
    typeof d === 'string' && Object.prototype.hasOwnProperty.call(variants, d)
  return lax(
    name,
    (u, at, r) => {
      if (!isMap(u)) return INVALID
      let d = u[key]
      let body = u
      if (d === 'unknown' && isMap(u['raw'])) return u as UnknownVariant<K>
      if (typeof d !== 'string') {
        const guess = infer?.(u)
        if (guess === undefined) return r.fail(step(at, key), expected, d)
        r.drift(step(at, key), 'missing', expected, d)
        d = guess
        body = { ...u, [key]: guess }
      }
      if (known(d)) return (variants[d] as AnyLaxOf<V>).read(body, at, r)
      r.drift(step(at, key), 'unknown-variant', expected, d)
      return { [key]: 'unknown', raw: u } as UnknownVariant<K>
    },
    (a) => (isMap(a) && a[key] === 'unknown' && isMap(a['raw']) ? a['raw'] : a) as never,
  )
}
type AnyLaxOf<V extends Props> = V[keyof V]

/**
 * `codec`'s reading, decoded to a copy that carries `_tag: name` (the SDK's discriminant, over any `_tag` the
 * body has); encode takes the tag off again, and `is` wants it.
 *
 * @since 0.2.0
 * @category codecs
 */
export const tagged = <N extends string, A extends object>(
  name: N,
  codec: LaxType<A>,
): LaxType<Flatten<{ readonly _tag: N } & A>, A> => {
  type Tagged = Flatten<{ readonly _tag: N } & A>
  const self = lax<Tagged, A>(
    name,
    (u, at, r) => {
      const v = codec.read(u, at, r)
      return v === INVALID ? v : ({ ...v, _tag: name } as Tagged)
    },
    (a) => {
      const rest: Record<string, unknown> = { ...a }
      delete rest['_tag']
      return rest as A
    },
  )
  const is = self.is
  return Object.assign(self, {
    is: (u: unknown): u is Tagged => {
      try {
        return isMap(u) && u['_tag'] === name && is(u)
      } catch {
        return false
      }
    },
  })
}

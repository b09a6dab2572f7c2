// Codec helpers shared by the models. Every module-level codec call carries /*#__PURE__*/ (STYLE §5), so a
// bundle that never uses a codec drops it.
import * as t from 'io-ts'

/** `type | null`: ImageKit sends `null` for "not set" on several fields. */
export const nullable = <C extends t.Mixed>(type: C): t.UnionC<[C, t.NullC]> =>
  t.union([type, t.null], `${type.name} | null`)

/** A reply with no body of interest (204, `{}`): anything is accepted and the result is `void`. */
export const Empty = /*#__PURE__*/ new t.Type<void>(
  'Empty',
  (u): u is void => u === undefined,
  () => t.success(undefined),
  () => undefined,
)

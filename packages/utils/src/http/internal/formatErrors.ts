// A small io-ts `Errors` formatter (io-ts/PathReporter breaks Node ESM): one line per failing path.
import type { Context, Errors } from 'io-ts'
import { describeValue } from '../../codec/lax'
import { cut } from './response'

/** The data path of a context: `files[0].name`, or `(root)` for the value itself. */
const contextPath = (context: Context): string => {
  let path = ''
  for (let i = 1; i < context.length; i++) {
    const key = context[i]?.key
    // Intersection and union members add their index to the context; those keys are not part of the data path.
    const tag = (context[i - 1]?.type as { _tag?: unknown } | undefined)?._tag
    if (key === undefined || /^(Intersection|Union|TaggedUnion)Type$/.test(String(tag))) continue
    path += /^(0|[1-9]\d*)$/.test(key) ? `[${key}]` : path === '' ? key : `.${key}`
  }
  return path || '(root)'
}

/** JSON (a bigint as `10n`), cut past 60 characters. */
const show = (u: unknown): string => (typeof u === 'bigint' ? cut(`${u}n`, 60) : describeValue(u, 60))

/** One line per error: `files[0].name: expected string, got 42` (at most 10, then `… and N more`). */
export const formatErrors = (errors: Errors): string =>
  errors
    .slice(0, 10)
    .map(
      (e) =>
        `${contextPath(e.context)}: ${
          e.message ??
          `expected ${e.context[e.context.length - 1]?.type.name ?? 'a valid value'}, got ${show(e.value)}`
        }`,
    )
    .concat(errors.length > 10 ? [`… and ${errors.length - 10} more`] : [])
    .join('; ')

// A small io-ts `Errors` formatter (io-ts/PathReporter breaks Node ESM, STYLE §3): one line per failing path.
import type { Context, Errors } from 'io-ts'

const MAX_LISTED = 10
const MAX_VALUE = 60

// Intersection and union members add their index to the context; those keys are not part of the data path.
const isCombinator = (type: unknown): boolean => {
  const tag = (type as { _tag?: unknown } | null)?._tag
  return tag === 'IntersectionType' || tag === 'UnionType' || tag === 'TaggedUnionType'
}

/** The data path of a context: `files[0].name`, or `(root)` for the value itself. */
export const contextPath = (context: Context): string => {
  let path = ''
  for (let i = 1; i < context.length; i++) {
    const entry = context[i]
    if (entry === undefined || isCombinator(context[i - 1]?.type)) continue
    path += /^(0|[1-9]\d*)$/.test(entry.key) ? `[${entry.key}]` : path === '' ? entry.key : `.${entry.key}`
  }
  return path === '' ? '(root)' : path
}

const show = (u: unknown): string => {
  let s: string
  try {
    s = u === undefined ? 'undefined' : typeof u === 'bigint' ? `${u}n` : (JSON.stringify(u) ?? String(u))
  } catch {
    s = Object.prototype.toString.call(u)
  }
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE)}…` : s
}

/** One line per error: `files[0].name: expected string, got 42` (at most 10, then `… and N more`). */
export const formatErrors = (errors: Errors): string => {
  const lines: string[] = []
  for (const error of errors.slice(0, MAX_LISTED)) {
    if (error.message !== undefined) {
      lines.push(`${contextPath(error.context)}: ${error.message}`)
      continue
    }
    const last = error.context[error.context.length - 1]
    const expected = last === undefined ? 'a valid value' : last.type.name
    lines.push(`${contextPath(error.context)}: expected ${expected}, got ${show(error.value)}`)
  }
  if (errors.length > MAX_LISTED) lines.push(`… and ${errors.length - MAX_LISTED} more`)
  return lines.join('; ')
}

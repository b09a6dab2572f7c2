// The stand-in's router, built from the declarations: the media registry (`@imagekit-fp/media/operations`) and
// the upload operations give each route its method, path template and operationId; the stand-in's handlers,
// keyed by operationId, give its answer. Where two templates match a path, the more specific one wins, whatever
// the order of the declarations.
import { operations, type OpenApiOperationId } from '@imagekit-fp/media/operations'
import { accountHandlers } from './account'
import type { Handler, Handlers, Route } from './context'
import { fileHandlers } from './files'
import { folderHandlers } from './folders'
import { fail } from './reply'
import { uploadHandlers } from './upload'
import { uploadOperations } from './uploadOperations'

/** The operationId of every operation the stand-in answers: each media operation and each upload. */
export type StandInOperationId =
  OpenApiOperationId | (typeof uploadOperations)[keyof typeof uploadOperations]['operationId']

/** Every handler of the stand-in, by operationId. */
export const HANDLERS = {
  ...accountHandlers,
  ...folderHandlers,
  ...fileHandlers,
  ...uploadHandlers,
} satisfies Readonly<Record<StandInOperationId, Handler>>

/** A declared operation as the router reads it, and how its calls authenticate (`none`: the handler checks). */
export interface Declared {
  readonly operationId: string
  readonly method: string
  readonly path: string
  readonly auth: Route['auth']
}

/** Every declared operation: the media registry's (HTTP Basic) and the uploads (which check their own auth). */
export const DECLARED: readonly Declared[] = [
  ...Object.values(operations).map((op) => ({ ...op, auth: 'basic' as const })),
  ...Object.values(uploadOperations).map((op) => ({ ...op, auth: 'none' as const })),
]

/** A declaration's route; without a handler (a test fails then), a 501 that names it. */
export const routesOf = (declared: readonly Declared[], handlers: Handlers): readonly Route[] =>
  declared.map(({ operationId, method, path, auth }) => ({
    method,
    path,
    operation: operationId,
    auth,
    handle:
      handlers[operationId] ??
      (() => fail(501, `The stand-in has no handler for ${operationId} (${method} ${path}).`)),
  }))

/** A route found for a request, with its decoded `{name}` segments. */
export interface Match {
  readonly route: Route
  readonly params: Record<string, string>
}

const isParam = (segment: string) => segment.startsWith('{') && segment.endsWith('}')

/** The segments of `path` against `template`'s, or `undefined` when they differ or a parameter is bad. */
const paramsOf = (
  template: readonly string[],
  segments: readonly string[],
): Record<string, string> | undefined => {
  const params: Record<string, string> = {}
  const hit = template.every((p, i) => {
    const s = segments[i]!
    if (isParam(p)) {
      if (s === '') return false
      try {
        params[p.slice(1, -1)] = decodeURIComponent(s)
      } catch {
        return false
      }
      return true
    }
    return p === s
  })
  return hit ? params : undefined
}

/**
 * A template's specificity: one character per segment, `0` for a literal, `1` for a parameter. Sorted by it,
 * of two templates that match the same path the one with a literal at the first segment where they differ
 * comes first (`/v1/files/purge/{requestId}` before `/v1/files/{fileId}/details`).
 */
const specificity = (template: string): string =>
  template
    .split('/')
    .map((s) => (isParam(s) ? '1' : '0'))
    .join('')

/** Finds the route of a call: the most specific template of its method that matches its path. */
export const router = (routes: readonly Route[]) => {
  const ranked = routes
    .map((route) => ({ route, template: route.path.split('/'), rank: specificity(route.path) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
  return (method: string, path: string): Match | undefined => {
    const segments = path.split('/')
    for (const { route, template } of ranked) {
      if (route.method !== method || template.length !== segments.length) continue
      const params = paramsOf(template, segments)
      if (params !== undefined) return { route, params }
    }
    return undefined
  }
}

/** The stand-in's router: every declared operation with its handler. */
export const match = /*#__PURE__*/ router(routesOf(DECLARED, HANDLERS))

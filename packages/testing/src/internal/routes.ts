// Every route of the stand-in, and how a request's method and path find one.
import { accountRoutes } from './account'
import type { Route } from './context'
import { fileRoutes } from './files'
import { folderRoutes } from './folders'
import { uploadHandler } from './upload'

const ROUTES: readonly Route[] = [
  {
    method: 'POST',
    pattern: '/api/v1/files/upload',
    operation: 'upload-file',
    auth: 'none',
    handle: uploadHandler('signature'),
  },
  {
    method: 'POST',
    pattern: '/api/v2/files/upload',
    operation: 'upload-file-v2',
    auth: 'none',
    handle: uploadHandler('jwt'),
  },
  ...accountRoutes,
  ...folderRoutes,
  ...fileRoutes,
]

/** A route found for a request, with its decoded `:name` segments. */
export interface Match {
  readonly route: Route
  readonly params: Record<string, string>
}

/** The segments of `path` against `pattern`'s, or `undefined` when they differ or a parameter is bad. */
const paramsOf = (
  pattern: readonly string[],
  segments: readonly string[],
): Record<string, string> | undefined => {
  const params: Record<string, string> = {}
  const hit = pattern.every((p, i) => {
    const s = segments[i]!
    if (p.startsWith(':')) {
      if (s === '') return false
      try {
        params[p.slice(1)] = decodeURIComponent(s)
      } catch {
        return false
      }
      return true
    }
    return p === s
  })
  return hit ? params : undefined
}

/** The first route for `method` whose pattern matches `path`. */
export const match = (method: string, path: string): Match | undefined => {
  const segments = path.split('/')
  for (const route of ROUTES) {
    if (route.method !== method) continue
    const pattern = route.pattern.split('/')
    if (pattern.length !== segments.length) continue
    const params = paramsOf(pattern, segments)
    if (params !== undefined) return { route, params }
  }
  return undefined
}

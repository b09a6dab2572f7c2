// Account-level resources: purge requests, custom metadata fields, saved extensions, named transformations,
// origins, URL endpoints, usage and usage analytics, one file each (the collections share one file).
import { namedTransformations, origins, savedExtensions, urlEndpoints } from './collections'
import type { Route } from './context'
import { fieldRoutes } from './customMetadataFields'
import { purgeRoutes } from './purge'
import { usageRoutes } from './usage'

/** Every account-level route. */
export const accountRoutes: readonly Route[] = [
  ...fieldRoutes,
  ...purgeRoutes,
  ...savedExtensions,
  ...namedTransformations,
  ...origins,
  ...urlEndpoints,
  ...usageRoutes,
]

// Account-level resources: purge requests, custom metadata fields, saved extensions, named transformations,
// origins, URL endpoints, usage and usage analytics, one file each (the collections share one file).
import { namedTransformations, origins, savedExtensions, urlEndpoints } from './collections'
import type { Handlers } from './context'
import { fieldHandlers } from './customMetadataFields'
import { purgeHandlers } from './purge'
import { usageHandlers } from './usage'

/** Every account-level handler, by operationId. */
export const accountHandlers = {
  ...fieldHandlers,
  ...purgeHandlers,
  ...savedExtensions,
  ...namedTransformations,
  ...origins,
  ...urlEndpoints,
  ...usageHandlers,
} satisfies Handlers

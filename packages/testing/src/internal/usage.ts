// Usage and usage analytics: the date range checked as ImageKit checks it; the figures are zeros, but storage.
import { isoNow, type Ctx, type Handlers } from './context'
import { fail, ok, type Reply } from './reply'
const DAY = /^\d{4}-\d{2}-\d{2}$/

/** Checks `startDate`/`endDate` like ImageKit: both present, `YYYY-MM-DD`, in order, at most 90 days apart. */
const dateRange = (ctx: Ctx): Reply | { readonly start: string; readonly end: string } => {
  const start = ctx.url.searchParams.get('startDate')
  const end = ctx.url.searchParams.get('endDate')
  if (start === null || end === null)
    return fail(400, 'startDate and endDate are required in query parameters.')
  if (
    !DAY.test(start) ||
    !DAY.test(end) ||
    Number.isNaN(Date.parse(start)) ||
    Number.isNaN(Date.parse(end))
  ) {
    return fail(400, 'startDate and endDate should be in format YYYY-MM-DD.')
  }
  if (start > end) return fail(400, 'startDate should be before endDate.')
  if (Date.parse(end) - Date.parse(start) > 90 * 86_400_000)
    return fail(400, 'startDate and endDate should be within 90 days.')
  return { start, end }
}

const storageBytes = (ctx: Ctx) => {
  let total = 0
  for (const f of ctx.state.files.values())
    for (const v of [...f.versions, f.current]) total += v.bytes.length
  return total
}

const byBoth = () => ({ byBandwidth: [], byRequests: [] })

/** The usage handlers, by operationId. */
export const usageHandlers = {
  'get-usage': (ctx) => {
    const range = dateRange(ctx)
    if ('status' in range) return range
    return ok({
      bandwidthBytes: 0,
      mediaLibraryStorageBytes: storageBytes(ctx),
      videoProcessingUnitsCount: 0,
      extensionUnitsCount: 0,
      originalCacheStorageBytes: 0,
    })
  },
  'get-usage-analytics': (ctx) => {
    const range = dateRange(ctx)
    if ('status' in range) return range
    return ok({
      startDate: range.start,
      endDate: range.end,
      generatedAt: isoNow(ctx),
      bandwidthBytes: 0,
      requestCount: 0,
      cache: { hitCount: 0, missCount: 0, errorCount: 0 },
      browser: byBoth(),
      country: byBoth(),
      device: byBoth(),
      format: byBoth(),
      errorReasons: [],
      extensions: [],
      statusCodes: [],
      top404Assets: [],
      topImages: byBoth(),
      topImageTransforms: byBoth(),
      topOtherAssets: byBoth(),
      topReferrers: byBoth(),
      topUserAgents: byBoth(),
      topVideos: byBoth(),
      topVideoTransforms: byBoth(),
      urlEndpoints: byBoth(),
      videoProcessing: [],
    })
  },
} satisfies Handlers

// Account-level resources: purge requests, custom metadata fields, saved extensions, named transformations,
// origins, URL endpoints, usage and usage analytics.
import * as t from 'io-ts'
import { isoNow, type Ctx, type Route } from './context'
import { fail, ok, type Reply } from './reply'
import type { Named } from './state'
import { decoded, closed, failAt, nonEmpty, scalar, struct, text, uri } from './validate'

// ---- custom metadata fields

const FIELD_TYPES = ['Text', 'Textarea', 'Number', 'Date', 'Boolean', 'SingleSelect', 'MultiSelect'] as const
const numOrText = t.union([t.string, t.number])
const schemaProps = {
  selectOptions: t.array(scalar),
  defaultValue: t.union([scalar, t.array(scalar)]),
  isValueRequired: t.boolean,
  minValue: numOrText,
  maxValue: numOrText,
  minLength: t.number,
  maxLength: t.number,
}
const FieldType = t.keyof(
  Object.fromEntries(FIELD_TYPES.map((k) => [k, null])) as Record<(typeof FIELD_TYPES)[number], null>,
)
const CreateField = t.type({
  name: t.string,
  label: t.string,
  schema: struct({ type: FieldType }, schemaProps),
})
const UpdateField = t.partial({ label: t.string, schema: t.partial(schemaProps) })

/** What ImageKit refuses in a field's schema beyond its JSON shape. */
const schemaError = (schema: Record<string, unknown>): string | undefined => {
  const select = schema.type === 'SingleSelect' || schema.type === 'MultiSelect'
  if (select && (!Array.isArray(schema.selectOptions) || schema.selectOptions.length === 0)) {
    return 'Your request contains invalid schema.selectOptions parameter: a select field needs options.'
  }
  if (
    typeof schema.minLength === 'number' &&
    typeof schema.maxLength === 'number' &&
    schema.minLength > schema.maxLength
  ) {
    return 'Your request contains invalid schema.minLength parameter: it is above maxLength.'
  }
  if (
    typeof schema.minValue === 'number' &&
    typeof schema.maxValue === 'number' &&
    schema.minValue > schema.maxValue
  ) {
    return 'Your request contains invalid schema.minValue parameter: it is above maxValue.'
  }
  return undefined
}

const fieldView = (f: { id: string; name: string; label: string; schema: Record<string, unknown> }) => ({
  id: f.id,
  name: f.name,
  label: f.label,
  schema: f.schema,
})

const fieldRoutes: readonly Route[] = [
  {
    method: 'POST',
    pattern: '/v1/customMetadataFields',
    operation: 'create-new-field',
    auth: 'basic',
    handle: decoded(CreateField, (ctx, b) => {
      if (!/^[A-Za-z0-9_-]{1,100}$/.test(b.name))
        return fail(400, 'Your request contains invalid name parameter.')
      if (b.label.trim() === '') return fail(400, 'Your request contains invalid label parameter.')
      const problem = schemaError(b.schema)
      if (problem !== undefined) return fail(400, problem)
      const live = [...ctx.state.fields.values()].filter((f) => !f.deleted)
      if (live.some((f) => f.name === b.name))
        return fail(400, 'A custom metadata field with this name already exists.')
      if (live.some((f) => f.label === b.label))
        return fail(400, 'A custom metadata field with this label already exists.')
      const field = {
        id: ctx.state.ids.objectId(),
        name: b.name,
        label: b.label,
        schema: { ...b.schema },
        deleted: false,
      }
      ctx.state.fields.set(field.id, field)
      return ok(fieldView(field), 201)
    }),
  },
  {
    method: 'GET',
    pattern: '/v1/customMetadataFields',
    operation: 'list-all-fields',
    auth: 'basic',
    handle: (ctx) => {
      const raw = ctx.url.searchParams.get('includeDeleted')
      if (raw !== null && raw !== 'true' && raw !== 'false')
        return fail(400, 'Your request contains invalid includeDeleted parameter.')
      return ok([...ctx.state.fields.values()].filter((f) => raw === 'true' || !f.deleted).map(fieldView))
    },
  },
  {
    method: 'PATCH',
    pattern: '/v1/customMetadataFields/:id',
    operation: 'update-existing-field',
    auth: 'basic',
    handle: decoded(UpdateField, (ctx, b) => {
      const field = ctx.state.fields.get(ctx.params.id ?? '')
      if (field === undefined || field.deleted) return fail(404, 'No such custom metadata field exists.')
      const schema = { ...field.schema, ...(b.schema ?? {}) }
      const problem = schemaError(schema)
      if (problem !== undefined) return fail(400, problem)
      if (b.label !== undefined) field.label = b.label
      field.schema = schema
      return ok(fieldView(field))
    }),
  },
  {
    method: 'DELETE',
    pattern: '/v1/customMetadataFields/:id',
    operation: 'delete-a-field',
    auth: 'basic',
    handle: (ctx) => {
      const field = ctx.state.fields.get(ctx.params.id ?? '')
      if (field === undefined || field.deleted) return fail(404, 'No such custom metadata field exists.')
      field.deleted = true
      return ok(undefined, 204)
    },
  },
]

// ---- purge

const Purge = t.type({ url: uri })

const purgeRoutes: readonly Route[] = [
  {
    method: 'POST',
    pattern: '/v1/files/purge',
    operation: 'purge-cache',
    auth: 'basic',
    handle: decoded(Purge, (ctx, b) => {
      const endpoint = new URL(ctx.urlEndpoint)
      if (new URL(b.url).host !== endpoint.host)
        return fail(400, 'Your request contains invalid url parameter: it is not under your URL endpoint.')
      const requestId = ctx.state.ids.objectId()
      ctx.state.purges.set(requestId, ctx.pendingReads)
      return ok({ requestId }, 201)
    }),
  },
  {
    method: 'GET',
    pattern: '/v1/files/purge/:requestId',
    operation: 'purge-status',
    auth: 'basic',
    handle: (ctx) => {
      const id = ctx.params.requestId ?? ''
      const left = ctx.state.purges.get(id)
      if (left === undefined) return fail(400, 'Your request contains invalid requestId parameter.')
      if (left > 0) ctx.state.purges.set(id, left - 1)
      return ok({ status: left > 0 ? 'Pending' : 'Completed' })
    },
  },
]

// ---- a generic collection (saved extensions, named transformations, origins, URL endpoints)

interface Collection<C, U> {
  readonly path: string
  readonly names: { list: string; create: string; get: string; update: string; remove: string }
  readonly updateMethod: 'PATCH' | 'PUT'
  readonly store: (ctx: Ctx) => Map<string, Named>
  readonly create: t.Decoder<unknown, C>
  readonly update: t.Decoder<unknown, U>
  /** Semantic checks beyond the JSON shape (name clashes); `self` is the record being updated. */
  readonly refuse?: (ctx: Ctx, body: Record<string, unknown>, self?: Named) => Reply | undefined
  /** Builds the stored record from the body (with id and timestamps). */
  readonly build: (ctx: Ctx, body: Record<string, unknown>, previous?: Named) => Named
  /** What the API answers for a record (secrets left out). */
  readonly view: (n: Named) => unknown
  readonly notFound: string
}

const collectionRoutes = <C, U>(c: Collection<C, U>): Route[] => {
  const one = `${c.path}/:id`
  const find = (ctx: Ctx) => c.store(ctx).get(ctx.params.id ?? '')
  return [
    {
      method: 'GET',
      pattern: c.path,
      operation: c.names.list,
      auth: 'basic',
      handle: (ctx) => ok([...c.store(ctx).values()].map(c.view)),
    },
    {
      method: 'POST',
      pattern: c.path,
      operation: c.names.create,
      auth: 'basic',
      handle: decoded(c.create, (ctx, b) => {
        const body = b as Record<string, unknown>
        const refused = c.refuse?.(ctx, body)
        if (refused !== undefined) return refused
        const record = c.build(ctx, body)
        c.store(ctx).set(record.id, record)
        return ok(c.view(record), 201)
      }),
    },
    {
      method: 'GET',
      pattern: one,
      operation: c.names.get,
      auth: 'basic',
      handle: (ctx) => {
        const n = find(ctx)
        return n === undefined ? fail(404, c.notFound) : ok(c.view(n))
      },
    },
    {
      method: c.updateMethod,
      pattern: one,
      operation: c.names.update,
      auth: 'basic',
      handle: decoded(c.update, (ctx, b) => {
        const n = find(ctx)
        if (n === undefined) return fail(404, c.notFound)
        const body = b as Record<string, unknown>
        const refused = c.refuse?.(ctx, body, n)
        if (refused !== undefined) return refused
        const record = c.build(ctx, body, n)
        c.store(ctx).set(record.id, record)
        return ok(c.view(record))
      }),
    },
    {
      method: 'DELETE',
      pattern: one,
      operation: c.names.remove,
      auth: 'basic',
      handle: (ctx) => {
        const n = find(ctx)
        if (n === undefined) return fail(404, c.notFound)
        c.store(ctx).delete(n.id)
        return ok(undefined, 204)
      },
    },
  ]
}

const nameClash =
  (store: (ctx: Ctx) => Map<string, Named>, what: string) =>
  (ctx: Ctx, body: Record<string, unknown>, self?: Named): Reply | undefined =>
    body.name !== undefined && [...store(ctx).values()].some((n) => n !== self && n.name === body.name)
      ? fail(400, `A ${what} with this name already exists.`)
      : undefined

const stamped = (
  ctx: Ctx,
  body: Record<string, unknown>,
  previous: Named | undefined,
  defaults: Record<string, unknown> = {},
): Named => {
  const at = isoNow(ctx)
  return {
    ...defaults,
    ...(previous ?? {}),
    ...body,
    id: previous?.id ?? ctx.state.ids.objectId(),
    createdAt: previous?.createdAt ?? at,
    updatedAt: at,
  }
}

const ExtensionConfig = t.union([
  struct({ name: t.literal('remove-bg') }, { options: t.UnknownRecord }),
  t.type({
    name: t.keyof({ 'google-auto-tagging': null, 'aws-auto-tagging': null }),
    minConfidence: t.Int,
    maxTags: t.Int,
  }),
  t.type({ name: t.literal('ai-auto-description') }),
  t.type({ name: t.literal('ai-tasks'), tasks: t.array(t.type({ type: t.string })) }),
])

const savedExtensions = collectionRoutes({
  path: '/v1/saved-extensions',
  names: {
    list: 'list-extensions',
    create: 'create-extension',
    get: 'get-extension',
    update: 'update-extension',
    remove: 'delete-extension',
  },
  updateMethod: 'PATCH',
  store: (ctx) => ctx.state.savedExtensions,
  create: t.type({ name: nonEmpty, description: nonEmpty, config: ExtensionConfig }),
  update: t.partial({ name: nonEmpty, description: nonEmpty, config: ExtensionConfig }),
  // No name check: the spec does not make saved extension names unique.
  build: (ctx, body, previous) => stamped(ctx, body, previous),
  view: (n) => n,
  notFound: 'The requested saved extension does not exist.',
})

const TransformationName = text(1, 100, /^[A-Za-z0-9_]+$/)
const namedTransformations = collectionRoutes({
  path: '/v1/named-transformations',
  names: {
    list: 'list-named-transformations',
    create: 'create-named-transformation',
    get: 'get-named-transformation',
    update: 'update-named-transformation',
    remove: 'delete-named-transformation',
  },
  updateMethod: 'PATCH',
  store: (ctx) => ctx.state.namedTransformations,
  create: struct({ name: TransformationName, transformation: nonEmpty }, { enabled: t.boolean }),
  update: t.partial({ name: TransformationName, transformation: nonEmpty, enabled: t.boolean }),
  refuse: nameClash((ctx) => ctx.state.namedTransformations, 'named transformation'),
  build: (ctx, body, previous) => {
    // A named transformation has no `updatedAt` (node7's NamedTransformation type).
    const record: Record<string, unknown> = { ...stamped(ctx, body, previous, { enabled: true }) }
    delete record.updatedAt
    return record as Named
  },
  view: (n) => n,
  notFound: 'The requested named transformation does not exist.',
})

// Origins: one closed object per type (the spec's `additionalProperties: false`); secrets are kept but never shown.
const originName = text(1, 100, /^[a-zA-Z0-9 ]+$/)
const common = { includeCanonicalHeader: t.boolean, baseUrlForCanonicalHeader: uri }
const max100 = text(0, 100)
const s1to100 = text(1, 100)
const ORIGIN_SCHEMAS = {
  S3: [
    { name: originName, bucket: s1to100, accessKey: max100, secretKey: max100 },
    { ...common, prefix: max100, useIAMRole: t.boolean },
  ],
  S3_COMPATIBLE: [
    { name: originName, bucket: s1to100, accessKey: s1to100, secretKey: s1to100, endpoint: uri },
    { ...common, prefix: max100, s3ForcePathStyle: t.boolean },
  ],
  CLOUDINARY_BACKUP: [
    { name: originName, bucket: s1to100, accessKey: max100, secretKey: max100 },
    { ...common, prefix: max100, useIAMRole: t.boolean },
  ],
  WEB_FOLDER: [
    { name: originName, baseUrl: uri },
    { ...common, forwardHostHeaderToOrigin: t.boolean },
  ],
  WEB_PROXY: [{ name: originName }, common],
  GCS: [
    {
      name: originName,
      bucket: s1to100,
      clientEmail: text(3, 320, /^[^@\s]+@[^@\s]+$/),
      privateKey: nonEmpty,
    },
    { ...common, prefix: max100 },
  ],
  AZURE_BLOB: [
    { name: originName, container: s1to100, accountName: s1to100, sasToken: nonEmpty },
    { ...common, prefix: max100 },
  ],
  AKENEO_PIM: [
    {
      name: originName,
      baseUrl: uri,
      clientId: s1to100,
      clientSecret: s1to100,
      username: s1to100,
      password: s1to100,
    },
    common,
  ],
} satisfies Record<string, readonly [t.Props, t.Props]>
const ORIGIN_SECRETS = ['accessKey', 'secretKey', 'privateKey', 'sasToken', 'clientSecret', 'password']
const ORIGIN_DEFAULTS: Record<string, Record<string, unknown>> = {
  S3: { prefix: '' },
  S3_COMPATIBLE: { prefix: '', s3ForcePathStyle: false },
  CLOUDINARY_BACKUP: { prefix: '' },
  WEB_FOLDER: { forwardHostHeaderToOrigin: false },
  GCS: { prefix: '' },
  AZURE_BLOB: { prefix: '' },
}

const Origin = new t.Type<Record<string, unknown>, unknown, unknown>(
  'Origin',
  (u): u is Record<string, unknown> => typeof u === 'object' && u !== null,
  (u, c) => {
    const type = typeof u === 'object' && u !== null ? (u as { type?: unknown }).type : undefined
    const schema =
      typeof type === 'string' && Object.hasOwn(ORIGIN_SCHEMAS, type)
        ? (ORIGIN_SCHEMAS as Record<string, readonly [t.Props, t.Props]>)[type]
        : undefined
    if (schema === undefined) return failAt(u, 'type', c)
    return closed({ ...schema[0], type: t.literal(type as string) }, schema[1]).validate(u, c)
  },
  t.identity,
)

const origins = collectionRoutes({
  path: '/v1/accounts/origins',
  names: {
    list: 'list-origins',
    create: 'create-origin',
    get: 'get-origin',
    update: 'update-origin',
    remove: 'delete-origin',
  },
  updateMethod: 'PUT',
  store: (ctx) => ctx.state.origins,
  create: Origin,
  update: Origin,
  build: (ctx, body, previous) => ({
    ...ORIGIN_DEFAULTS[String(body.type)],
    includeCanonicalHeader: false,
    ...body,
    id: previous?.id ?? ctx.state.ids.objectId(),
  }),
  view: (n) => Object.fromEntries(Object.entries(n).filter(([k]) => !ORIGIN_SECRETS.includes(k))),
  notFound: 'The requested origin does not exist.',
})

const UrlRewriter = t.union([
  closed({ type: t.literal('CLOUDINARY') }, { preserveAssetDeliveryTypes: t.boolean }),
  closed({ type: t.literal('IMGIX') }),
  closed({ type: t.literal('AKAMAI') }),
])
const UrlEndpoint = closed(
  { description: text(1, 1000) },
  { urlPrefix: max100, origins: t.array(t.string), urlRewriter: UrlRewriter },
)

const urlEndpoints = collectionRoutes({
  path: '/v1/accounts/url-endpoints',
  names: {
    list: 'list-url-endpoints',
    create: 'create-url-endpoint',
    get: 'get-url-endpoint',
    update: 'update-url-endpoint',
    remove: 'delete-url-endpoint',
  },
  updateMethod: 'PUT',
  store: (ctx) => ctx.state.urlEndpoints,
  create: UrlEndpoint,
  update: UrlEndpoint,
  refuse: (ctx, body, self) => {
    const origins = (body.origins ?? []) as string[]
    if (origins.length > 10)
      return fail(400, 'Your request contains invalid origins parameter: at most 10 origins.')
    const unknown = origins.find((id) => !ctx.state.origins.has(id))
    if (unknown !== undefined)
      return fail(400, `Your request contains invalid origins parameter: no origin ${unknown}.`)
    const prefix = body.urlPrefix ?? ''
    return [...ctx.state.urlEndpoints.values()].some((n) => n !== self && (n.urlPrefix ?? '') === prefix)
      ? fail(400, 'A URL endpoint with this urlPrefix already exists.')
      : undefined
  },
  build: (ctx, body, previous) => {
    const rewriter = body.urlRewriter as Record<string, unknown> | undefined
    return {
      urlPrefix: '',
      origins: [],
      ...body,
      ...(rewriter?.type === 'CLOUDINARY'
        ? { urlRewriter: { preserveAssetDeliveryTypes: false, ...rewriter } }
        : {}),
      id: previous?.id ?? ctx.state.ids.objectId(),
    }
  },
  view: (n) => n,
  notFound: 'The requested URL endpoint does not exist.',
})

// ---- usage

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

const usageRoutes: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/v1/accounts/usage',
    operation: 'get-usage',
    auth: 'basic',
    handle: (ctx) => {
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
  },
  {
    method: 'GET',
    pattern: '/v1/accounts/usage-analytics',
    operation: 'get-usage-analytics',
    auth: 'basic',
    handle: (ctx) => {
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
  },
]

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

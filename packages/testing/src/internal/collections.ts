// A generic collection (saved extensions, named transformations, origins, URL endpoints): list, create, get,
// update and delete, each resource with its own request shapes and checks.
import * as t from 'io-ts'
import { isoNow, type Ctx, type Handler } from './context'
import { fail, ok, type Reply } from './reply'
import type { Named } from './state'
import { decoded, closed, failAt, nonEmpty, struct, text, uri } from './validate'
/** The operationIds of a collection's five operations. */
interface Names {
  readonly list: string
  readonly create: string
  readonly get: string
  readonly update: string
  readonly remove: string
}

interface Collection<C, U, N extends Names> {
  readonly names: N
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

/** A collection's handlers, by operationId (the record's id is the path parameter `id`). */
const collectionHandlers = <C, U, const N extends Names>(
  c: Collection<C, U, N>,
): Readonly<Record<N[keyof Names], Handler>> => {
  const find = (ctx: Ctx) => c.store(ctx).get(ctx.params.id ?? '')
  const handlers: Readonly<Record<keyof Names, Handler>> = {
    list: (ctx) => ok([...c.store(ctx).values()].map(c.view)),
    create: decoded(c.create, (ctx, b) => {
      const body = b as Record<string, unknown>
      const refused = c.refuse?.(ctx, body)
      if (refused !== undefined) return refused
      const record = c.build(ctx, body)
      c.store(ctx).set(record.id, record)
      return ok(c.view(record), 201)
    }),
    get: (ctx) => {
      const n = find(ctx)
      return n === undefined ? fail(404, c.notFound) : ok(c.view(n))
    },
    update: decoded(c.update, (ctx, b) => {
      const n = find(ctx)
      if (n === undefined) return fail(404, c.notFound)
      const body = b as Record<string, unknown>
      const refused = c.refuse?.(ctx, body, n)
      if (refused !== undefined) return refused
      const record = c.build(ctx, body, n)
      c.store(ctx).set(record.id, record)
      return ok(c.view(record))
    }),
    remove: (ctx) => {
      const n = find(ctx)
      if (n === undefined) return fail(404, c.notFound)
      c.store(ctx).delete(n.id)
      return ok(undefined, 204)
    },
  }
  return Object.fromEntries(
    (Object.keys(handlers) as (keyof Names)[]).map((k) => [c.names[k], handlers[k]]),
  ) as Record<N[keyof Names], Handler>
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

/** The saved extension handlers, by operationId. */
export const savedExtensions = collectionHandlers({
  names: {
    list: 'list-extensions',
    create: 'create-extension',
    get: 'get-extension',
    update: 'update-extension',
    remove: 'delete-extension',
  },
  store: (ctx) => ctx.state.savedExtensions,
  create: t.type({ name: nonEmpty, description: nonEmpty, config: ExtensionConfig }),
  update: t.partial({ name: nonEmpty, description: nonEmpty, config: ExtensionConfig }),
  // No name check: the spec does not make saved extension names unique.
  build: (ctx, body, previous) => stamped(ctx, body, previous),
  view: (n) => n,
  notFound: 'The requested saved extension does not exist.',
})

const TransformationName = text(1, 100, /^[A-Za-z0-9_]+$/)
/** The named transformation handlers, by operationId. */
export const namedTransformations = collectionHandlers({
  names: {
    list: 'list-named-transformations',
    create: 'create-named-transformation',
    get: 'get-named-transformation',
    update: 'update-named-transformation',
    remove: 'delete-named-transformation',
  },
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

/** The origin handlers, by operationId. */
export const origins = collectionHandlers({
  names: {
    list: 'list-origins',
    create: 'create-origin',
    get: 'get-origin',
    update: 'update-origin',
    remove: 'delete-origin',
  },
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

/** The URL endpoint handlers, by operationId. */
export const urlEndpoints = collectionHandlers({
  names: {
    list: 'list-url-endpoints',
    create: 'create-url-endpoint',
    get: 'get-url-endpoint',
    update: 'update-url-endpoint',
    remove: 'delete-url-endpoint',
  },
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

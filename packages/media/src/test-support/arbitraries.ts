// fast-check arbitraries of valid media inputs, shared by the differential and property tests.
import fc from 'fast-check'

/** Ids in the id alphabet (RFC 3986 unreserved), never '.' or '..'. */
export const anyId = fc.stringMatching(/^[\w.~-]{1,40}$/).filter((s) => s !== '.' && s !== '..')

/** A string with at least one non-blank character. */
export const text = fc
  .string({ minLength: 1, maxLength: 30, unit: 'grapheme' })
  .filter((s) => s.trim() !== '')

/** A name without `/`. */
export const fileName = text.filter((s) => !s.includes('/'))

/** An absolute http(s) URL already in WHATWG-serialised form (our `url` checks normalise to that). */
export const serialisedUrl = fc
  .webUrl({ withQueryParameters: true, withFragments: false })
  .filter((u) => new URL(u).href === u)

/** A list of 1 to `max` tags. */
export const tagList = (max = 5) => fc.array(text, { minLength: 1, maxLength: max })

export const words = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '')

const scalar = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean())

/** A `YYYY-MM-DD` date from 2000 to 2099. */
export const anyDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

/** Two dates `0..89` days apart (`minDays` 1 for getUsage, whose end is excluded). */
export const anyPeriod = (minDays: number) =>
  fc.tuple(anyDate, fc.integer({ min: minDays, max: 89 })).map(([startDate, days]) => ({
    startDate,
    endDate: new Date(Date.parse(startDate) + days * 86_400_000).toISOString().slice(0, 10),
  }))

/** A custom metadata field schema whose rules fit its type. */
export const anySchema = fc.oneof(
  fc
    .tuple(fc.constantFrom('Text' as const, 'Textarea' as const), fc.nat(5), fc.nat(5), fc.boolean())
    .map(([type, min, extra, required]) => ({
      type,
      minLength: min,
      maxLength: min + extra + 1,
      isValueRequired: required,
      defaultValue: 'x'.repeat(min + 1),
    })),
  fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.nat(1000), fc.nat(1000)).map(([min, a, b]) => ({
    type: 'Number' as const,
    minValue: min,
    maxValue: min + a + b,
    defaultValue: min + a,
  })),
  fc.tuple(anyDate, anyDate).map(([a, b]) => {
    const [minValue, maxValue] = a < b ? [a, b] : [b, a]
    return { type: 'Date' as const, minValue, maxValue, defaultValue: maxValue }
  }),
  fc.boolean().map((b) => ({ type: 'Boolean' as const, defaultValue: b, isValueRequired: true })),
  fc
    .tuple(
      fc.uniqueArray(scalar, { minLength: 1, maxLength: 5 }),
      fc.constantFrom('SingleSelect', 'MultiSelect'),
    )
    .map(([options, type]) =>
      type === 'SingleSelect'
        ? { type: 'SingleSelect' as const, selectOptions: options, defaultValue: options[0]! }
        : { type: 'MultiSelect' as const, selectOptions: options, defaultValue: options.slice(0, 2) },
    ),
)

/** The rules of {@link anySchema} without the type (what an update sends). */
export const anyRules = anySchema.map((schema) => {
  const rules: Partial<typeof schema> = { ...schema }
  delete rules.type
  return rules
})

const tags = fc.array(words, { maxLength: 3 })
const action = fc.record(
  {
    add_tags: tags,
    remove_tags: tags,
    set_metadata: fc.array(
      fc.record({ field: words, value: fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })) }),
      { maxLength: 2 },
    ),
    unset_metadata: fc.array(fc.record({ field: words }), { maxLength: 2 }),
  },
  { requiredKeys: [] },
)
const instruction = fc.string({ minLength: 1, maxLength: 60 })
const selections = { min_selections: fc.nat(3), max_selections: fc.integer({ min: 3, max: 10 }) }
const task = fc.oneof(
  fc.record(
    {
      type: fc.constant('select_tags' as const),
      instruction,
      vocabulary: fc.array(fc.stringMatching(/^[a-z]{1,10}$/), { minLength: 1, maxLength: 30 }),
      ...selections,
    },
    { requiredKeys: ['type', 'instruction'] },
  ),
  fc.record(
    {
      type: fc.constant('select_metadata' as const),
      instruction,
      field: words,
      vocabulary: fc.array(scalar, { minLength: 1, maxLength: 30 }),
      ...selections,
    },
    { requiredKeys: ['type', 'instruction', 'field'] },
  ),
  fc.record(
    { type: fc.constant('yes_no' as const), instruction, on_yes: action, on_no: action, on_unknown: action },
    { requiredKeys: ['type', 'instruction'] },
  ),
)

/** Any documented extension configuration. */
export const anyExtensionConfig = fc.oneof(
  fc.record(
    {
      name: fc.constant('remove-bg' as const),
      options: fc.record(
        {
          add_shadow: fc.boolean(),
          semitransparency: fc.boolean(),
          bg_color: fc.constantFrom('81d4fa', 'fff', 'green'),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['name'] },
  ),
  fc.record({
    name: fc.constantFrom('google-auto-tagging' as const, 'aws-auto-tagging' as const),
    minConfidence: fc.integer({ min: 0, max: 100 }),
    maxTags: fc.integer({ min: 1, max: 50 }),
  }),
  fc.constant({ name: 'ai-auto-description' as const }),
  fc.record({
    name: fc.constant('ai-tasks' as const),
    tasks: fc.array(task, { minLength: 1, maxLength: 10 }),
  }),
)

const originName = fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9 ]{0,30}$/)
const short = fc.stringMatching(/^[\w./-]{1,40}$/)
const url = fc.webUrl({ validSchemes: ['https', 'http'] })
const common = { name: originName, includeCanonicalHeader: fc.boolean(), baseUrlForCanonicalHeader: url }
const commonKeys = ['name', 'type'] as const

/** Any documented origin body, of every type. */
export const anyOrigin = fc.oneof(
  ...(['S3', 'CLOUDINARY_BACKUP'] as const).map((type) =>
    fc.oneof(
      fc.record(
        {
          ...common,
          type: fc.constant(type),
          bucket: short,
          prefix: short,
          accessKey: short,
          secretKey: short,
        },
        { requiredKeys: [...commonKeys, 'bucket', 'accessKey', 'secretKey'] },
      ),
      fc.record(
        {
          ...common,
          type: fc.constant(type),
          bucket: short,
          useIAMRole: fc.constant(true),
          accessKey: fc.constant(''),
          secretKey: fc.constant(''),
        },
        { requiredKeys: [...commonKeys, 'bucket', 'useIAMRole', 'accessKey', 'secretKey'] },
      ),
    ),
  ),
  fc.record(
    {
      ...common,
      type: fc.constant('S3_COMPATIBLE' as const),
      bucket: short,
      prefix: short,
      accessKey: short,
      secretKey: short,
      endpoint: url,
      s3ForcePathStyle: fc.boolean(),
    },
    { requiredKeys: [...commonKeys, 'bucket', 'accessKey', 'secretKey', 'endpoint'] },
  ),
  fc.record(
    {
      ...common,
      type: fc.constant('WEB_FOLDER' as const),
      baseUrl: url,
      forwardHostHeaderToOrigin: fc.boolean(),
    },
    { requiredKeys: [...commonKeys, 'baseUrl'] },
  ),
  fc.record({ ...common, type: fc.constant('WEB_PROXY' as const) }, { requiredKeys: [...commonKeys] }),
  fc.record(
    {
      ...common,
      type: fc.constant('GCS' as const),
      bucket: short,
      prefix: short,
      clientEmail: fc.stringMatching(/^[a-z0-9]{1,10}@[a-z]{1,10}\.(com|io)$/),
      privateKey: words,
    },
    { requiredKeys: [...commonKeys, 'bucket', 'clientEmail', 'privateKey'] },
  ),
  fc.record(
    {
      ...common,
      type: fc.constant('AZURE_BLOB' as const),
      container: short,
      prefix: short,
      accountName: short,
      sasToken: words,
    },
    { requiredKeys: [...commonKeys, 'container', 'accountName', 'sasToken'] },
  ),
  fc.record(
    {
      ...common,
      type: fc.constant('AKENEO_PIM' as const),
      baseUrl: url,
      clientId: short,
      clientSecret: short,
      username: short,
      password: short,
    },
    { requiredKeys: [...commonKeys, 'baseUrl', 'clientId', 'clientSecret', 'username', 'password'] },
  ),
)

/** Any documented URL endpoint body. */
export const anyUrlEndpoint = fc.record(
  {
    description: fc.string({ minLength: 1, maxLength: 100 }),
    urlPrefix: fc.stringMatching(/^[A-Za-z0-9-]{0,20}$/),
    origins: fc.array(anyId, { maxLength: 10 }),
    urlRewriter: fc.oneof(
      fc.record(
        { type: fc.constant('CLOUDINARY' as const), preserveAssetDeliveryTypes: fc.boolean() },
        { requiredKeys: ['type'] },
      ),
      fc.record({ type: fc.constantFrom('IMGIX' as const, 'AKAMAI' as const) }),
    ),
  },
  { requiredKeys: ['description'] },
)

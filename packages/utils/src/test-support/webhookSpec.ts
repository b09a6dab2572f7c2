// Reads the `webhooks` section of ImageKit's patched OpenAPI spec (test data outside the repository, see
// test/support/prism.ts): each documented event type with the example events the spec gives for it, and events
// generated from its schema (every documented field present, every enum value used by one of them).
import { existsSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { SPEC_PATH } from '../../../../test/support/prism'

type Json = Readonly<Record<string, unknown>>

/** The spec, or why the tests that read it skip. */
export const loadSpec = (): { readonly spec?: Json; readonly reason?: string } =>
  existsSync(SPEC_PATH)
    ? { spec: parse(readFileSync(SPEC_PATH, 'utf8')) as Json }
    : { reason: `ImageKit OpenAPI spec not found at ${SPEC_PATH}: spec example tests skipped` }

/** Follows local `$ref`s (`#/components/…`). */
const deref = (spec: Json, node: unknown): Json => {
  let n = node as Json
  while (typeof n['$ref'] === 'string')
    n = (n['$ref'] as string)
      .slice(2)
      .split('/')
      .reduce<Json>((o, k) => o[k] as Json, spec)
  return n
}

/** One schema for an `allOf` (properties and required lists merged, later parts win on the rest). */
const flatten = (spec: Json, node: unknown): Json => {
  const n = deref(spec, node)
  if (!Array.isArray(n['allOf'])) return n
  const parts = (n['allOf'] as unknown[]).map((p) => flatten(spec, p))
  const properties: Record<string, unknown> = {}
  for (const p of parts)
    for (const [k, v] of Object.entries((p['properties'] as Json | undefined) ?? {}))
      properties[k] = k in properties ? { allOf: [properties[k], v] } : v
  return {
    ...Object.assign({}, ...parts),
    properties,
    required: parts.flatMap((p) => (p['required'] as string[] | undefined) ?? []),
  }
}

/**
 * Values the spec documents in prose only (a description listing them), by path: a generated `'x'` there would be
 * an undocumented value.
 */
const PROSE_ENUMS: Readonly<Record<string, readonly string[]>> = {
  'data.AITags[0].source': ['google-auto-tagging', 'aws-auto-tagging'],
}

const pick = <A>(list: readonly A[], i: number): A => list[i % list.length] as A

/** A value of `node` with every property present; `i` picks among enum values and `oneOf` options. */
const generate = (spec: Json, node: unknown, i: number, path: string): unknown => {
  const n = flatten(spec, node)
  if ('const' in n) return n['const']
  if (Array.isArray(n['enum'])) return pick(n['enum'] as unknown[], i)
  if (path in PROSE_ENUMS) return pick(PROSE_ENUMS[path]!, i)
  if (Array.isArray(n['oneOf'])) return generate(spec, pick(n['oneOf'] as unknown[], i), i, path)
  if (n['example'] !== undefined) return n['example']
  const types = Array.isArray(n['type']) ? (n['type'] as string[]) : [n['type'] as string]
  const type = types.find((x) => x !== 'null') ?? 'object'
  switch (type) {
    case 'string':
      return n['format'] === 'uri'
        ? 'https://ik.imagekit.io/demo/a.jpg'
        : n['format'] === 'date-time'
          ? '2025-01-01T00:00:00.000Z'
          : `${path}-${i}`
    case 'integer':
      return 240 + i
    case 'number':
      return 2.5 + i
    case 'boolean':
      return i % 2 === 0
    case 'array':
      return [generate(spec, n['items'], i, `${path}[0]`)]
    default: {
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries((n['properties'] as Json | undefined) ?? {}))
        out[k] = generate(spec, v, i, path === '' ? k : `${path}.${k}`)
      const extra = n['additionalProperties']
      if (typeof extra === 'object' && extra !== null) out['key'] = generate(spec, extra, i, `${path}.key`)
      return out
    }
  }
}

/** How many generated events per type: enough for every value of the longest enum or `oneOf` (7). */
const VARIANTS = 7

/** A documented event type: its examples (as the spec gives them) and events generated from its schema. */
export interface DocumentedEvent {
  readonly type: string
  readonly examples: readonly (readonly [string, unknown])[]
  readonly generated: readonly unknown[]
}

/** Every event type of the spec's `webhooks` section. */
export const documentedEvents = (spec: Json): DocumentedEvent[] =>
  Object.entries(spec['webhooks'] as Json).map(([type, item]) => {
    const content = ((((item as Json)['post'] as Json)['requestBody'] as Json)['content'] as Json)[
      'application/json'
    ] as Json
    const examples: [string, unknown][] = []
    if (content['example'] !== undefined) examples.push(['example', content['example']])
    for (const [name, ex] of Object.entries((content['examples'] as Json | undefined) ?? {}))
      examples.push([name, deref(spec, ex)['value']])
    const schema = flatten(spec, content['schema'])
    if (schema['example'] !== undefined) examples.push(['schema example', schema['example']])
    for (const [name, ex] of Object.entries((schema['examples'] as Json | undefined) ?? {}))
      examples.push([`schema examples.${name}`, ex])
    const generated = Array.from({ length: VARIANTS }, (_, i) => generate(spec, schema, i, ''))
    return { type, examples, generated }
  })

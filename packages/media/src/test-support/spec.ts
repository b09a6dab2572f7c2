// Reads ImageKit's patched OpenAPI spec (test data outside the repository, see test/support/prism.ts) for
// the contract and codec tests: each operation's documented statuses and its example responses.
import { existsSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { SPEC_PATH } from '../../../../test/support/prism'

type Json = Record<string, unknown>

const load = (): Json | undefined =>
  existsSync(SPEC_PATH) ? (parse(readFileSync(SPEC_PATH, 'utf8')) as Json) : undefined

let cached: Json | undefined | null = null
/** The whole spec, or `undefined` when the file is absent. */
export const spec = (): Json | undefined => (cached === null ? (cached = load()) : cached)

/** Follows a local `$ref` (`#/components/…`). */
const deref = (node: unknown): Json => {
  let n = node as Json
  while (typeof n?.['$ref'] === 'string') {
    n = (n['$ref'] as string)
      .slice(2)
      .split('/')
      .reduce<Json>((o, k) => o[k] as Json, spec()!)
  }
  return n
}

/** One documented response of an operation, with every example of its JSON body. */
export interface DocumentedResponse {
  readonly status: number
  readonly examples: readonly (readonly [string, unknown])[]
}

/** The documented responses of `METHOD path` (the spec's own path template, e.g. `/v1/files/{fileId}`). */
export const responses = (method: string, path: string): DocumentedResponse[] => {
  const paths = spec()?.['paths'] as Json | undefined
  const op = (paths?.[path] as Json | undefined)?.[method.toLowerCase()] as Json | undefined
  if (op === undefined) throw new Error(`no ${method} ${path} in the spec`)
  return Object.entries(op['responses'] as Json).map(([status, raw]) => {
    const content = (deref(raw)['content'] as Json | undefined)?.['application/json'] as Json | undefined
    const examples: [string, unknown][] = []
    if (content?.['example'] !== undefined) examples.push(['example', content['example']])
    for (const [name, ex] of Object.entries((content?.['examples'] as Json | undefined) ?? {}))
      examples.push([name, deref(ex)['value']])
    // An example beside a $ref (`schema: { $ref, example }`) or inside the schema it points to.
    const schema = content?.['schema'] as Json | undefined
    const example = schema?.['example'] ?? (schema === undefined ? undefined : deref(schema)['example'])
    if (example !== undefined) examples.push(['schema example', example])
    return { status: Number(status), examples }
  })
}

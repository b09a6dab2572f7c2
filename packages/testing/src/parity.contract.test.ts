// Parity with ImageKit's contract: every row is sent to Prism (serving the patched official OpenAPI spec) and to
// a fresh stand-in; both must accept it (2xx) or refuse it (4xx) alike, and every stand-in answer must validate
// against the spec's response schema for that status. Where the stand-in deliberately differs, the row says
// why (README, "Deviations"). Rows for operations newer than the spec run against the stand-in only.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import YAML from 'yaml'
import { createImagekitStandIn, type StandIn } from '@imagekit-fp/testing'
import { imagekitSpec, startPrism, type PrismServer } from '../../../test/support/prism'
import { call, pngHeader, uploadForm, type Answer } from './test-support/call'
import { ROWS, SEED_IDS, type Row } from './test-support/parityRows'
import { match } from './internal/routes'

const spec = imagekitSpec()
if (spec.path === undefined) console.warn(spec.reason)

type Verdict = 'accepted' | 'refused'
const verdict = (a: Answer): Verdict | `status ${number}` =>
  a.status >= 200 && a.status < 300 && a.headers['sl-violations'] === undefined
    ? 'accepted'
    : a.status >= 400 && a.status < 500
      ? 'refused'
      : `status ${a.status}`

/** Replaces `{name}` placeholders with the seeded ids (the same strings go to Prism, which takes any id). */
/** Puts the seeded ids into `{name}` placeholders; bytes (an upload's file) are kept as they are. */
const fill = <A>(u: A, ids: Readonly<Record<string, string>>): A => {
  const go = (v: unknown): unknown =>
    typeof v === 'string'
      ? v.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(ids, k) ? ids[k]! : m))
      : Array.isArray(v)
        ? v.map(go)
        : typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, go(x)]))
          : v
  return go(u) as A
}

/** Builds the state every row may refer to, through the stand-in's own API. */
const seed = async (s: StandIn): Promise<Record<string, string>> => {
  const png = pngHeader(4, 3)
  const first = await uploadForm(s, {
    file: png,
    fileName: 'a.png',
    folder: '/f',
    useUniqueFileName: 'false',
  })
  const second = await uploadForm(s, {
    file: pngHeader(8, 6),
    fileName: 'a.png',
    folder: '/f',
    useUniqueFileName: 'false',
  })
  const field = await call(s, 'POST', '/v1/customMetadataFields', {
    name: 'color',
    label: 'Color',
    schema: { type: 'Text' },
  })
  const ext = await call(s, 'POST', '/v1/saved-extensions', {
    name: 'bg',
    description: 'Remove background',
    config: { name: 'remove-bg' },
  })
  const origin = await call(s, 'POST', '/v1/accounts/origins', {
    name: 'Web',
    type: 'WEB_FOLDER',
    baseUrl: 'https://example.com',
  })
  const endpoint = await call(s, 'POST', '/v1/accounts/url-endpoints', {
    description: 'Main',
    urlPrefix: 'main',
  })
  const job = await call(s, 'POST', '/v1/bulkJobs/copyFolder', {
    sourceFolderPath: '/f',
    destinationPath: '/g',
  })
  const purge = await call(s, 'POST', '/v1/files/purge', { url: `${s.urlEndpoint}/f/a.png` })
  const named = await call(s, 'POST', '/v1/named-transformations', { name: 'thumb', transformation: 'w-100' })
  const id = (a: Answer, key: string) => String((a.body as Record<string, unknown>)[key])
  return {
    fileId: id(first, 'fileId'),
    oldVersionId: id(first, 'fileId'),
    versionId: String((second.body as { versionInfo: { id: string } }).versionInfo.id),
    fieldId: id(field, 'id'),
    extensionId: id(ext, 'id'),
    originId: id(origin, 'id'),
    endpointId: id(endpoint, 'id'),
    jobId: id(job, 'jobId'),
    purgeId: id(purge, 'requestId'),
    namedId: id(named, 'id'),
    urlEndpoint: s.urlEndpoint,
  }
}

const sendOnce = (s: StandIn, row: Row, ids: Record<string, string>, base?: string) => {
  const where = base === undefined ? {} : { base }
  const none = row.auth === 'none' || row.clientSide === true ? { auth: null } : {}
  if (row.form !== undefined) {
    return uploadForm(s, fill(row.form(s), ids), {
      ...none,
      version: row.path.includes('/v2/') ? 2 : 1,
      ...where,
    })
  }
  return call(s, row.method, fill(row.path, ids), fill(row.json, ids), { ...none, ...where })
}

const send = async (s: StandIn, row: Row, ids: Record<string, string>, base?: string): Promise<Answer> => {
  if (base === undefined) return sendOnce(s, row, ids)
  // Prism is stateless: a request it dropped mid-body (EPIPE on a reused keep-alive socket, seen on a busy
  // machine) is sent once more.
  return sendOnce(s, row, ids, base).catch(() => sendOnce(s, row, ids, base))
}

/** The spec's response schema validator for an operation and status (undefined when the status is undocumented). */
const schemas = (specPath: string) => {
  const doc = YAML.parse(readFileSync(specPath, 'utf8')) as {
    paths: Record<
      string,
      Record<string, { responses: Record<string, { $ref?: string; content?: Record<string, unknown> }> }>
    >
    components: { responses: Record<string, { content?: Record<string, unknown> }> }
  }
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema({ ...doc, $id: 'spec' })
  const escape = (s: string) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))
  return (template: string, method: string, status: number) => {
    // A path the spec file does not have (an operation newer than the spec): nothing to check against.
    if (doc.paths[template] === undefined) return { documented: true as const, validate: undefined }
    const op = doc.paths[template][method.toLowerCase()]
    const response = op?.responses[String(status)]
    if (op === undefined) return { documented: false as const }
    if (response === undefined) return { documented: false as const }
    const where =
      response.$ref === undefined
        ? `spec#/paths/${escape(template)}/${method.toLowerCase()}/responses/${status}`
        : `spec#/components/responses/${response.$ref.split('/').pop()}`
    const content =
      response.$ref === undefined
        ? response.content
        : doc.components.responses[response.$ref.split('/').pop()!]?.content
    if (content?.['application/json'] === undefined) return { documented: true as const, validate: undefined }
    return { documented: true as const, validate: ajv.getSchema(`${where}/content/application~1json/schema`) }
  }
}

const ERROR_SHAPE = (body: unknown) =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as { message?: unknown }).message === 'string' &&
  typeof (body as { help?: unknown }).help === 'string'

describe.skipIf(spec.path === undefined)('stand-in parity with the official contract (Prism)', () => {
  let prism: PrismServer
  let schemaFor: ReturnType<typeof schemas>
  beforeAll(async () => {
    prism = await startPrism(spec.path!)
    schemaFor = schemas(spec.path!)
  })
  afterAll(() => prism?.stop())

  it('seeds the same ids every time (the rows refer to them)', async () => {
    expect(await seed(createImagekitStandIn())).toStrictEqual(SEED_IDS)
  })

  it.each(ROWS.map((r) => [`${r.expected === 'accepted' ? 'accepts' : 'refuses'} ${r.name}`, r] as const))(
    '%s',
    async (_title, row) => {
      const answers: { method: string; path: string; answer: Answer }[] = []
      const plain = createImagekitStandIn()
      // Every stand-in answer (the seeding calls too) is kept, to be checked against the spec's schemas.
      const standIn: StandIn = {
        ...plain,
        fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
          const request = new Request(input, init)
          const res = await plain.fetch(request)
          const text = await res.clone().text()
          const headers: Record<string, string> = {}
          res.headers.forEach((v, k) => (headers[k] = v))
          const url = new URL(request.url)
          answers.push({
            method: request.method,
            path: url.pathname,
            answer: { status: res.status, headers, body: text === '' ? undefined : JSON.parse(text) },
          })
          return res
        }) as typeof fetch,
      }
      const ids = await seed(standIn)
      const mine = await send(standIn, row, ids)
      const theirs = row.inSpec === false ? undefined : await send(standIn, row, ids, prism.url)
      expect({
        standIn: verdict(mine),
        prism: theirs === undefined ? 'not in the spec' : verdict(theirs),
      }).toStrictEqual({
        standIn: row.expected,
        prism: row.inSpec === false ? 'not in the spec' : (row.prism ?? row.expected),
      })
      const problems: string[] = []
      for (const { method, path, answer } of answers) {
        const template = templateOf(method, path)
        if (template === undefined) continue // newer than the spec
        const s = schemaFor(template, method, answer.status)
        if (!s.documented) {
          if (answer.status < 400 || !ERROR_SHAPE(answer.body))
            problems.push(
              `${method} ${path}: status ${answer.status} undocumented, body ${JSON.stringify(answer.body)}`,
            )
        } else if (s.validate !== undefined && !s.validate(answer.body ?? {})) {
          problems.push(
            `${method} ${path} ${answer.status}: ${JSON.stringify(s.validate.errors).slice(0, 600)}`,
          )
        }
      }
      expect(problems).toStrictEqual([])
    },
  )
})

/** The path template of the operation a call is routed to (`/v1/files/abc/details` → `/v1/files/{fileId}/details`). */
const templateOf = (method: string, path: string): string | undefined => match(method, path)?.route.path

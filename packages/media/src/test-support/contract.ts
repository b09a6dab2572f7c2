// Contract cases against Prism (test/support/prism.ts) serving ImageKit's patched spec. One Prism per test
// file; each case names its operation as the spec writes it (`GET /v1/files/{fileId}/details`) and gets:
//   - a valid call: a Right, one request to that operation, and no `sl-violations`;
//   - every documented error status (`Prefer: code=NNN`): an HttpError with that status carrying the
//     `message` and `help` of the body Prism sent;
//   - every other documented 2xx (e.g. a 207 partial success): a Right, checked by `other2xx` if given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { taskEither } from 'fp-ts'
import type { MediaError } from '../model/MediaConfig'
import { imagekitSpec, recordingFetch, startPrism, type PrismServer } from '../../../../test/support/prism'
import { responses } from './spec'
import { KEY, type DriftConfig } from './stub'

export const prismSpec = imagekitSpec()
if (prismSpec.path === undefined) console.warn(prismSpec.reason)

export interface ContractCase {
  /** `METHOD /spec/path/{param}`, as in the spec. */
  readonly operation: string
  /** Calls the function under test with valid input. */
  readonly call: (config: DriftConfig) => taskEither.TaskEither<MediaError, unknown>
  /** Checks the Right of each documented 2xx other than the first (e.g. 207). */
  readonly other2xx?: (status: number, value: unknown) => void
}

/** Starts Prism for this file (before all tests; stopped after). */
export const usePrism = (): (() => PrismServer) => {
  let prism: PrismServer | undefined
  beforeAll(async () => {
    prism = await startPrism(prismSpec.path!)
  })
  afterAll(() => prism?.stop())
  return () => prism!
}

/**
 * A config pointed at Prism whose fetch sends `Prefer: code=NNN` when asked and records each exchange. Strict:
 * any drift of a reply (the spec's own examples) from our codecs is a DecodeError, so the contract fails.
 */
const setup = (prism: PrismServer, code?: number) => {
  const bodies: string[] = []
  const prefer = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init)
    if (code !== undefined) request.headers.set('prefer', `code=${code}`)
    const response = await fetch(request)
    bodies.push(await response.clone().text())
    return response
  }
  const recorder = recordingFetch(prefer as typeof fetch)
  const config: DriftConfig = {
    privateKey: KEY,
    apiBaseUrl: prism.url,
    fetch: recorder.fetch,
    retry: 0,
    strictResponses: true,
  }
  return { config, exchanges: recorder.exchanges, bodies }
}

/** The spec path template as a RegExp over the request path (each `{param}` is one segment). */
const pathPattern = (template: string): RegExp => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`)

/** Registers the tests of each case (inside a `describe.skipIf(prismSpec.path === undefined)`). */
export const contractCases = (prism: () => PrismServer, cases: readonly ContractCase[]): void => {
  for (const c of cases) {
    const [method, template] = c.operation.split(' ') as [string, string]
    const documented = prismSpec.path === undefined ? [] : responses(method, template)
    const success = documented.filter((r) => r.status < 300).map((r) => r.status)
    const errors = documented.filter((r) => r.status >= 400).map((r) => r.status)
    describe(c.operation, () => {
      it('a valid call raises no sl-violations and decodes', async () => {
        const { config, exchanges } = setup(prism())
        const result = await c.call(config)()
        expect(result._tag, JSON.stringify(result)).toBe('Right')
        expect(
          exchanges.map((e) => [e.method, pathPattern(template).test(new URL(e.url).pathname), e.violations]),
        ).toStrictEqual([[method, true, null]])
      })
      for (const status of success.slice(1)) {
        it(`a documented ${status} is a Right`, async () => {
          const { config, exchanges } = setup(prism(), status)
          const result = await c.call(config)()
          expect(exchanges.map((e) => [e.status, e.violations])).toStrictEqual([[status, null]])
          expect(result._tag, JSON.stringify(result)).toBe('Right')
          if (result._tag === 'Right') c.other2xx?.(status, result.right)
        })
      }
      it.each(errors)("a documented %d is an HttpError with ImageKit's message and help", async (status) => {
        const { config, exchanges, bodies } = setup(prism(), status)
        const result = await c.call(config)()
        expect(exchanges.map((e) => [e.status, e.violations])).toStrictEqual([[status, null]])
        const body = JSON.parse(bodies[0]!) as { message?: unknown; help?: unknown }
        expect(typeof body.message).toBe('string')
        expect(
          result._tag === 'Left' && result.left._tag === 'HttpError'
            ? {
                status: result.left.status,
                message: result.left.message,
                help: result.left.help,
                body: result.left.body,
              }
            : result,
        ).toStrictEqual({
          status,
          message: body.message,
          help: typeof body.help === 'string' ? body.help : undefined,
          body,
        })
      })
    })
  }
}

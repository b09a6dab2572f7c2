// Test helpers for media: a fetch stub that records what was sent and answers with a canned reply, and the
// normalised form of a request that the differential tests compare between us and @imagekit/nodejs 7.
import type { TransportConfig } from '@imagekit-fp/utils/http'
import type { MediaConfig } from '../model/MediaConfig'

/**
 * A media config with the reading options of the transport: `strictResponses` (drift is a DecodeError) and
 * `onDrift` (hears each drift forgiven). `MediaConfig` does not list them, although the transport reads them.
 */
export type DriftConfig = MediaConfig & Pick<TransportConfig, 'strictResponses' | 'onDrift'>

/** One request as sent: method, path, query (in order), JSON body (parsed), and the headers. */
export interface Sent {
  readonly method: string
  readonly path: string
  readonly query: readonly (readonly [string, string])[]
  readonly json: unknown
  readonly headers: Readonly<Record<string, string>>
}

/** The private key every unit test uses (expectNoSecret checks it never leaks). */
export const KEY = 'private_key_test_123'

/** A JSON reply. */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })

/** A stub fetch that records each request and answers `reply()` (a fresh Response each time). */
export const stubFetch = (
  reply: (sent: Sent) => Response | Promise<Response> = () => json({}),
): { readonly fetch: typeof fetch; readonly calls: Sent[] } => {
  const calls: Sent[] = []
  const stub = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init)
    const text = await request.text()
    const url = new URL(request.url)
    const headers: Record<string, string> = {}
    request.headers.forEach((v, k) => {
      headers[k] = v
    })
    const sent: Sent = {
      method: request.method,
      path: url.pathname,
      query: [...url.searchParams],
      json: text === '' ? undefined : JSON.parse(text),
      headers,
    }
    calls.push(sent)
    return reply(sent)
  }
  return { fetch: stub as typeof fetch, calls }
}

/**
 * The part of a request both SDKs must agree on: method, path, query (sorted by name: the order of query
 * parameters carries no meaning) and JSON body. No headers: each SDK sends its own.
 */
export const wire = ({ method, path, query, json }: Sent) => ({
  method,
  path,
  query: [...query].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  json,
})

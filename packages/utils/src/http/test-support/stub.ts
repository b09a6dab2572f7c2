// Shared by the request test files: a recording fetch stub, JSON replies, and the whole values they expect.
import { expect } from 'vitest'
import * as t from 'io-ts'
import { request } from '../request'
import type { HttpRequest, TransportConfig } from '../types'
import { expectNoSecret } from './secrets'

export const KEY = 'private_Un1t+Test/Key='
export const B64 = btoa(`${KEY}:`)
export const Ok = t.type({ ok: t.boolean })

/** A fetch stub recording what is sent; `respond` decides the reply per call (0-based). */
export const stub = (respond: (req: Request, call: number) => Response | Promise<Response>) => {
  const calls: Request[] = []
  const bodies: string[] = []
  const fetch = ((input: RequestInfo | URL) => {
    const req = input as Request
    calls.push(req)
    const out = respond(req, calls.length - 1)
    return req.text().then((text) => {
      bodies.push(text)
      return out
    })
  }) as typeof globalThis.fetch
  return { fetch, calls, bodies }
}

export const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  })

/** The Right of a stubbed `json(body)` reply: status, its one header, the decoded body. */
export const okJson = <A>(body: A, status = 200, headers: Record<string, string> = {}) => ({
  _tag: 'Right',
  right: { status, headers: { 'content-type': 'application/json', ...headers }, body },
})

/** The Right of a reply from the loopback server (which adds content-length, date and keep-alive headers). */
export const served = <A>(body: A, status = 200) => ({
  _tag: 'Right',
  right: {
    status,
    headers: {
      ...(status === 204 ? {} : { 'content-type': 'application/json' }),
      'content-length': status === 204 ? '0' : String(new TextEncoder().encode(JSON.stringify(body)).length),
      date: expect.any(String),
      connection: 'keep-alive',
      'keep-alive': 'timeout=5',
    },
    body,
  },
})

export const get = {
  method: 'GET',
  base: 'api',
  path: '/v1/files',
  auth: 'basic',
  codec: Ok,
} satisfies HttpRequest<{ ok: boolean }>

/** Runs the request, checks that no form of KEY leaked into the result, and returns it. */
export const run = async <A>(cfg: TransportConfig, req: HttpRequest<A>, key = KEY) => {
  const result = await request(cfg, req)()
  expectNoSecret(result, key)
  return result
}

export const validation = (path: string, message: string) => ({
  _tag: 'Left',
  left: { _tag: 'ValidationError', path, message },
})

// The router: a call finds its declared operation by method and path template, the most specific template
// first (a literal segment beats a parameter), whatever the order of the declarations.
import { describe, expect, it } from 'vitest'
import { createImagekitStandIn } from '../createImagekitStandIn'
import { call } from '../test-support/call'
import type { Route } from './context'
import { DECLARED, HANDLERS, routesOf, router } from './routes'

const routes = routesOf(DECLARED, HANDLERS)
/** What a call finds: its operationId and parameters. */
const found = (find: ReturnType<typeof router>, method: string, path: string) => {
  const m = find(method, path)
  return m === undefined ? undefined : { operation: m.route.operation, params: m.params }
}

describe('router', () => {
  it.each([
    ['GET', '/v1/files/purge/details', 'purge-status', { requestId: 'details' }],
    ['GET', '/v1/files/purge/versions', 'purge-status', { requestId: 'versions' }],
    ['GET', '/v1/files/purge/metadata', 'purge-status', { requestId: 'metadata' }],
    ['GET', '/v1/files/abc/details', 'get-file-details', { fileId: 'abc' }],
    ['GET', '/v1/files/abc/versions', 'list-file-versions', { fileId: 'abc' }],
    ['GET', '/v1/files/abc/metadata', 'get-uploaded-file-metadata', { fileId: 'abc' }],
    [
      'GET',
      '/v1/files/a%2Fb/versions/v%201',
      'get-file-version-details',
      { fileId: 'a/b', versionId: 'v 1' },
    ],
    ['POST', '/v1/files/purge', 'purge-cache', {}],
    ['POST', '/api/v2/files/upload', 'upload-file-v2', {}],
  ] as const)('%s %s is %s', (method, path, operation, params) => {
    const expected = { operation, params }
    expect(found(router(routes), method, path)).toStrictEqual(expected)
    expect(found(router([...routes].reverse()), method, path)).toStrictEqual(expected)
  })

  it('prefers a literal segment to a parameter, whichever route is declared first', () => {
    const route = (operation: string, path: string): Route => ({
      method: 'GET',
      path,
      operation,
      auth: 'basic',
      handle: () => ({ status: 204 }),
    })
    const byId = route('by-id', '/v1/things/{id}/parts')
    const latest = route('latest', '/v1/things/latest/{part}')
    const expected = { operation: 'latest', params: { part: 'parts' } }
    expect(found(router([byId, latest]), 'GET', '/v1/things/latest/parts')).toStrictEqual(expected)
    expect(found(router([latest, byId]), 'GET', '/v1/things/latest/parts')).toStrictEqual(expected)
  })

  it('finds nothing for an unknown path, another method, an empty or badly encoded parameter', () => {
    const find = router(routes)
    expect(
      [
        ['GET', '/v1/nothing'],
        ['PUT', '/v1/files/abc/details'],
        ['GET', '/v1/files//details'],
        ['GET', '/v1/files/%E0%A4%A/details'],
      ].map(([method, path]) => found(find, method!, path!)),
    ).toStrictEqual([undefined, undefined, undefined, undefined])
  })

  it('answers a declared operation that has no handler with a 501 naming it', async () => {
    const [route] = routesOf(
      [{ operationId: 'new-thing', method: 'GET', path: '/v1/new', auth: 'basic' }],
      {},
    )
    expect(await route!.handle({} as never)).toStrictEqual({
      status: 501,
      body: {
        message: 'The stand-in has no handler for new-thing (GET /v1/new).',
        help: 'For support kindly contact us at support@imagekit.io .',
      },
    })
  })

  it('routes a purge status whose id is a file route word to the purge, through the stand-in', async () => {
    const s = createImagekitStandIn()
    expect((await call(s, 'GET', '/v1/files/purge/details')).body).toStrictEqual({
      message: 'Your request contains invalid requestId parameter.',
      help: 'For support kindly contact us at support@imagekit.io .',
    })
  })
})

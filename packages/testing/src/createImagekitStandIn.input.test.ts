// Hostile input: deep nesting, unreadable bodies, keys inherited from Object.prototype. Each must be a
// `{ message, help }` answer, never a rejected fetch or a dropped socket.
import { afterEach, describe, expect, it } from 'vitest'
import { createImagekitStandIn } from '@imagekit-fp/testing/node'
import { basic, call } from './test-support/call'

const HELP = 'For support kindly contact us at support@imagekit.io .'
const error = (message: string) => ({ message, help: HELP })
const nested = (depth: number) => `${'('.repeat(depth)}name = "a.txt"${')'.repeat(depth)}`
const search = (q: string) => `/v1/files?searchQuery=${encodeURIComponent(q)}`

const servers: { close: () => Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

describe('createImagekitStandIn: searchQuery nesting', () => {
  it('answers 100 nested parentheses', async () => {
    const s = createImagekitStandIn()
    s.addFile({ fileName: 'a.txt' })
    const res = await call(s, 'GET', search(nested(100)))
    expect([res.status, (res.body as { name: string }[]).map((f) => f.name)]).toStrictEqual([200, ['a.txt']])
  })

  it.each([101, 1500, 100_000])('refuses %i nested parentheses with a 400', async (depth) => {
    const s = createImagekitStandIn()
    expect(await call(s, 'GET', search(nested(depth)))).toMatchObject({
      status: 400,
      body: error('Unsupported searchQuery: parentheses nested deeper than 100 at character 101.'),
    })
  })

  it('answers 1,500 nested parentheses with a 400 over HTTP too, not a dropped socket', async () => {
    const s = createImagekitStandIn()
    const server = await s.listen()
    servers.push(server)
    const res = await fetch(`${server.url}${search(nested(1500))}`, { headers: { authorization: basic(s) } })
    expect([res.status, await res.json()]).toStrictEqual([
      400,
      error('Unsupported searchQuery: parentheses nested deeper than 100 at character 101.'),
    ])
  })
})

describe('createImagekitStandIn: a request it cannot handle', () => {
  const failing = () =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"folderName":'))
        controller.error(new Error('body stream broke'))
      },
    })

  it('answers 500 with a message when the handler throws, and logs the call', async () => {
    const s = createImagekitStandIn()
    const res = await s.fetch('https://api.imagekit.io/v1/folder', {
      method: 'POST',
      headers: { authorization: basic(s), 'content-type': 'application/json' },
      body: failing(),
      duplex: 'half',
    } as RequestInit)
    expect([res.status, await res.json()]).toStrictEqual([
      500,
      error('The stand-in could not handle this request: body stream broke.'),
    ])
    expect(s.requests().map((r) => [r.operation, r.status])).toStrictEqual([['create-folder', 500]])
  })
})

describe('createImagekitStandIn: keys inherited from Object.prototype', () => {
  const s3 = { type: 'S3', name: 'Main', bucket: 'b', accessKey: 'k', secretKey: 's' }
  const raw = (s: ReturnType<typeof createImagekitStandIn>, method: string, path: string, text: string) =>
    s.fetch(`https://api.imagekit.io${path}`, {
      method,
      headers: { authorization: basic(s), 'content-type': 'application/json' },
      body: text,
    })

  it.each([
    ['toString', { ...s3, toString: 'x' }],
    ['constructor', { ...s3, constructor: 'x' }],
    ['hasOwnProperty', { ...s3, hasOwnProperty: 'x' }],
  ])('refuses an origin with the extra key %s (additionalProperties: false)', async (key, body) => {
    expect(await call(createImagekitStandIn(), 'POST', '/v1/accounts/origins', body)).toMatchObject({
      status: 400,
      body: error(`Your request contains invalid ${key} parameter.`),
    })
  })

  it('refuses an origin whose type is an Object.prototype key', async () => {
    expect(
      await call(createImagekitStandIn(), 'POST', '/v1/accounts/origins', { type: 'constructor' }),
    ).toMatchObject({ status: 400, body: error('Your request contains invalid type parameter.') })
  })

  it('refuses a URL endpoint with an own __proto__ key or an extra constructor key', async () => {
    const s = createImagekitStandIn()
    const proto = await raw(
      s,
      'POST',
      '/v1/accounts/url-endpoints',
      '{"description":"d","__proto__":{"x":1}}',
    )
    expect([proto.status, await proto.json()]).toStrictEqual([
      400,
      error('Your request contains invalid __proto__ parameter.'),
    ])
    expect(
      await call(s, 'POST', '/v1/accounts/url-endpoints', { description: 'd', constructor: 'x' }),
    ).toMatchObject({ status: 400, body: error('Your request contains invalid constructor parameter.') })
    expect(s.requests().map((r) => r.status)).toStrictEqual([400, 400])
  })

  it.each(['constructor', 'toString', '__proto__'])(
    'refuses the searchQuery field %s by name',
    async (field) => {
      expect(await call(createImagekitStandIn(), 'GET', search(`${field} = "x"`))).toMatchObject({
        status: 400,
        body: error(`Unsupported searchQuery: the field "${field}" (in "${field} = "x"") is not supported.`),
      })
    },
  )

  it('types a file named a.constructor or a.toString by its bytes, not by an inherited key', async () => {
    const s = createImagekitStandIn()
    s.addFile({ fileName: 'a.constructor' })
    s.addFile({ fileName: 'a.toString' })
    const listed = await call(s, 'GET', '/v1/files?fileType=non-image')
    expect([
      listed.status,
      (listed.body as { name: string; mime: string }[]).map((f) => [f.name, f.mime]),
    ]).toStrictEqual([
      200,
      [
        ['a.constructor', 'application/octet-stream'],
        ['a.toString', 'application/octet-stream'],
      ],
    ])
  })
})

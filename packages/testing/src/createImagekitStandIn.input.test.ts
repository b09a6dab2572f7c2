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

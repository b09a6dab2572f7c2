import { afterEach, describe, expect, it } from 'vitest'
import ImageKit from '@imagekit/nodejs'
import { createImagekitStandIn } from '@imagekit-fp/testing/node'
import { call, uploadForm } from './test-support/call'

const servers: { close: () => Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

describe('listen', () => {
  it('serves the API and the upload host on loopback, to ImageKit’s own SDK too', async () => {
    const standIn = createImagekitStandIn()
    const server = await standIn.listen()
    servers.push(server)
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const client = new ImageKit({ privateKey: standIn.privateKey, baseURL: server.url, maxRetries: 0 })
    const uploaded = await client.files.upload({
      file: new File(['hello'], 'hello.txt'),
      fileName: 'hello.txt',
      useUniqueFileName: false,
      tags: ['a'],
    })
    expect(uploaded).toMatchObject({ name: 'hello.txt', size: 5, tags: ['a'] })
    const listed = await client.assets.list({ searchQuery: 'tags IN ["a"]' })
    expect(listed.map((f) => ('name' in f ? f.name : undefined))).toStrictEqual(['hello.txt'])
    expect(standIn.files().map((f) => new TextDecoder().decode(f.bytes))).toStrictEqual(['hello'])
    expect((await call(standIn, 'GET', '/v1/files', undefined, { base: server.url })).status).toBe(200)
    expect(
      (await uploadForm(standIn, { file: new Uint8Array([1]), fileName: 'x.bin' }, { base: server.url }))
        .status,
    ).toBe(200)
  })

  it('drops the socket on an injected reset and cuts a truncated body short', async () => {
    const standIn = createImagekitStandIn()
    const server = await standIn.listen()
    servers.push(server)
    standIn.inject({ reset: true })
    await expect(fetch(`${server.url}/v1/files`)).rejects.toThrow(new TypeError('fetch failed'))
    standIn.addFile({ fileName: 'a.txt' })
    standIn.inject({ truncate: true })
    const res = await fetch(`${server.url}/v1/files`, {
      headers: { authorization: `Basic ${btoa(`${standIn.privateKey}:`)}` },
    })
    expect(res.status).toBe(200)
    await expect(res.text()).rejects.toThrow()
  })
})

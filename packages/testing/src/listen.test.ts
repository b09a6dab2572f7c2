import { afterEach, describe, expect, it } from 'vitest'
import http from 'node:http'
import ImageKit from '@imagekit/nodejs'
import { upload } from '@imagekit-fp/upload'
import { nodeFetch } from '@imagekit-fp/upload/node'
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

  it('takes a 3 MiB upload from our upload over loopback, with the built-in fetch and nodeFetch, CORS on the answer', async () => {
    const standIn = createImagekitStandIn()
    const server = await standIn.listen()
    servers.push(server)
    const bytes = new Uint8Array(3 * 1024 * 1024).fill(7)
    const origins: (string | null)[] = []
    const seeing =
      (send: typeof fetch): typeof fetch =>
      async (input, init) => {
        const res = await send(input, init)
        origins.push(res.headers.get('access-control-allow-origin'))
        return res
      }
    for (const send of [fetch, nodeFetch]) {
      const result = await upload(
        {
          privateKey: standIn.privateKey,
          uploadBaseUrl: server.url,
          fetch: seeing(send),
          strictResponses: true,
        },
        { file: bytes, fileName: 'my photo.jpg', folder: 'a/b', tags: ['x', 'y'], useUniqueFileName: false },
      )()
      expect(result).toMatchObject({
        _tag: 'Right',
        right: { name: 'my_photo.jpg', filePath: '/a/b/my_photo.jpg', size: bytes.length, tags: ['x', 'y'] },
      })
    }
    expect(origins).toStrictEqual(['*', '*'])
    expect(standIn.files().map((f) => [f.filePath, f.size, f.versionCount])).toStrictEqual([
      ['/a/b/my_photo.jpg', bytes.length, 2],
    ])
  })

  it('answers a call it refuses before reading the body (a 429) and keeps the connection for the next one', async () => {
    const standIn = createImagekitStandIn({ rateLimit: { requests: 1, windowMs: 60_000 } })
    const server = await standIn.listen()
    servers.push(server)
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    // A body still arriving when the answer is ready: a first part, then five more, 20 ms apart.
    const send = () =>
      new Promise<string>((resolve) => {
        const req = http.request(`${server.url}/api/v1/files/upload`, {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'multipart/form-data; boundary=x',
            authorization: `Basic ${btoa(`${standIn.privateKey}:`)}`,
          },
        })
        req.on('response', (res) => {
          res.resume()
          res.on('end', () => resolve(`${res.statusCode}`))
        })
        req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message))
        req.write('--x\r\nContent-Disposition: form-data; name="fileName"\r\n\r\na.txt\r\n')
        let parts = 0
        const timer = setInterval(() => {
          if (parts++ < 5)
            req.write(
              `--x\r\nContent-Disposition: form-data; name="p${parts}"\r\n\r\n${'a'.repeat(65_536)}\r\n`,
            )
          else {
            clearInterval(timer)
            req.end('--x--\r\n')
          }
        }, 20)
      })
    expect([await send(), await send(), await send()]).toStrictEqual(['400', '429', '429'])
    agent.destroy()
  })
})

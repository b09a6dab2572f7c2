// Hostile input: deep nesting, unreadable bodies, keys inherited from Object.prototype. Each must be a
// `{ message, help }` answer, never a rejected fetch or a dropped socket.
import { afterEach, describe, expect, it } from 'vitest'
import { createImagekitStandIn } from '@imagekit-fp/testing/node'
import { basic, call, uploadForm } from './test-support/call'

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

describe('createImagekitStandIn: file and folder names', () => {
  const names = async (s: ReturnType<typeof createImagekitStandIn>, query: string) =>
    ((await call(s, 'GET', `/v1/files${query}`)).body as { name: string }[]).map((f) => f.name)
  const bytes = new Uint8Array([1])

  it.each([
    ['/x/../../y', '_x_.._.._y'],
    ['a\u0000b.txt', 'a_b.txt'],
    ['my photo#1(ü).jpg', 'my_photo_1_ü_.jpg'],
    ['...', '...'],
  ])('stores the uploaded fileName %j as %j (other characters become _)', async (fileName, stored) => {
    const s = createImagekitStandIn()
    const res = await uploadForm(s, { file: bytes, fileName, useUniqueFileName: 'false' })
    expect([res.status, (res.body as { name: string }).name]).toStrictEqual([200, stored])
  })

  it.each(['.', '..'])('refuses the fileName %j, with or without a unique suffix', async (fileName) => {
    const s = createImagekitStandIn()
    for (const unique of ['false', 'true']) {
      expect(await uploadForm(s, { file: bytes, fileName, useUniqueFileName: unique })).toMatchObject({
        status: 400,
        body: error('Your request contains invalid fileName parameter.'),
      })
    }
    expect(s.files()).toStrictEqual([])
  })

  it.each(['..', '.', '/x/../../y', 'a/./b', 'a\u0000b', 'a\tb'])(
    'refuses the upload folder %j',
    async (folder) => {
      const s = createImagekitStandIn()
      expect(await uploadForm(s, { file: bytes, fileName: 'a.txt', folder })).toMatchObject({
        status: 400,
        body: error('Your request contains invalid folder parameter.'),
      })
      expect(s.files()).toStrictEqual([])
    },
  )

  it('creates and renames folders with other characters replaced by _, keeping - and _', async () => {
    const s = createImagekitStandIn()
    for (const folderName of ['..', '.', 'a\u0000b', 'a/b', 'summer-sale_1', 'été'])
      expect((await call(s, 'POST', '/v1/folder', { folderName, parentFolderPath: '/' })).status).toBe(201)
    expect(await names(s, '?type=folder')).toStrictEqual(['__', '_', 'a_b', 'summer-sale_1', 'été'])
    const renamed = await call(s, 'POST', '/v1/bulkJobs/renameFolder', {
      folderPath: '/_',
      newFolderName: '..',
    })
    expect(renamed).toMatchObject({ status: 409 })
    await call(s, 'POST', '/v1/bulkJobs/renameFolder', { folderPath: '/a_b', newFolderName: 'x.y' })
    expect(await names(s, '?type=folder')).toStrictEqual(['__', '_', 'summer-sale_1', 'été', 'x_y'])
  })

  it.each([
    ['POST', '/v1/folder', { folderName: 'f', parentFolderPath: '/x/../../y' }, 'parentFolderPath'],
    [
      'POST',
      '/v1/files/copy',
      { sourceFilePath: '/a.txt', destinationPath: '/x/../../y' },
      'destinationPath',
    ],
    ['POST', '/v1/files/move', { sourceFilePath: '/a.txt', destinationPath: '..' }, 'destinationPath'],
    [
      'POST',
      '/v1/bulkJobs/copyFolder',
      { sourceFolderPath: '/f', destinationPath: '/g/./h' },
      'destinationPath',
    ],
    [
      'POST',
      '/v1/bulkJobs/moveFolder',
      { sourceFolderPath: '/f', destinationPath: '/g\u0000' },
      'destinationPath',
    ],
  ])(
    'refuses %s %s to a path with . or .. segments or a control character',
    async (method, path, body, name) => {
      const s = createImagekitStandIn()
      s.addFile({ fileName: 'a.txt' })
      s.addFile({ fileName: 'b.txt', folder: '/f' })
      expect(await call(s, method, path, body)).toMatchObject({
        status: 400,
        body: error(`Your request contains invalid ${name} parameter.`),
      })
      expect(s.files().map((f) => f.filePath)).toStrictEqual(['/a.txt', '/f/b.txt'])
    },
  )

  it('renames a file with other characters replaced by _, and refuses . and ..', async () => {
    const s = createImagekitStandIn()
    s.addFile({ fileName: 'a.txt' })
    expect(
      await call(s, 'PUT', '/v1/files/rename', { filePath: '/a.txt', newFileName: '/x/../b' }),
    ).toMatchObject({
      status: 200,
    })
    for (const newFileName of ['..', '.'])
      expect(await call(s, 'PUT', '/v1/files/rename', { filePath: '/_x_.._b', newFileName })).toMatchObject({
        status: 400,
        body: error('Your request contains invalid newFileName parameter.'),
      })
    expect(s.files().map((f) => f.filePath)).toStrictEqual(['/_x_.._b'])
  })

  it('adds files as an upload stores them, and throws on a name an upload would refuse', () => {
    const s = createImagekitStandIn()
    expect(s.addFile({ fileName: 'my photo.jpg', folder: 'a b/c' }).filePath).toBe('/a b/c/my_photo.jpg')
    expect(() => s.addFile({ fileName: '..' })).toThrow(
      new TypeError('addFile: ImageKit refuses the fileName "..".'),
    )
    expect(() => s.addFile({ fileName: 'a.txt', folder: '/x/../y' })).toThrow(
      new TypeError('addFile: ImageKit refuses the folder "/x/../y".'),
    )
    expect(s.files().map((f) => f.filePath)).toStrictEqual(['/a b/c/my_photo.jpg'])
  })
})

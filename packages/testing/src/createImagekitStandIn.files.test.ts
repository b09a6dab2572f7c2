import { describe, expect, it } from 'vitest'
import { listFiles } from '@imagekit-fp/media'
import { createImagekitStandIn } from '@imagekit-fp/testing'
import { call, pngHeader } from './test-support/call'

const HELP = 'For support kindly contact us at support@imagekit.io .'
const error = (message: string, extra: Record<string, unknown> = {}) => ({ message, help: HELP, ...extra })

/** A stand-in whose clock moves one minute per file added, with five files in three folders. */
const library = () => {
  let t = Date.parse('2026-01-01T00:00:00Z')
  const s = createImagekitStandIn({ now: () => t })
  const add = (fileName: string, folder: string, bytes: Uint8Array, tags?: string[]) => {
    t += 60_000
    return s.addFile({ fileName, folder, bytes, ...(tags === undefined ? {} : { tags }) })
  }
  add('b.png', '/', pngHeader(30, 10), ['red'])
  add('a.png', '/', pngHeader(10, 30), ['blue', 'red'])
  add('notes.txt', '/', new Uint8Array(2000))
  add('c.png', '/shop', pngHeader(20, 20), ['blue'])
  add('d.png', '/shop/old', pngHeader(5, 5))
  return {
    s,
    at: (minutes: number) => new Date(Date.parse('2026-01-01T00:00:00Z') + minutes * 60_000).toISOString(),
  }
}

const names = async (s: ReturnType<typeof library>['s'], query: string) => {
  const res = await call(s, 'GET', `/v1/files${query}`)
  return res.status === 200 ? (res.body as { name: string }[]).map((f) => f.name) : res
}
const search = (q: string) => `?searchQuery=${encodeURIComponent(q)}`

describe('createImagekitStandIn: listFiles', () => {
  it.each([
    ['', ['b.png', 'a.png', 'notes.txt']],
    ['?path=/shop', ['c.png']],
    ['?path=shop/old/', ['d.png']],
    ['?type=folder', ['shop']],
    ['?type=all&path=/shop', ['old', 'c.png']],
    ['?fileType=non-image', ['notes.txt']],
    ['?fileType=image&sort=ASC_NAME', ['a.png', 'b.png']],
    ['?sort=DESC_CREATED', ['notes.txt', 'a.png', 'b.png']],
    ['?sort=DESC_SIZE', ['notes.txt', 'b.png', 'a.png']],
    ['?sort=ASC_WIDTH&fileType=image', ['a.png', 'b.png']],
    ['?limit=2', ['b.png', 'a.png']],
    ['?limit=2&skip=2', ['notes.txt']],
  ])('lists %s', async (query, expected) => {
    expect(await names(library().s, query)).toStrictEqual(expected)
  })

  it.each([
    ['name = "a.png"', ['a.png']],
    ['name : "no"', ['notes.txt']],
    ['name IN ["a.png", "c.png"]', ['a.png', 'c.png']],
    ['name NOT IN ["a.png", "c.png"]', ['b.png', 'notes.txt', 'd.png']],
    ['tags IN ["blue"]', ['a.png', 'c.png']],
    ['tags NOT IN ["red"]', ['notes.txt', 'c.png', 'd.png']],
    ['size > 1kb', ['notes.txt']],
    ['size <= 33 AND width >= 20', ['b.png', 'c.png']],
    ['height = 30', ['a.png']],
    ['createdAt > "2026-01-01T00:03:00.000Z"', ['c.png', 'd.png']],
    ['createdAt < "10m"', []],
    ['updatedAt >= "2026-01-01T00:05:00Z"', ['d.png']],
    ['tags IN ["red"] AND width > 20 OR name = "d.png"', ['b.png', 'd.png']],
    ['tags IN ["red"] AND (width > 20 OR name = "a.png")', ['b.png', 'a.png']],
  ])('searches every folder with searchQuery %s', async (q, expected) => {
    expect(await names(library().s, search(q))).toStrictEqual(expected)
  })

  it('searches below a path only', async () => {
    expect(await names(library().s, `${search('tags IN ["blue"] OR size < 100')}&path=/shop`)).toStrictEqual([
      'c.png',
      'd.png',
    ])
  })

  it.each([
    ['format = "png"', 'Unsupported searchQuery: the field "format" (in "format = "png"") is not supported.'],
    ['size : 10', 'Unsupported searchQuery: the operator ":" on size (in "size : 10") is not supported.'],
    ['name = "a" XOR size > 1', 'Unsupported searchQuery: unsupported part "XOR size > 1".'],
    ['tags IN "red"', 'Unsupported searchQuery: "tags IN "red"" needs a [list].'],
    [
      'createdAt > "last week"',
      'Unsupported searchQuery: "createdAt > "last week"" needs an ISO date or an age such as "7d".',
    ],
    ['(name = "a"', 'Unsupported searchQuery: expected ")" at end of query.'],
    ['name = "a', 'Unsupported searchQuery: unterminated string at character 8.'],
  ])('refuses %s with a 400 that names the unsupported part', async (q, message) => {
    expect(await call(library().s, 'GET', `/v1/files${search(q)}`)).toMatchObject({
      status: 400,
      body: error(message),
    })
  })
})

describe('createImagekitStandIn: listFiles with the legacy tags, name and includeFolder', () => {
  it.each([
    ['?tags=blue', ['a.png']],
    ['?tags=blue,red', ['b.png', 'a.png']],
    ['?tags=blue%2C%20green', ['a.png']],
    ['?tags=blue&path=/shop', ['c.png']],
    ['?tags=green', []],
    ['?name=a.png', ['a.png']],
    ['?name=a', []],
    ['?name=c.png&path=/shop', ['c.png']],
    ['?name=old&type=folder&path=/shop', ['old']],
    ['?name=old&type=all&path=/shop', ['old']],
    ['?tags=red&name=b.png', ['b.png']],
    ['?includeFolder=true&path=/shop', ['old', 'c.png']],
    ['?includeFolder=true&type=all&path=/shop', ['old', 'c.png']],
    ['?includeFolder=true&path=/shop&tags=green&fileType=non-image', ['old', 'c.png']],
    ['?includeFolder=false', ['b.png', 'a.png', 'notes.txt']],
    ['?includeFolder=false&type=file&tags=blue', ['a.png']],
    [`?tags=red&name=a.png&includeFolder=true&${search('name = "notes.txt"').slice(1)}`, ['notes.txt']],
  ])('filters %s', async (query, expected) => {
    expect(await names(library().s, query)).toStrictEqual(expected)
  })

  it.each([
    ['?tags=', 'Your request contains invalid tags parameter.'],
    ['?tags=%2C%20', 'Your request contains invalid tags parameter.'],
    ['?name=', 'Your request contains invalid name parameter.'],
    ['?includeFolder=yes', 'Your request contains invalid includeFolder parameter.'],
    [
      '?includeFolder=true&type=file',
      'Your request contains invalid includeFolder parameter: includeFolder=true contradicts type=file.',
    ],
    [
      '?includeFolder=false&type=folder',
      'Your request contains invalid includeFolder parameter: includeFolder=false contradicts type=folder.',
    ],
    [
      '?tags=red&type=folder',
      'Unsupported tags: the legacy tags parameter filters files; it is not supported with type=folder.',
    ],
    [
      '?tags=red&type=all',
      'Unsupported tags: the legacy tags parameter filters files; it is not supported with type=all.',
    ],
  ])('refuses %s with a 400 that names the parameter', async (query, message) => {
    expect(await call(library().s, 'GET', `/v1/files${query}`)).toMatchObject({
      status: 400,
      body: error(message),
    })
  })

  it('answers our own listFiles, which sends tags comma-joined', async () => {
    const { s } = library()
    const listed = await listFiles(
      { privateKey: s.privateKey, fetch: s.fetch, strictResponses: true },
      { tags: ['blue', 'red'] },
    )()
    expect(
      listed._tag === 'Right' && listed.right.map((f) => (f.type === 'unknown' ? f.raw : f).name),
    ).toStrictEqual(['b.png', 'a.png'])
    const named = await listFiles(
      { privateKey: s.privateKey, fetch: s.fetch, strictResponses: true },
      { name: 'c.png', path: '/shop' },
    )()
    expect(
      named._tag === 'Right' && named.right.map((f) => (f.type === 'unknown' ? f.raw : f).name),
    ).toStrictEqual(['c.png'])
    expect(s.requests().map((r) => r.path)).toStrictEqual([
      '/v1/files?tags=blue%2Cred',
      '/v1/files?path=%2Fshop&name=c.png',
    ])
  })
})

describe('createImagekitStandIn: file operations', () => {
  it('shows, updates and deletes a file', async () => {
    const { s, at } = library()
    const id = s.files()[1]!.fileId
    const details = await call(s, 'GET', `/v1/files/${id}/details`)
    expect(details.body).toStrictEqual({
      type: 'file',
      name: 'a.png',
      createdAt: at(2),
      updatedAt: at(2),
      fileId: id,
      tags: ['blue', 'red'],
      AITags: null,
      versionInfo: { id, name: 'Version 1' },
      embeddedMetadata: {},
      customCoordinates: null,
      customMetadata: {},
      isPrivateFile: false,
      isPublished: true,
      url: 'https://ik.imagekit.io/standin/a.png',
      thumbnail: 'https://ik.imagekit.io/standin/tr:n-ik_ml_thumbnail/a.png',
      fileType: 'image',
      filePath: '/a.png',
      width: 10,
      height: 30,
      hasAlpha: true,
      size: 33,
      mime: 'image/png',
    })
    const updated = await call(s, 'PATCH', `/v1/files/${id}/details`, {
      tags: ['green'],
      customCoordinates: '1,2,3,4',
      description: 'A',
    })
    expect(updated.body).toMatchObject({ tags: ['green'], customCoordinates: '1,2,3,4', description: 'A' })
    expect(await call(s, 'PATCH', `/v1/files/${id}/details`, { customMetadata: { nope: 1 } })).toMatchObject({
      status: 400,
      body: error('Invalid custom metadata: nope is not a defined custom metadata field.'),
    })
    expect((await call(s, 'DELETE', `/v1/files/${id}`)).status).toBe(204)
    expect(await call(s, 'GET', `/v1/files/${id}/details`)).toMatchObject({
      status: 404,
      body: error('The requested file does not exist.', { reason: 'FILE_NOT_FOUND' }),
    })
  })

  it('adds and removes tags in bulk, and names the missing ids', async () => {
    const { s } = library()
    const [b, a] = s.files().map((f) => f.fileId)
    expect(
      (await call(s, 'POST', '/v1/files/addTags', { fileIds: [b, a], tags: ['new', 'red'] })).body,
    ).toStrictEqual({ successfullyUpdatedFileIds: [b, a] })
    expect(
      (await call(s, 'POST', '/v1/files/removeTags', { fileIds: [a], tags: ['red'] })).body,
    ).toStrictEqual({ successfullyUpdatedFileIds: [a] })
    expect(
      s
        .files()
        .slice(0, 2)
        .map((f) => f.tags),
    ).toStrictEqual([
      ['red', 'new'],
      ['blue', 'new'],
    ])
    expect(await call(s, 'POST', '/v1/files/addTags', { fileIds: [a, 'nope'], tags: ['x'] })).toMatchObject({
      status: 404,
      body: error('The requested file(s) does not exist.', { missingFileIds: ['nope'] }),
    })
  })

  it('copies, moves and renames files', async () => {
    const { s } = library()
    expect(
      (await call(s, 'POST', '/v1/files/copy', { sourceFilePath: '/a.png', destinationPath: '/copies' }))
        .status,
    ).toBe(204)
    expect(
      (await call(s, 'POST', '/v1/files/move', { sourceFilePath: '/b.png', destinationPath: '/moved/' }))
        .status,
    ).toBe(204)
    expect(
      (await call(s, 'PUT', '/v1/files/rename', { filePath: '/notes.txt', newFileName: 'readme.txt' })).body,
    ).toStrictEqual({})
    expect(
      await call(s, 'PUT', '/v1/files/rename', { filePath: '/a.png', newFileName: 'readme.txt' }),
    ).toMatchObject({
      status: 409,
      body: error('File with the new name already exists in the same location.', {
        reason: 'FILE_ALREADY_EXISTS',
      }),
    })
    expect(
      await call(s, 'POST', '/v1/files/copy', { sourceFilePath: '/gone.png', destinationPath: '/x' }),
    ).toMatchObject({ status: 404 })
    expect(s.files().map((f) => f.filePath)).toStrictEqual([
      '/moved/b.png',
      '/a.png',
      '/readme.txt',
      '/shop/c.png',
      '/shop/old/d.png',
      '/copies/a.png',
    ])
    expect(await names(s, '?type=folder')).toStrictEqual(['shop', 'copies', 'moved'])
  })

  it('lists, restores and deletes versions, and refuses to delete the current one', async () => {
    const s = createImagekitStandIn({ now: () => 0 })
    const v1 = s.addFile({ fileName: 'a.png', bytes: pngHeader(1, 1) })
    s.addFile({ fileName: 'a.png', bytes: pngHeader(2, 2) })
    const id = v1.fileId
    const versions = (await call(s, 'GET', `/v1/files/${id}/versions`)).body as {
      versionInfo: { id: string; name: string }
      type: string
    }[]
    expect(versions.map((v) => [v.type, v.versionInfo])).toStrictEqual([
      ['file-version', { id, name: 'Version 1' }],
      ['file', { id: '000000000000000000000002', name: 'Version 2' }],
    ])
    expect(await call(s, 'DELETE', `/v1/files/${id}/versions/000000000000000000000002`)).toMatchObject({
      status: 400,
      body: error('You cannot delete current version of a file.'),
    })
    expect((await call(s, 'PUT', `/v1/files/${id}/versions/${id}/restore`)).body).toMatchObject({
      width: 1,
      versionInfo: { id, name: 'Version 1' },
    })
    expect((await call(s, 'DELETE', `/v1/files/${id}/versions/000000000000000000000002`)).status).toBe(204)
    expect(await call(s, 'GET', `/v1/files/${id}/versions/000000000000000000000002`)).toMatchObject({
      status: 404,
    })
  })

  it('reads metadata by file id and by URL under the endpoint', async () => {
    const { s } = library()
    const id = s.files()[0]!.fileId
    const meta = (await call(s, 'GET', `/v1/files/${id}/metadata`)).body as Record<string, unknown>
    expect({ ...meta, pHash: typeof meta.pHash }).toStrictEqual({
      height: 10,
      width: 30,
      format: 'png',
      hasTransparency: true,
      size: 33,
      hasColorProfile: false,
      quality: 0,
      density: 72,
      pHash: 'string',
      exif: {},
    })
    expect(
      (await call(s, 'GET', `/v1/metadata?url=${encodeURIComponent('https://ik.imagekit.io/standin/b.png')}`))
        .body,
    ).toStrictEqual(meta)
    expect(
      (await call(s, 'GET', `/v1/metadata?url=${encodeURIComponent('https://elsewhere.example/b.png')}`))
        .status,
    ).toBe(404)
  })
})

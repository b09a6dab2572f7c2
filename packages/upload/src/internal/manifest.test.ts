import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadManifest, manifestKey, openManifest, sha256Of } from './manifest'

const dir = mkdtempSync(path.join(tmpdir(), 'ikfp-manifest-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0
const fresh = () => path.join(dir, `m${++n}.jsonl`)

const A = 'a'.repeat(64)
const B = 'b'.repeat(64)
const line = (o: object) => `${JSON.stringify(o)}\n`

describe('loadManifest', () => {
  it('reads an absent file as an empty manifest', async () => {
    expect(await loadManifest(fresh())).toStrictEqual({ entries: new Map(), torn: false })
  })

  it('keeps the last line for a path and target, and skips lines that are not entries (or have no filePath)', async () => {
    const file = fresh()
    writeFileSync(
      file,
      [
        line({ path: 'a.jpg', filePath: '/t/a.jpg', size: 1, sha256: A, fileId: 'f1' }),
        'not json\n',
        line({ path: 'b.jpg', filePath: '/t/b.jpg', size: -1, sha256: A, fileId: 'f2' }),
        line({ path: 'c.jpg', filePath: '/t/c.jpg', size: 1, sha256: 'ABC', fileId: 'f3' }),
        line({ path: '', filePath: '/t/', size: 1, sha256: A, fileId: 'f4' }),
        line({ path: 'd.jpg', filePath: '/t/d.jpg', size: 1, sha256: A, fileId: 7 }),
        line({ path: 'f.jpg', size: 1, sha256: A, fileId: 'f6' }),
        line({ path: 'g.jpg', filePath: '', size: 1, sha256: A, fileId: 'f7' }),
        line({ path: 'a.jpg', filePath: '/u/a.jpg', size: 3, sha256: A, fileId: 'f8' }),
        '[1,2]\n',
        '\n',
        line({ path: 'a.jpg', filePath: '/t/a.jpg', size: 2, sha256: B, fileId: 'f5' }),
        line({ path: 'e.mp4', filePath: '/t/e.mp4', size: 0, sha256: B, fileId: null }),
      ].join(''),
    )
    expect(await loadManifest(file)).toStrictEqual({
      entries: new Map([
        [manifestKey('a.jpg', '/t/a.jpg'), { filePath: '/t/a.jpg', size: 2, sha256: B, fileId: 'f5' }],
        [manifestKey('a.jpg', '/u/a.jpg'), { filePath: '/u/a.jpg', size: 3, sha256: A, fileId: 'f8' }],
        [manifestKey('e.mp4', '/t/e.mp4'), { filePath: '/t/e.mp4', size: 0, sha256: B, fileId: null }],
      ]),
      torn: false,
    })
  })

  it('ignores a torn last line and says the file ends mid-line', async () => {
    const file = fresh()
    writeFileSync(
      file,
      line({ path: 'a.jpg', filePath: '/t/a.jpg', size: 1, sha256: A, fileId: 'f1' }) + '{"path":"b.jpg","si',
    )
    expect(await loadManifest(file)).toStrictEqual({
      entries: new Map([
        [manifestKey('a.jpg', '/t/a.jpg'), { filePath: '/t/a.jpg', size: 1, sha256: A, fileId: 'f1' }],
      ]),
      torn: true,
    })
  })

  it('reads lines split across its 64 KiB reads, multi-byte characters included', async () => {
    const file = fresh()
    const names = Array.from({ length: 2000 }, (_, i) => `фото/${i}.jpg`)
    writeFileSync(
      file,
      names.map((p) => line({ path: p, filePath: '/t/' + p, size: 1, sha256: A, fileId: p })).join(''),
    )
    const { entries } = await loadManifest(file)
    expect([...entries.keys()]).toStrictEqual(names.map((p) => manifestKey(p, '/t/' + p)))
  })

  it('rejects a device, which would never end or keep no line', async () => {
    await expect(loadManifest('/dev/zero')).rejects.toStrictEqual(new Error('not a regular file'))
  })

  it('rejects when the path is a folder', async () => {
    await expect(loadManifest(dir)).rejects.toStrictEqual(new Error('not a regular file'))
  })
})

describe('openManifest', () => {
  it('appends one line per entry, in order', async () => {
    const file = fresh()
    const writer = await openManifest(file, false)
    await Promise.all([
      writer.append('a.jpg', { filePath: '/t/a.jpg', size: 1, sha256: A, fileId: 'f1' }),
      writer.append('b/c.jpg', { filePath: '/t/b/c.jpg', size: 2, sha256: B, fileId: null }),
    ])
    await writer.close()
    expect(readFileSync(file, 'utf8')).toBe(
      '{"path":"a.jpg","filePath":"/t/a.jpg","size":1,"sha256":"' +
        A +
        '","fileId":"f1"}\n{"path":"b/c.jpg","filePath":"/t/b/c.jpg","size":2,"sha256":"' +
        B +
        '","fileId":null}\n',
    )
  })

  it('starts on a fresh line after a torn one, so the next read finds every complete entry', async () => {
    const file = fresh()
    writeFileSync(
      file,
      line({ path: 'a.jpg', filePath: '/t/a.jpg', size: 1, sha256: A, fileId: 'f1' }) + '{"pa',
    )
    const loaded = await loadManifest(file)
    const writer = await openManifest(file, loaded.torn)
    await writer.append('b.jpg', { filePath: '/t/b.jpg', size: 2, sha256: B, fileId: 'f2' })
    await writer.close()
    expect(await loadManifest(file)).toStrictEqual({
      entries: new Map([
        [manifestKey('a.jpg', '/t/a.jpg'), { filePath: '/t/a.jpg', size: 1, sha256: A, fileId: 'f1' }],
        [manifestKey('b.jpg', '/t/b.jpg'), { filePath: '/t/b.jpg', size: 2, sha256: B, fileId: 'f2' }],
      ]),
      torn: false,
    })
  })
})

describe('sha256Of', () => {
  it('is the hex SHA-256 of the blob', async () => {
    const bytes = new Uint8Array(200_000).map((_, i) => i % 253)
    expect(await sha256Of(new Blob([bytes]), new AbortController().signal)).toBe(
      createHash('sha256').update(bytes).digest('hex'),
    )
  })

  it('rejects with the reason of an aborted signal', async () => {
    const controller = new AbortController()
    controller.abort(new Error('stop'))
    await expect(sha256Of(new Blob(['x']), controller.signal)).rejects.toStrictEqual(new Error('stop'))
  })
})

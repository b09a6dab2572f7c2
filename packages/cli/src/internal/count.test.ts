import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { uploadDirectory, type UploadDirectoryProgress } from '@imagekit-fp/upload/node'
import { countFiles } from './count'

const base = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'imagekit-fp-cli-count-')))
afterAll(() => rmSync(base, { recursive: true, force: true }))

const fetch = (async () =>
  Response.json({ fileId: 'f1', name: 'x', filePath: '/x' })) as typeof globalThis.fetch

/** What uploadDirectory reports for `dir` with `manifest`: its outcomes and the bytes it sent. */
const uploaded = async (dir: string, manifest: string) => {
  let last: UploadDirectoryProgress | undefined
  const r = await uploadDirectory({ privateKey: 'private_count', fetch }, dir, {
    folder: '/c',
    manifest,
    onProgress: (p) => (last = p),
  })()
  if (r._tag === 'Left') throw new Error(r.left.message)
  return { files: r.right.total, bytes: last?.bytesDone }
}

describe('countFiles', () => {
  it('counts a folder as uploadDirectory reports it: links to files inside, refused links, no manifest', async () => {
    const outside = path.join(base, 'outside.txt')
    writeFileSync(outside, 'far away')
    const dir = path.join(base, 'photos')
    mkdirSync(path.join(dir, 'sub'), { recursive: true })
    writeFileSync(path.join(dir, 'a.jpg'), 'aaaa')
    writeFileSync(path.join(dir, 'sub', 'b.jpg'), 'bb')
    symlinkSync('a.jpg', path.join(dir, 'alias.jpg'))
    symlinkSync('sub', path.join(dir, 'sub-link'))
    symlinkSync(outside, path.join(dir, 'leak.txt'))
    symlinkSync('missing.jpg', path.join(dir, 'broken.jpg'))
    const manifest = path.join(dir, 'upload.jsonl')
    writeFileSync(manifest, 'x'.repeat(100))
    // a.jpg, sub/b.jpg and alias.jpg are sent (10 bytes); leak.txt and broken.jpg fail; the manifest is left out.
    expect(await countFiles([dir], manifest)).toStrictEqual({ files: 5, bytes: 10 })
    expect(await uploaded(dir, manifest)).toStrictEqual({ files: 5, bytes: 10 })
  })

  it('counts a file given one by one with its size, and a folder given through a link at its target', async () => {
    const dir = path.join(base, 'linked')
    mkdirSync(dir)
    writeFileSync(path.join(dir, 'a.jpg'), 'aaa')
    symlinkSync('a.jpg', path.join(dir, 'alias.jpg'))
    symlinkSync(dir, path.join(base, 'dir-link'))
    const loose = path.join(base, 'loose.txt')
    writeFileSync(loose, 'eight by')
    const manifest = path.join(base, 'linked.jsonl')
    expect(await countFiles([path.join(base, 'dir-link'), loose], manifest)).toStrictEqual({
      files: 3,
      bytes: 14,
    })
    expect(await uploaded(path.join(base, 'dir-link'), manifest)).toStrictEqual({ files: 2, bytes: 6 })
  })

  it('is undefined when a path cannot be read', async () => {
    expect(await countFiles([path.join(base, 'nothing-here')], path.join(base, 'm.jsonl'))).toBe(undefined)
  })
})

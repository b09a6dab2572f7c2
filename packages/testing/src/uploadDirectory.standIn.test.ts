// uploadDirectory's resume against the stand-in (upload's own tests may not import this package): abort a run
// half-way under rate limiting, run it again with the same manifest, and the account holds every file exactly once.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { uploadDirectory, type UploadDirectoryOptions } from '@imagekit-fp/upload/node'
import { createImagekitStandIn } from '@imagekit-fp/testing'

const base = mkdtempSync(path.join(tmpdir(), 'ikfp-standin-dir-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('uploadDirectory against the stand-in', () => {
  it('resumes after an abort half-way: every file stored exactly once, with its bytes', async () => {
    const root = path.join(base, 'photos')
    const files = new Map<string, string>()
    for (let i = 0; i < 40; i++) files.set(`set${i % 4}/img${i}.txt`, `bytes of ${i} `.repeat(i + 1))
    for (const [rel, text] of files) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
      writeFileSync(path.join(root, rel), text)
    }
    const manifest = path.join(base, 'photos.jsonl')
    const standIn = createImagekitStandIn()
    const config = { privateKey: standIn.privateKey, fetch: standIn.fetch }
    standIn.inject({ operation: 'upload-file', status: 429, retryAfter: 0, times: 3 })
    const controller = new AbortController()
    let settled = 0
    const options: UploadDirectoryOptions = {
      folder: '/backup',
      manifest,
      concurrency: 4,
      uploadOptions: { useUniqueFileName: false },
    }
    const first = await uploadDirectory(config, root, {
      ...options,
      signal: controller.signal,
      onItem: () => {
        if (++settled === 15) controller.abort()
      },
    })()
    expect(first._tag).toBe('Right')
    if (first._tag !== 'Right') return
    expect(first.right.aborted).toBe(true)
    expect(first.right.total).toBeLessThan(files.size)

    const second = await uploadDirectory(config, root, options)()
    expect(second._tag).toBe('Right')
    if (second._tag !== 'Right') return
    expect(second.right.failed).toStrictEqual([])
    expect(second.right.done.map((o) => o.ref.path).sort()).toStrictEqual([...files.keys()].sort())
    expect(second.right.done.filter((o) => o.result._tag === 'AlreadyUploaded').length).toBe(
      first.right.done.length,
    )

    const stored = standIn.files()
    const count = new Map<string, number>()
    for (const f of stored) count.set(f.filePath, (count.get(f.filePath) ?? 0) + 1)
    expect([...count.entries()].sort()).toStrictEqual(
      [...files.keys()].map((rel) => [`/backup/${rel}`, 1]).sort(),
    )
    for (const f of stored)
      expect(new TextDecoder().decode(f.bytes)).toBe(files.get(f.filePath.slice('/backup/'.length)))
  })
})

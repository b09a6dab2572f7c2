// A manifest that cannot be written (a full disk): the uploads still count, the report says the manifest failed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type * as FsPromises from 'node:fs/promises'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { validationError } from '@imagekit-fp/utils'
import { uploadDirectory } from '@imagekit-fp/upload/node'

vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof FsPromises>()
  const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
  return {
    ...fs,
    open: async (...args: Parameters<typeof fs.open>) => {
      const handle = await fs.open(...args)
      if (args[1] !== 'a' || !String(args[0]).endsWith('full.jsonl')) return handle
      return new Proxy(handle, {
        get: (target, key) => {
          if (key === 'write') return () => Promise.reject(full)
          const value: unknown = Reflect.get(target, key)
          return typeof value === 'function' ? value.bind(target) : value
        },
      })
    },
  }
})

const base = mkdtempSync(path.join(tmpdir(), 'ikfp-updir-full-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('uploadDirectory: a manifest that cannot be written', () => {
  it('keeps the uploads as Done and reports the first write error as manifestError', async () => {
    const root = path.join(base, 'photos')
    mkdirSync(root)
    writeFileSync(path.join(root, 'a.jpg'), 'A')
    writeFileSync(path.join(root, 'b.jpg'), 'B')
    const fetch = (async () =>
      Response.json({ fileId: 'f1', name: 'x.jpg', filePath: '/x.jpg' })) as typeof globalThis.fetch
    const result = await uploadDirectory({ privateKey: 'private_k', fetch }, root, {
      folder: '/f',
      manifest: path.join(base, 'full.jsonl'),
    })()
    expect(result._tag).toBe('Right')
    if (result._tag !== 'Right') return
    expect(result.right.done.map((o) => o.ref.path).sort()).toStrictEqual(['a.jpg', 'b.jpg'])
    expect(result.right.failed).toStrictEqual([])
    expect(result.right.manifestError).toStrictEqual(
      validationError('options.manifest', 'could not be written (ENOSPC)'),
    )
  })
})

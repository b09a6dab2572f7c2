// Test helpers of uploadDirectory's tests: temporary folders (removed after the file's tests), a fake upload
// endpoint that stores by file path, and the report by relative path.
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'
import {
  uploadDirectory,
  type UploadDirectoryOptions,
  type UploadDirectoryReport,
} from '@imagekit-fp/upload/node'

/** The temporary folder every {@link tree} of a test file is made in. */
export const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'ikfp-updir-')))
afterAll(() => rmSync(base, { recursive: true, force: true }))
let made = 0

/** A path in the temporary folder, not yet taken (`name` then a number): a manifest, a link. */
export const tempPath = (name: string): string => path.join(base, `${name}${++made}`)

/** A fresh folder holding `files` (relative path → content). */
export const tree = (files: Record<string, string>): string => {
  const root = path.join(base, `t${++made}`)
  mkdirSync(root, { recursive: true })
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    writeFileSync(path.join(root, rel), content)
  }
  return root
}

/** A fake ImageKit upload endpoint: stores each upload by its file path (a second upload overwrites it). */
export const account = (reply?: (filePath: string, call: number) => Response | undefined) => {
  const stored = new Map<string, { readonly text: string; readonly fileId: string }>()
  const sent: string[] = []
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const form = await new Request(input, init).formData()
    const folder = form.get('folder') as string
    const fileName = form.get('fileName') as string
    const filePath = `${folder === '/' ? '' : folder}/${fileName}`
    sent.push(filePath)
    const special = reply?.(filePath, sent.length - 1)
    if (special !== undefined) return special
    const fileId = `f${sent.length}`
    stored.set(filePath, { text: await (form.get('file') as File).text(), fileId })
    return Response.json({ fileId, name: fileName, filePath })
  }) as typeof globalThis.fetch
  return { fetch, stored, sent }
}

export const KEY = 'private_dir_key'
export const ok = (fileId: string, filePath: string) => ({
  _tag: 'UploadResult',
  fileId,
  name: filePath.slice(filePath.lastIndexOf('/') + 1),
  filePath,
})
export const sha = (s: string) => createHash('sha256').update(s).digest('hex')

/** The report's outcomes by relative path, index left out (it follows the file system's order). */
export const byPath = (r: UploadDirectoryReport) =>
  Object.fromEntries(
    [...r.done, ...r.failed].map((o) => [
      o.ref.path,
      Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'index')),
    ]),
  )

export const run = async (
  root: string,
  options: UploadDirectoryOptions,
  fetch: typeof globalThis.fetch,
): Promise<UploadDirectoryReport> => {
  const result = await uploadDirectory({ privateKey: KEY, fetch }, root, options)()
  if (result._tag === 'Left') throw new Error(`unexpected Left: ${JSON.stringify(result.left)}`)
  return result.right
}

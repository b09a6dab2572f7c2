import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { validationError, type ValidationError } from '@imagekit-fp/utils'
import { fileFromPath } from '@imagekit-fp/upload/node'

const dir = mkdtempSync(path.join(tmpdir(), 'ikfp-file-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('fileFromPath', () => {
  it('opens a regular file as a Blob with its size and bytes', async () => {
    const file = path.join(dir, 'a.txt')
    writeFileSync(file, 'hello disk')
    const result = await fileFromPath(file)()
    expect(result._tag).toBe('Right')
    if (result._tag === 'Right') {
      expect(result.right.size).toBe(10)
      expect(await result.right.text()).toBe('hello disk')
    }
  })

  const cases: readonly (readonly [string, () => string, ValidationError])[] = [
    [
      'a missing file',
      () => path.join(dir, 'missing.jpg'),
      validationError('path', 'cannot be opened (ENOENT)'),
    ],
    ['a directory', () => dir, validationError('path', 'is not a regular file')],
    ['an empty path', () => '', validationError('path', 'must be a non-empty string')],
    ['a non-string', () => 42 as unknown as string, validationError('path', 'must be a non-empty string')],
  ]
  it.each(cases)('is a ValidationError for %s', async (_title, p, expected) => {
    expect(await fileFromPath(p())()).toStrictEqual({ _tag: 'Left', left: expected })
  })
})

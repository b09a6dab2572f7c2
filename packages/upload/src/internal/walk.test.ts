import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { validationError } from '@imagekit-fp/utils'
import { nameProblem, walk, type WalkEntry } from './walk'

const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'ikfp-walk-')))
afterAll(() => rmSync(base, { recursive: true, force: true }))

/** A fresh folder holding `files` (relative path → content). */
const tree = (name: string, files: Record<string, string>): string => {
  const root = path.join(base, name)
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    writeFileSync(path.join(root, rel), content)
  }
  mkdirSync(root, { recursive: true })
  return root
}

const all = async (root: string, include: (p: string) => boolean = () => true): Promise<WalkEntry[]> => {
  const out: WalkEntry[] = []
  for await (const e of walk(root, include)) out.push(e)
  return out.sort((a, b) => (a.path < b.path ? -1 : 1))
}

const file = (root: string, rel: string, size: number, real = path.join(root, rel)): WalkEntry => ({
  kind: 'file',
  path: rel,
  real,
  size,
})
const refused = (rel: string, message: string): WalkEntry => ({
  kind: 'refused',
  path: rel,
  error: validationError(rel, message),
})

describe('walk', () => {
  it('yields every regular file with its /-separated relative path, real path and size', async () => {
    const root = tree('plain', { 'a.jpg': 'aa', 'x/b.png': 'bbb', 'x/y/z/c.gif': '', 'x/y/d.txt': 'd' })
    mkdirSync(path.join(root, 'empty'))
    expect(await all(root)).toStrictEqual([
      file(root, 'a.jpg', 2),
      file(root, 'x/b.png', 3),
      file(root, 'x/y/d.txt', 1),
      file(root, 'x/y/z/c.gif', 0),
    ])
  })

  it('skips FIFOs (not regular files)', async () => {
    const root = tree('fifo', { 'a.jpg': 'a' })
    execFileSync('mkfifo', [path.join(root, 'pipe')])
    expect(await all(root)).toStrictEqual([file(root, 'a.jpg', 1)])
  })

  it('follows a link to a file inside the root, not a link to a directory inside it, and refuses links that leave it', async () => {
    const outside = tree('outside', { 'secret.txt': 'secret', 'd/s.txt': 's' })
    const root = tree('links', { 'real/a.jpg': 'aaaa' })
    symlinkSync(path.join(root, 'real/a.jpg'), path.join(root, 'alias.jpg'))
    symlinkSync('real', path.join(root, 'again'))
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'leak.txt'))
    symlinkSync('../outside/d', path.join(root, 'leakdir'))
    symlinkSync('nowhere', path.join(root, 'broken'))
    expect(await all(root)).toStrictEqual([
      file(root, 'alias.jpg', 4, path.join(root, 'real/a.jpg')),
      refused('broken', 'is a symbolic link that cannot be followed (ENOENT)'),
      refused('leak.txt', 'is a symbolic link to outside the folder: refused'),
      refused('leakdir', 'is a symbolic link to outside the folder: refused'),
      file(root, 'real/a.jpg', 4),
    ])
  })

  it('refuses names with a backslash or a control character, and every file below such a folder', async () => {
    const root = tree('names', {
      'a\\b.jpg': 'x',
      'ok.jpg': 'o',
      '..\\..\\up/c.jpg': 'c',
      'new\nline.jpg': 'n',
    })
    expect(await all(root)).toStrictEqual([
      refused('..\\..\\up/c.jpg', 'has a backslash in a name (a folder separator on Windows): refused'),
      refused('a\\b.jpg', 'has a backslash in a name (a folder separator on Windows): refused'),
      refused('new\nline.jpg', 'has a control character in a name: refused'),
      file(root, 'ok.jpg', 1),
    ])
  })

  it('asks include about each file by relative path; one that throws refuses that file at options.filter', async () => {
    const root = tree('filter', { 'a.jpg': 'a', 'b.txt': 'b', 'c/d.jpg': 'd', 'c/boom.jpg': 'e' })
    const asked: string[] = []
    const entries = await all(root, (p) => {
      asked.push(p)
      if (p === 'c/boom.jpg') throw new Error('boom')
      return p.endsWith('.jpg')
    })
    expect(asked.sort()).toStrictEqual(['a.jpg', 'b.txt', 'c/boom.jpg', 'c/d.jpg'])
    expect(entries).toStrictEqual([
      file(root, 'a.jpg', 1),
      {
        kind: 'refused',
        path: 'c/boom.jpg',
        error: validationError('options.filter', 'threw for c/boom.jpg'),
      },
      file(root, 'c/d.jpg', 1),
    ])
  })

  it('is one refused entry for a folder that cannot be opened', async () => {
    expect(await all(path.join(base, 'missing'))).toStrictEqual([refused('/', 'cannot be read (ENOENT)')])
  })

  it('reads lazily: taking the first entry of a large tree leaves the rest unread', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 50; i++) files[`d${i}/f.txt`] = 'x'
    const root = tree('lazy', files)
    const asked: string[] = []
    for await (const e of walk(root, (p) => (asked.push(p), true))) {
      expect(e.kind).toBe('file')
      break
    }
    expect(asked).toHaveLength(1)
  })
})

describe('nameProblem', () => {
  it.each([
    ['', "is not a usable name ('', '.', '..' or with /)"],
    ['.', "is not a usable name ('', '.', '..' or with /)"],
    ['..', "is not a usable name ('', '.', '..' or with /)"],
    ['a/b', "is not a usable name ('', '.', '..' or with /)"],
    ['a\\b', 'has a backslash in a name (a folder separator on Windows): refused'],
    ['a\0b', 'has a control character in a name: refused'],
    ['tab\there', 'has a control character in a name: refused'],
    ['ok name.jpg', undefined],
    ['..hidden', undefined],
    ['фото.jpg', undefined],
  ])('%j → %j', (name, expected) => {
    expect(nameProblem(name)).toBe(expected)
  })
})

// The browser suite's own guards: it skips (never fails) without Chromium, and fails, saying to build,
// without packages/*/dist. These run everywhere, Chromium or not.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { chromiumStatus, installBuiltPackages, repoRoot } from './support/harness'

const temporary: string[] = []
afterEach(() => {
  for (const dir of temporary.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe('browser suite harness', () => {
  it('gives a skip reason naming the missing Chromium binary', () => {
    expect(chromiumStatus('/nonexistent/chromium')).toStrictEqual({
      reason:
        '/nonexistent/chromium not found: browser tests skipped (install it with apt-get install chromium)',
    })
  })

  it('gives the path of a Chromium binary that exists', () => {
    expect(chromiumStatus(process.execPath)).toStrictEqual({ path: process.execPath })
  })

  it('refuses to run without the built packages and says how to build them', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'imagekit-fp-nodist-'))
    temporary.push(root)
    for (const p of ['utils', 'url', 'upload']) {
      fs.mkdirSync(path.join(root, 'packages', p), { recursive: true })
      fs.copyFileSync(
        path.join(repoRoot, 'packages', p, 'package.json'),
        path.join(root, 'packages', p, 'package.json'),
      )
    }
    expect(() => installBuiltPackages(root)).toThrow(
      new RegExp(
        `^the built packages are missing \\(packages/utils/dist/.*\\): run the build first, cd ${root} && npx -y pnpm@10 -r --filter './packages/\\*' run build$`,
      ),
    )
  })
})

// The browser suite's own guards: it skips (never fails) without an engine's binaries, and fails, saying to
// build, without packages/*/dist. These run everywhere, with or without any browser.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { chromiumStatus } from './support/chromium'
import { firefoxStatus } from './support/firefox'
import {
  fromJsonKeepingUndefined,
  installBuiltPackages,
  repoRoot,
  toJsonKeepingUndefined,
} from './support/harness'
import { webkitStatus } from './support/webkit'

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

  it('gives a skip reason naming the missing Firefox binary', () => {
    expect(firefoxStatus('/nonexistent/firefox-esr')).toStrictEqual({
      reason:
        '/nonexistent/firefox-esr not found: Firefox tests skipped (install it with apt-get install firefox-esr)',
    })
    expect(firefoxStatus(process.execPath)).toStrictEqual({ path: process.execPath })
  })

  it('gives a skip reason naming the first missing WebKit binary (driver, MiniBrowser, Xvfb), or the driver path', () => {
    const node = process.execPath
    expect(
      webkitStatus([
        [node, 'webkit2gtk-driver'],
        ['/nonexistent/MiniBrowser', 'libwebkit2gtk-4.1-0'],
        ['/nonexistent/Xvfb', 'xvfb'],
      ]),
    ).toStrictEqual({
      reason:
        '/nonexistent/MiniBrowser not found: WebKit tests skipped (install it with apt-get install libwebkit2gtk-4.1-0)',
    })
    expect(
      webkitStatus([
        ['/usr/bin/env', 'webkit2gtk-driver'],
        [node, 'libwebkit2gtk-4.1-0'],
      ]),
    ).toStrictEqual({ path: '/usr/bin/env' })
  })

  it('keeps undefined properties and elements across a JSON-only channel (WebDriver classic)', () => {
    const value = { a: undefined, b: [undefined, 1, null], c: { d: 'x', e: undefined } }
    expect(fromJsonKeepingUndefined(toJsonKeepingUndefined(value))).toStrictEqual(value)
    expect(fromJsonKeepingUndefined(toJsonKeepingUndefined(undefined))).toBe(undefined)
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

// The browser suite's harness: the built packages installed in a throw-away folder, the shared entry
// (./entry.ts) bundled for the page and for Node, a loopback page server, and Debian's Chromium driven by
// playwright-core (never a downloaded browser).
//
//   const chromium = chromiumStatus()
//   describe.skipIf(chromium.path === undefined)(`… (${chromium.reason ?? 'Chromium found'})`, () => {
//     let h: Harness
//     beforeAll(async () => { h = await startHarness() })
//     afterAll(() => h?.close())
//     it('…', async () => expect(await h.inPage(...)).toStrictEqual(await h.inNode(...)))
//   })
import { existsSync } from 'node:fs'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build, type Metafile } from 'esbuild'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import type { Api } from './entry'

/** The repository root (this file is `<root>/test/browser/support/harness.ts`). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/** Debian's Chromium (CI installs it with apt); `IMAGEKIT_FP_CHROMIUM` may name another Chromium binary. */
export const CHROMIUM_PATH = process.env['IMAGEKIT_FP_CHROMIUM'] ?? '/usr/bin/chromium'

/** Flags for this closed network: no background traffic, no QUIC, no sandbox (containers). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Chromium's path when it is installed; otherwise why the browser suite skips. */
export const chromiumStatus = (
  executable: string = CHROMIUM_PATH,
): { readonly path?: string; readonly reason?: string } =>
  existsSync(executable)
    ? { path: executable }
    : {
        reason: `${executable} not found: browser tests skipped (install it with apt-get install chromium)`,
      }

const PACKAGES = ['utils', 'url', 'upload'] as const
/** Peers and dependencies of the built packages, linked from where pnpm installed them. */
const DEPENDENCIES: readonly (readonly [name: string, from: (typeof PACKAGES)[number]])[] = [
  ['fp-ts', 'utils'],
  ['io-ts', 'utils'],
  ['ky', 'utils'],
  ['@noble/hashes', 'utils'],
]

/** Dist entry files (from each package.json `exports`) that are missing. */
const missingBuilds = (root: string): string[] => {
  const missing: string[] = []
  const targets = (node: unknown): string[] =>
    typeof node === 'string'
      ? [node]
      : typeof node === 'object' && node !== null
        ? Object.values(node).flatMap(targets)
        : []
  for (const p of PACKAGES) {
    const dir = path.join(root, 'packages', p)
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { exports?: unknown }
    for (const t of targets(pkg.exports))
      if (t.startsWith('./dist/') && !t.endsWith('.d.ts') && !existsSync(path.join(dir, t)))
        missing.push(`packages/${p}/${t.slice(2)}`)
  }
  return missing
}

/**
 * A folder whose `node_modules` holds COPIES of packages/{utils,url,upload} (package.json + dist) and links to
 * their dependencies. Copies, not links: vitest resolves links to their real path, and a file outside
 * `node_modules` would be run through vitest's transform, whose aliases swap `@imagekit-fp/*` for the sources.
 * Throws, saying to build, when a dist file is missing.
 */
export const installBuiltPackages = (root: string = repoRoot): string => {
  const missing = missingBuilds(root)
  if (missing.length > 0)
    throw new Error(
      `the built packages are missing (${missing.join(', ')}): run the build first, ` +
        `cd ${root} && npx -y pnpm@10 -r --filter './packages/*' run build`,
    )
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imagekit-fp-browser-'))
  for (const p of PACKAGES) {
    const to = path.join(dir, 'node_modules', '@imagekit-fp', p)
    fs.mkdirSync(to, { recursive: true })
    fs.copyFileSync(path.join(root, 'packages', p, 'package.json'), path.join(to, 'package.json'))
    fs.cpSync(path.join(root, 'packages', p, 'dist'), path.join(to, 'dist'), { recursive: true })
  }
  for (const [name, from] of DEPENDENCIES) {
    const to = path.join(dir, 'node_modules', name)
    fs.mkdirSync(path.dirname(to), { recursive: true })
    fs.symlinkSync(fs.realpathSync(path.join(root, 'packages', from, 'node_modules', name)), to, 'dir')
  }
  return dir
}

const ENTRY = fileURLToPath(new URL('./entry.ts', import.meta.url))

/** The page's bundle: the entry with every import inlined, browser export conditions, ESM. */
export interface BrowserBundle {
  readonly code: string
  /** Input files of the bundle (paths relative to the install folder). */
  readonly inputs: readonly string[]
}

/**
 * Bundles ./entry.ts for the page from the installed packages, and assigns its `api` to `globalThis.__ik`.
 * `tsconfigRaw` keeps esbuild away from the repository's tsconfig, whose `paths` point at the sources.
 */
export const bundleForBrowser = async (installDir: string): Promise<BrowserBundle> => {
  const result = await build({
    stdin: {
      contents: `import { api } from ${JSON.stringify(ENTRY)}\nglobalThis.__ik = api\n`,
      resolveDir: installDir,
      loader: 'ts',
    },
    absWorkingDir: installDir,
    nodePaths: [path.join(installDir, 'node_modules')],
    tsconfigRaw: {},
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]?.text ?? ''
  return { code, inputs: Object.keys((result.metafile as Metafile).inputs) }
}

/**
 * Bundles ./entry.ts for Node with `@imagekit-fp/*` (and their peers) left as imports, writes it into the
 * install folder's node_modules and imports it there: Node itself resolves the built packages (`node` and
 * `import` conditions) and vitest loads it natively, untransformed.
 */
export const importInNode = async (installDir: string): Promise<Api> => {
  const file = path.join(installDir, 'node_modules', 'browser-suite-entry', 'index.mjs')
  await build({
    entryPoints: [ENTRY],
    outfile: file,
    tsconfigRaw: {},
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
  })
  const mod = (await import(pathToFileURL(file).href)) as { api: Api }
  return mod.api
}

/** A loopback server for the page: `/` (an HTML page loading the bundle as a module) and `/ik.js`. */
export const servePage = async (
  code: string,
): Promise<{ readonly url: string; readonly close: () => Promise<void> }> => {
  const server = http.createServer((req, res) => {
    req.resume()
    if (req.url === '/ik.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' })
      res.end(code)
    } else if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(
        '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="/ik.js"></script>',
      )
    } else {
      res.writeHead(404)
      res.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** Everything one test file needs, started once in beforeAll. */
export interface Harness {
  readonly browser: Browser
  readonly context: BrowserContext
  readonly page: Page
  /** The page's origin, `http://127.0.0.1:<port>`. */
  readonly pageUrl: string
  readonly bundle: BrowserBundle
  /** The same entry, loaded in Node from the built packages. */
  readonly node: Api
  /** What the page printed to its console and the requests it saw fail, for failure messages. */
  readonly pageLog: string[]
  /** Runs `fn(api, arg)` in the page, where `api` is the bundle's `globalThis.__ik`. */
  readonly inPage: <A, R>(fn: (api: Api, arg: A) => R | Promise<R>, arg: A) => Promise<R>
  readonly close: () => Promise<void>
}

/**
 * Installs the built packages, bundles the entry, serves the page, launches Chromium and opens the page.
 * `ignoreHTTPSErrors` lets the page reach a server with a self-signed certificate.
 */
export const startHarness = async (
  options: { readonly ignoreHTTPSErrors?: boolean } = {},
): Promise<Harness> => {
  const installDir = installBuiltPackages()
  const cleanups: (() => unknown)[] = [() => fs.rmSync(installDir, { recursive: true, force: true })]
  const close = async () => {
    for (const f of cleanups.reverse()) await f()
  }
  try {
    const [bundle, node] = await Promise.all([bundleForBrowser(installDir), importInNode(installDir)])
    const server = await servePage(bundle.code)
    cleanups.push(server.close)
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] })
    cleanups.push(() => browser.close())
    const context = await browser.newContext({ ignoreHTTPSErrors: options.ignoreHTTPSErrors === true })
    const page = await context.newPage()
    const pageLog: string[] = []
    page.on('console', (m) => pageLog.push(`console.${m.type()}: ${m.text()}`))
    page.on('pageerror', (e) => pageLog.push(`pageerror: ${e.message}`))
    page.on('requestfailed', (r) =>
      pageLog.push(`requestfailed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`),
    )
    await page.goto(`${server.url}/`)
    await page.waitForFunction(() => '__ik' in globalThis, undefined, { timeout: 10_000 })
    const inPage = <A, R>(fn: (api: Api, arg: A) => R | Promise<R>, arg: A): Promise<R> =>
      page.evaluate(
        ([source, a]) => {
          // The function's source is rebuilt in the page and handed the bundle's api.
          const f = (0, eval)(`(${source})`) as (api: unknown, arg: unknown) => unknown
          return f((globalThis as unknown as { __ik: unknown }).__ik, a)
        },
        [fn.toString(), arg] as const,
      ) as Promise<R>
    return { browser, context, page, pageUrl: server.url, bundle, node, pageLog, inPage, close }
  } catch (e) {
    await close()
    throw e
  }
}

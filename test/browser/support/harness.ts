// The browser suite's harness, the same for every engine: the built packages installed in a throw-away folder,
// the shared entry (./entry.ts) bundled for the page and for Node, and a loopback page server. Each engine
// (./chromium.ts, ./firefox.ts, ./webkit.ts: browsers installed with apt, never downloaded) supplies a small
// {@link Engine}: where its binaries are, and `launch`, which opens the page and gives a {@link Driver}.
//
//   const status = chromium.status()
//   describe.skipIf(status.path === undefined)(`… (${status.reason ?? status.path})`, () => {
//     let h: Harness
//     beforeAll(async () => { h = await startHarness(chromium) })
//     afterAll(() => h?.close())
//     it('…', async () => expect(await h.inPage((ik, c) => ik.call(c), c)).toStrictEqual(h.node.call(c)))
//   })
import { existsSync } from 'node:fs'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build, type Metafile } from 'esbuild'
import type { Api } from './entry'

/** The repository root (this file is `<root>/test/browser/support/harness.ts`). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/** Where an engine's binaries are, or why its tests skip. */
/**
 * The outer bound for an engine to start, load the page and run the bundle: a stuck run fails after it, a slow one
 * (a busy machine) never reaches it. Nothing is asserted about how long these steps take.
 */
export const STARTUP_TIMEOUT_MS = 120_000

export interface EngineStatus {
  readonly path?: string
  readonly reason?: string
}

/**
 * `{ path }` (the first binary) when every binary exists; otherwise a skip reason naming the first missing one
 * and the apt package that installs it.
 */
export const binaryStatus = (
  binaries: readonly (readonly [path: string, aptPackage: string])[],
  what = 'browser tests',
): EngineStatus => {
  const missing = binaries.find(([p]) => !existsSync(p))
  return missing === undefined
    ? { path: binaries[0]?.[0] ?? '' }
    : { reason: `${missing[0]} not found: ${what} skipped (install it with apt-get install ${missing[1]})` }
}

/**
 * A throw-away home for one browser run: HOME and the XDG folders point into a new temp folder, so that
 * nothing the browser writes (crash-report folders, shader and media caches) lands in the user's home.
 * `remove` deletes it; call it once the browser has exited.
 */
export const isolatedHome = (
  prefix: string,
): { readonly dir: string; readonly env: NodeJS.ProcessEnv; readonly remove: () => void } => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `imagekit-fp-${prefix}-`))
  const env = {
    ...process.env,
    HOME: dir,
    XDG_CACHE_HOME: path.join(dir, '.cache'),
    XDG_CONFIG_HOME: path.join(dir, '.config'),
    XDG_DATA_HOME: path.join(dir, '.local/share'),
    XDG_STATE_HOME: path.join(dir, '.local/state'),
  }
  return { dir, env, remove: () => fs.rmSync(dir, { recursive: true, force: true }) }
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

/** `fn(api, arg)` run in the page, where `api` is the bundle's `globalThis.__ik`. */
export type InPage = <A, R>(fn: (api: Api, arg: A) => R | Promise<R>, arg: A) => Promise<R>

/** An open page in one engine, given by {@link Engine.launch}. */
export interface Driver {
  /** What the browser says it is, e.g. `firefox/140.12.0`. */
  readonly version: string
  /** Runs `fn(api, arg)` in the page (`fn` crosses as source text: it may use only its parameters). */
  readonly inPage: InPage
  /**
   * What the page printed to its console, its uncaught errors and (where the engine tells) the requests it
   * saw fail, for failure messages and for tests that pin them.
   */
  readonly pageLog: string[]
  /** Closes the page, the browser and every process the engine started. */
  readonly close: () => Promise<void>
}

export interface LaunchOptions {
  /** The page to open; `launch` resolves once it has loaded. */
  readonly url: string
  /** Let the page reach servers with a self-signed certificate. */
  readonly acceptInsecureCerts: boolean
}

/** A browser engine the suite can drive. */
export interface Engine {
  readonly name: 'Chromium' | 'Firefox' | 'WebKit'
  /** Checked when a test file loads: a missing binary skips that engine's tests, never fails them. */
  readonly status: () => EngineStatus
  readonly launch: (options: LaunchOptions) => Promise<Driver>
}

// Values crossing a JSON-only channel (WebDriver classic) keep `undefined` as this marker.
const UNDEFINED = '\u0000undefined'

/** JSON text of `value` with every `undefined` (property or element) kept as a marker. */
export const toJsonKeepingUndefined = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) => (v === undefined ? { [UNDEFINED]: 1 } : v)) ?? 'null'

/** The inverse of {@link toJsonKeepingUndefined}. */
export const fromJsonKeepingUndefined = (json: string): unknown => {
  const revive = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(revive)
      : typeof v === 'object' && v !== null
        ? UNDEFINED in v
          ? undefined
          : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)]))
        : v
  return revive(JSON.parse(json))
}

/**
 * Page-side source of an async function `(source, argJson) => Promise<resultJson>` that does what
 * {@link Driver.inPage} does, for engines whose channel carries only JSON: the function's source is rebuilt in
 * the page with an indirect eval, `undefined` survives both ways (see {@link toJsonKeepingUndefined}), and a
 * throw comes back as `{ thrown }` text rather than as the channel's own error.
 */
export const PAGE_RUNNER = `async (source, argJson) => {
  const marker = ${JSON.stringify(UNDEFINED)}
  const revive = (v) => Array.isArray(v) ? v.map(revive)
    : typeof v === 'object' && v !== null
      ? (marker in v ? undefined : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)])))
      : v
  const encode = (v) => JSON.stringify(v, (_, x) => (x === undefined ? { [marker]: 1 } : x)) ?? 'null'
  try {
    const f = (0, eval)('(' + source + ')')
    return encode({ value: await f(globalThis.__ik, revive(JSON.parse(argJson))) })
  } catch (e) {
    return encode({ thrown: String(e && e.stack ? e.stack : e) })
  }
}`

/** Reads what {@link PAGE_RUNNER} returned: the value, or a rejection with the page's error. */
export const runnerResult = <R>(json: string): R => {
  const r = fromJsonKeepingUndefined(json) as { value?: R; thrown?: string }
  if (r.thrown !== undefined) throw new Error(`the page threw: ${r.thrown}`)
  return r.value as R
}

/** Everything one test file needs, started once in beforeAll. */
export interface Harness {
  readonly engine: Engine['name']
  readonly driver: Driver
  /** The page's origin, `http://127.0.0.1:<port>`. */
  readonly pageUrl: string
  readonly bundle: BrowserBundle
  /** The same entry, loaded in Node from the built packages. */
  readonly node: Api
  /** The driver's page log (console, uncaught errors, failed requests where the engine reports them). */
  readonly pageLog: string[]
  /** Runs `fn(api, arg)` in the page, where `api` is the bundle's `globalThis.__ik`. */
  readonly inPage: InPage
  readonly close: () => Promise<void>
}

/**
 * Installs the built packages, bundles the entry, serves the page, launches the engine on it and checks that
 * the bundle ran. `acceptInsecureCerts` lets the page reach a server with a self-signed certificate.
 */
export const startHarness = async (
  engine: Engine,
  options: { readonly acceptInsecureCerts?: boolean } = {},
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
    const driver = await engine.launch({
      url: `${server.url}/`,
      acceptInsecureCerts: options.acceptInsecureCerts === true,
    })
    cleanups.push(driver.close)
    // The module script has run by the load event; a bundle that threw leaves no __ik (and a page log).
    const deadline = Date.now() + STARTUP_TIMEOUT_MS
    while (!(await driver.inPage(() => '__ik' in globalThis, null))) {
      if (Date.now() > deadline)
        throw new Error(`the bundle did not load in ${engine.name}: ${JSON.stringify(driver.pageLog)}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    return {
      engine: engine.name,
      driver,
      pageUrl: server.url,
      bundle,
      node,
      pageLog: driver.pageLog,
      inPage: driver.inPage,
      close,
    }
  } catch (e) {
    await close()
    throw e
  }
}

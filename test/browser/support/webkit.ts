// WebKitGTK (the engine Safari uses; Debian's, installed with apt) driven over W3C WebDriver classic: the
// suite starts Xvfb (MiniBrowser needs a display) and WebKitWebDriver, and speaks to the driver with plain
// fetch from Node. The driver starts MiniBrowser in automation mode (an ephemeral session), with HOME and the
// XDG folders in a throw-away folder (WebKit writes GL shader and GStreamer caches there).
import { type ChildProcess, spawn } from 'node:child_process'
import net from 'node:net'
import type { Api } from './entry'
import {
  binaryStatus,
  STARTUP_TIMEOUT_MS,
  isolatedHome,
  type Engine,
  type EngineStatus,
  type InPage,
  PAGE_RUNNER,
  runnerResult,
  toJsonKeepingUndefined,
} from './harness'

const env = process.env
/** Debian's webkit2gtk-driver; `IMAGEKIT_FP_WEBKIT_DRIVER` may name another WebKitWebDriver. */
export const WEBKIT_DRIVER_PATH = env['IMAGEKIT_FP_WEBKIT_DRIVER'] ?? '/usr/bin/WebKitWebDriver'
/** The browser the driver automates (libwebkit2gtk-4.1-0); `IMAGEKIT_FP_MINIBROWSER` may name another. */
export const MINIBROWSER_PATH =
  env['IMAGEKIT_FP_MINIBROWSER'] ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'
/** The X server MiniBrowser draws on; `IMAGEKIT_FP_XVFB` may name another Xvfb. */
export const XVFB_PATH = env['IMAGEKIT_FP_XVFB'] ?? '/usr/bin/Xvfb'

/** The driver's path when the driver, MiniBrowser and Xvfb are installed; otherwise why WebKit tests skip. */
export const webkitStatus = (
  binaries: readonly (readonly [string, string])[] = [
    [WEBKIT_DRIVER_PATH, 'webkit2gtk-driver'],
    [MINIBROWSER_PATH, 'libwebkit2gtk-4.1-0'],
    [XVFB_PATH, 'xvfb'],
  ],
): EngineStatus => binaryStatus(binaries, 'WebKit tests')

/** Resolves once `child` has exited (at once if it already has). */
const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()))

/** Stops a process this file started (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. */
const stop = async (child: ChildProcess): Promise<void> => {
  const done = exited(child)
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await done
  clearTimeout(timer)
}

/** Starts Xvfb on the first free display (`-displayfd`): the process and its display, e.g. `:1`. */
const startXvfb = async (): Promise<{ readonly display: string; readonly process: ChildProcess }> => {
  const xvfb = spawn(XVFB_PATH, ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  xvfb.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
  const fd3 = xvfb.stdio[3] as NodeJS.ReadableStream
  try {
    const display = await new Promise<string>((resolve, reject) => {
      let out = ''
      fd3.on('data', (d: Buffer) => {
        out += d.toString()
        if (out.includes('\n')) resolve(`:${out.trim()}`)
      })
      xvfb.once('error', reject)
      xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr.trim()}`)))
      setTimeout(
        () => reject(new Error(`Xvfb gave no display in ${STARTUP_TIMEOUT_MS} ms: ${stderr.trim()}`)),
        STARTUP_TIMEOUT_MS,
      )
    })
    return { display, process: xvfb }
  } catch (e) {
    await stop(xvfb)
    throw e
  }
}

/** A TCP port that was free a moment ago (the driver takes its port on the command line). */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

/** One W3C WebDriver command; a WebDriver error becomes a rejection with its error code and message. */
const command = async (base: string, method: string, path: string, body?: unknown): Promise<unknown> => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const json = (await res.json()) as { value: unknown }
  const v = json.value as { error?: string; message?: string } | null
  if (!res.ok || (typeof v === 'object' && v !== null && typeof v.error === 'string'))
    throw new Error(`WebDriver ${method} ${path}: ${v?.error ?? res.status} ${v?.message ?? ''}`)
  return json.value
}

// Installed in the page after it loaded: what WebDriver classic cannot report (console, uncaught errors) is
// kept in `__ikLog` and collected after each script.
const LOG_HOOK = `if (!globalThis.__ikLog) {
  const log = (globalThis.__ikLog = [])
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    const original = console[level]
    console[level] = (...a) => {
      log.push('console.' + (level === 'warn' ? 'warning' : level) + ': ' + a.map(String).join(' '))
      return original.apply(console, a)
    }
  }
  addEventListener('error', (e) => log.push('pageerror: ' + e.message))
  addEventListener('unhandledrejection', (e) => log.push('pageerror: ' + String(e.reason)))
}`

export const webkit: Engine = {
  name: 'WebKit',
  status: () => webkitStatus(),
  launch: async ({ url, acceptInsecureCerts }) => {
    const cleanups: (() => Promise<unknown>)[] = []
    const close = async () => {
      for (const f of cleanups.splice(0).reverse()) await f().catch(() => undefined)
    }
    try {
      const home = isolatedHome('webkit')
      cleanups.push(async () => home.remove())
      const xvfb = await startXvfb()
      cleanups.push(() => stop(xvfb.process))
      const port = await freePort()
      const driver = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`], {
        stdio: 'ignore',
        env: { ...home.env, DISPLAY: xvfb.display },
      })
      cleanups.push(() => stop(driver))
      const base = `http://127.0.0.1:${port}`
      const deadline = Date.now() + STARTUP_TIMEOUT_MS
      for (;;) {
        const ready = await command(base, 'GET', '/status').then(
          (v) => (v as { ready?: boolean }).ready === true,
          () => false,
        )
        if (ready) break
        if (Date.now() > deadline || driver.exitCode !== null)
          throw new Error(`${WEBKIT_DRIVER_PATH} did not start`)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      const session = (await command(base, 'POST', '/session', {
        capabilities: {
          alwaysMatch: {
            acceptInsecureCerts,
            'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
          },
        },
      })) as { sessionId: string; capabilities: { browserName: string; browserVersion: string } }
      const s = `/session/${session.sessionId}`
      cleanups.push(() => command(base, 'DELETE', s))
      // Outer bounds for a stuck script or page load, not speed checks (the timeout upload alone takes 6 s).
      await command(base, 'POST', `${s}/timeouts`, {
        script: STARTUP_TIMEOUT_MS,
        pageLoad: STARTUP_TIMEOUT_MS,
      })
      await command(base, 'POST', `${s}/url`, { url })
      await command(base, 'POST', `${s}/execute/sync`, { script: LOG_HOOK, args: [] })
      const pageLog: string[] = []
      const inPage: InPage = async <A, R>(fn: (api: Api, arg: A) => R | Promise<R>, arg: A) => {
        const [result, log] = (await command(base, 'POST', `${s}/execute/async`, {
          script: `const [source, argJson, done] = arguments;
(${PAGE_RUNNER})(source, argJson).then((r) => done([r, (globalThis.__ikLog || []).splice(0)]))`,
          args: [fn.toString(), toJsonKeepingUndefined(arg)],
        })) as [string, string[]]
        pageLog.push(...log)
        return runnerResult<R>(result)
      }
      const { browserName, browserVersion } = session.capabilities
      return { version: `${browserName}/${browserVersion}`, inPage, pageLog, close }
    } catch (e) {
      await close()
      throw e
    }
  },
}

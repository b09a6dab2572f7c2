// Chromium (Debian's, installed with apt) driven by playwright-core over CDP.
import { chromium as playwrightChromium } from 'playwright-core'
import type { Api } from './entry'
import { binaryStatus, STARTUP_TIMEOUT_MS, type Engine, type EngineStatus, type InPage } from './harness'

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

/** Chromium's path when it is installed; otherwise why its tests skip. */
export const chromiumStatus = (executable: string = CHROMIUM_PATH): EngineStatus =>
  binaryStatus([[executable, 'chromium']])

export const chromium: Engine = {
  name: 'Chromium',
  status: () => chromiumStatus(),
  launch: async ({ url, acceptInsecureCerts }) => {
    const browser = await playwrightChromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
      timeout: STARTUP_TIMEOUT_MS,
    })
    try {
      const context = await browser.newContext({ ignoreHTTPSErrors: acceptInsecureCerts })
      const page = await context.newPage()
      const pageLog: string[] = []
      page.on('console', (m) => pageLog.push(`console.${m.type()}: ${m.text()}`))
      page.on('pageerror', (e) => pageLog.push(`pageerror: ${e.message}`))
      page.on('requestfailed', (r) =>
        pageLog.push(`requestfailed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`),
      )
      await page.goto(url, { timeout: STARTUP_TIMEOUT_MS })
      const inPage: InPage = <A, R>(fn: (api: Api, arg: A) => R | Promise<R>, arg: A) =>
        page.evaluate(
          ([source, a]) => {
            // The function's source is rebuilt in the page and handed the bundle's api.
            const f = (0, eval)(`(${source})`) as (api: unknown, arg: unknown) => unknown
            return f((globalThis as unknown as { __ik: unknown }).__ik, a)
          },
          [fn.toString(), arg] as const,
        ) as Promise<R>
      return { version: `chromium/${browser.version()}`, inPage, pageLog, close: () => browser.close() }
    } catch (e) {
      await browser.close()
      throw e
    }
  },
}

// A real page, driven like a person would: open a URL, choose files, click, look at the DOM, take a screenshot.
// Chromium through playwright-core, Firefox ESR through puppeteer-core (WebDriver BiDi), with the binaries,
// flags, preferences and throw-away home of the browser suite (test/browser/support).
import { chromium as playwrightChromium } from 'playwright-core'
import puppeteer from 'puppeteer-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumStatus } from '../../browser/support/chromium'
import { FIREFOX_PATH, FIREFOX_PREFS, firefoxStatus } from '../../browser/support/firefox'
import { type EngineStatus, isolatedHome, STARTUP_TIMEOUT_MS } from '../../browser/support/harness'

/** A file to choose, as bytes. */
export interface PageFile {
  readonly name: string
  readonly mimeType: string
  readonly buffer: Buffer
}

export interface PageDriver {
  readonly engine: 'Chromium' | 'Firefox'
  readonly version: string
  readonly goto: (url: string) => Promise<void>
  /** Runs `fn(arg)` in the page (`fn` crosses as source text: it may use only its parameter). */
  readonly evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>
  /** Gives `files` to the page as a person would: Chromium through the file picker, Firefox by a drop. */
  readonly choose: (files: readonly PageFile[]) => Promise<void>
  readonly click: (selector: string) => Promise<void>
  /** A PNG of the whole page. */
  readonly screenshot: () => Promise<Buffer>
  /** Console messages and page errors, for failure messages. */
  readonly log: string[]
  readonly close: () => Promise<void>
}

export interface PageEngine {
  readonly name: PageDriver['engine']
  readonly status: () => EngineStatus
  /** Opens a browser that accepts the stand-in's self-signed certificate. */
  readonly launch: () => Promise<PageDriver>
}

/**
 * Drops `files` (base64) on `#drop` with a DataTransfer, the way a drag from the desktop arrives. Runs in the
 * page; used where the driver cannot set an input's files (puppeteer over BiDi).
 */
const dropInPage = (files: readonly { name: string; mimeType: string; base64: string }[]) => {
  const dt = new DataTransfer()
  for (const f of files) {
    const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))
    dt.items.add(new File([bytes], f.name, { type: f.mimeType }))
  }
  document
    .getElementById('drop')
    ?.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }))
}

export const chromiumPage: PageEngine = {
  name: 'Chromium',
  status: () => chromiumStatus(),
  launch: async () => {
    const browser = await playwrightChromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
      timeout: STARTUP_TIMEOUT_MS,
    })
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: { width: 1000, height: 800 },
    })
    const page = await context.newPage()
    page.setDefaultTimeout(STARTUP_TIMEOUT_MS) // outer bounds for goto, click, setInputFiles
    const log: string[] = []
    page.on('console', (m) => log.push(`console.${m.type()}: ${m.text()}`))
    page.on('pageerror', (e) => log.push(`pageerror: ${e.message}`))
    return {
      engine: 'Chromium',
      version: browser.version(),
      goto: async (url) => {
        await page.goto(url)
      },
      evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never,
      choose: (files) =>
        page.setInputFiles(
          '#picker',
          files.map((f) => ({ ...f })),
        ),
      click: (selector) => page.click(selector),
      screenshot: () => page.screenshot({ fullPage: true }),
      log,
      close: () => browser.close(),
    }
  },
}

export const firefoxPage: PageEngine = {
  name: 'Firefox',
  status: () => firefoxStatus(),
  launch: async () => {
    const home = isolatedHome('firefox-example')
    const browser = await puppeteer
      .launch({
        browser: 'firefox',
        executablePath: FIREFOX_PATH,
        headless: true,
        acceptInsecureCerts: true,
        timeout: STARTUP_TIMEOUT_MS,
        defaultViewport: { width: 1000, height: 800 },
        extraPrefsFirefox: { ...FIREFOX_PREFS },
        env: { ...home.env, MOZ_CRASHREPORTER_DISABLE: '1' },
      })
      .catch((e: unknown) => {
        home.remove()
        throw e
      })
    const page = await browser.newPage()
    page.setDefaultTimeout(STARTUP_TIMEOUT_MS) // outer bounds for goto and click
    const log: string[] = []
    page.on('console', (m) => log.push(`console.${m.type()}: ${m.text()}`))
    page.on('pageerror', (e) => log.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`))
    return {
      engine: 'Firefox',
      version: await browser.version(),
      goto: async (url) => {
        await page.goto(url)
      },
      evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never,
      choose: (files) =>
        page.evaluate(
          dropInPage,
          files.map((f) => ({ name: f.name, mimeType: f.mimeType, base64: f.buffer.toString('base64') })),
        ),
      click: (selector) => page.click(selector),
      screenshot: async () => Buffer.from(await page.screenshot({ fullPage: true })),
      log,
      close: async () => {
        await browser.close()
        home.remove()
      },
    }
  },
}

/**
 * Polls `probe` in the page until it returns something other than `undefined` (or fails after `timeoutMs`, an
 * outer bound for a stuck page that a slow machine never reaches).
 */
export const waitInPage = async <A, R>(
  driver: PageDriver,
  probe: (arg: A) => R | undefined,
  arg: A,
  what: string,
  timeoutMs = 60_000,
): Promise<R> => {
  const until = Date.now() + timeoutMs
  for (;;) {
    const r = await driver.evaluate(probe, arg)
    if (r !== undefined && r !== null) return r
    if (Date.now() > until)
      throw new Error(
        `${driver.engine}: timed out waiting for ${what}; page log: ${JSON.stringify(driver.log)}`,
      )
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

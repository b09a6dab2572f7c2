// Firefox ESR (Debian's, installed with apt) driven by puppeteer-core over WebDriver BiDi, in a fresh profile
// that puppeteer makes in the temp folder and deletes on close, with HOME in a throw-away folder too (Firefox
// writes `~/.mozilla/…/Crash Reports` whatever the profile). Nothing is ever downloaded.
import puppeteer from 'puppeteer-core'
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

/** Debian's Firefox ESR; `IMAGEKIT_FP_FIREFOX` may name another Firefox binary. */
export const FIREFOX_PATH = process.env['IMAGEKIT_FP_FIREFOX'] ?? '/usr/bin/firefox-esr'

/**
 * Preferences for this closed network, on top of puppeteer's own test profile (which already turns off
 * telemetry, safe browsing, add-on and search updates): no background requests of any kind.
 */
export const FIREFOX_PREFS: Readonly<Record<string, unknown>> = {
  'app.update.enabled': false,
  'app.update.auto': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.trr.mode': 5,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'extensions.blocklist.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
  'browser.ping-centre.telemetry': false,
}

/** Firefox's path when it is installed; otherwise why its tests skip. */
export const firefoxStatus = (executable: string = FIREFOX_PATH): EngineStatus =>
  binaryStatus([[executable, 'firefox-esr']], 'Firefox tests')

export const firefox: Engine = {
  name: 'Firefox',
  status: () => firefoxStatus(),
  launch: async ({ url, acceptInsecureCerts }) => {
    const home = isolatedHome('firefox')
    const browser = await puppeteer
      .launch({
        browser: 'firefox',
        executablePath: FIREFOX_PATH,
        headless: true,
        acceptInsecureCerts,
        timeout: STARTUP_TIMEOUT_MS,
        extraPrefsFirefox: { ...FIREFOX_PREFS },
        env: { ...home.env, MOZ_CRASHREPORTER_DISABLE: '1' },
      })
      .catch((e: unknown) => {
        home.remove()
        throw e
      })
    const close = async () => {
      await browser.close()
      home.remove()
    }
    try {
      const page = await browser.newPage()
      const pageLog: string[] = []
      page.on('console', (m) => pageLog.push(`console.${m.type()}: ${m.text()}`))
      page.on('pageerror', (e) => pageLog.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`))
      page.on('requestfailed', (r) =>
        pageLog.push(`requestfailed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`),
      )
      await page.goto(url, { timeout: STARTUP_TIMEOUT_MS })
      const inPage: InPage = async <A, R>(fn: (api: Api, arg: A) => R | Promise<R>, arg: A) =>
        runnerResult<R>(
          (await page.evaluate(
            `(${PAGE_RUNNER})(${JSON.stringify(fn.toString())}, ${JSON.stringify(toJsonKeepingUndefined(arg))})`,
          )) as string,
        )
      return { version: await browser.version(), inPage, pageLog, close }
    } catch (e) {
      await close()
      throw e
    }
  },
}

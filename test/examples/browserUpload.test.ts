// examples/browser-upload, end to end: the example's own server and page, in headless Chromium and Firefox ESR,
// uploading to the offline stand-in over HTTP/2 + TLS (self-signed; Chromium streams a request body, and so
// reports progress, only over HTTP/2). Each step is what a person does: choose files, watch, cancel, read the
// message. The last step saves a screenshot of the finished page to .tmp/examples/ and checks it is not blank.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startExample, type RunningExample } from '../../examples/browser-upload/server.mjs'
import { startStandIn, type StandIn } from '../../examples/browser-upload/standIn.mjs'
import { repoRoot } from '../browser/support/harness'
import { makeCertificate } from '../support/certificate'
import { chromiumPage, firefoxPage, type PageDriver, type PageFile, waitInPage } from './support/pageDriver'
import { sea, sunset } from './support/png'

const FOLDER = '/imagekit-fp-browser-example/'
const SHOTS = path.join(repoRoot, '.tmp', 'examples')
const cert = makeCertificate()

/** What a person sees in one file's row. */
interface Row {
  readonly state: string | undefined
  readonly status: string | undefined
  /** `null`: no bar; `-1`: an indeterminate bar ("uploading…" without numbers); else the bar's value. */
  readonly bar: number | null
  readonly progressEvents: number
  readonly error: string | undefined
  readonly img?: { src: string; srcset: string; currentSrc: string; loaded: boolean; naturalWidth: number }
}

const readRow = (name: string): Row | undefined => {
  const li = document.querySelector(`li[data-file="${name}"]`) as HTMLElement | null
  if (li === null) return undefined
  const bar = li.querySelector('progress')
  const img = li.querySelector('img')
  return {
    state: li.dataset['state'],
    status: li.querySelector('.status')?.textContent ?? undefined,
    bar: bar === null ? null : bar.position === -1 ? -1 : bar.value,
    progressEvents: Number(li.dataset['progressEvents'] ?? 0),
    error: li.querySelector('.error')?.textContent ?? undefined,
    ...(img === null
      ? {}
      : {
          img: {
            src: img.getAttribute('src') ?? '',
            srcset: img.getAttribute('srcset') ?? '',
            currentSrc: img.currentSrc,
            loaded: img.complete && img.naturalWidth > 0,
            naturalWidth: img.naturalWidth,
          },
        }),
  }
}

const png = (name: string, buffer: Buffer): PageFile => ({ name, mimeType: 'image/png', buffer })

/**
 * Holds the next `count` uploads at the stand-in (bodies received, answers not yet made) until `release()`, so
 * that what the page shows meanwhile is read while it is surely showing it, however slow the machine.
 */
const holdUploads = (standIn: StandIn, count: number) => {
  const imagekit = standIn.imagekit as { handle: StandIn['imagekit']['handle'] }
  const original = imagekit.handle
  let open: () => void = () => undefined
  const released = new Promise<void>((resolve) => (open = resolve))
  let reached: () => void = () => undefined
  const allHeld = new Promise<void>((resolve) => (reached = resolve))
  let held = 0
  imagekit.handle = async (request) => {
    if (held < count && new URL(request.url).pathname.endsWith('/files/upload')) {
      if (++held === count) reached()
      await released
    }
    return original(request)
  }
  return {
    allHeld,
    release: () => {
      imagekit.handle = original
      open()
    },
  }
}

/** Resolves once `done()` holds, checked every 50 ms; rejects after `timeoutMs` (an outer bound for a stuck run). */
const until = async (done: () => boolean, what: string, timeoutMs = 60_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (!done()) {
    if (Date.now() > deadline) throw new Error(what)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe.each([chromiumPage, firefoxPage])('examples/browser-upload in $name', (engine) => {
  const status = engine.status()
  const skip = status.reason ?? cert.reason
  describe.skipIf(skip !== undefined)(`(${skip ?? status.path ?? ''})`, () => {
    let standIn: StandIn | undefined
    let example: RunningExample | undefined
    let driver: PageDriver | undefined
    /** How far back the example server's clock is set (to sign tokens that have already expired). */
    let clockBehindMs = 0
    beforeAll(async () => {
      if (cert.reason !== undefined) throw new Error(cert.reason)
      standIn = await startStandIn({ tls: { key: cert.key, cert: cert.cert }, maxFileSize: 6_000_000 })
      example = await startExample({ imagekit: standIn, now: () => Date.now() - clockBehindMs })
      driver = await engine.launch()
      await driver.goto(`${example.url}/`)
      await waitInPage(driver, () => document.body.dataset['ready'], null, 'the page to start')
    })
    afterAll(async () => {
      await driver?.close()
      await example?.close()
      await standIn?.close()
    })
    const ready = () => {
      if (standIn === undefined || example === undefined || driver === undefined)
        throw new Error('the example did not start')
      return { standIn, example, driver }
    }
    const row = (name: string) => ready().driver.evaluate(readRow, name)
    /** The row once the upload has ended (done, failed or cancelled). */
    const settled = (name: string) =>
      waitInPage(
        ready().driver,
        (n: string) => {
          const li = document.querySelector(`li[data-file="${n}"]`) as HTMLElement | null
          return li !== null && li.dataset['state'] !== 'uploading' ? true : undefined
        },
        name,
        `the upload of ${name} to end`,
      ).then(() => row(name))
    const uploadsSoFar = () => ready().standIn.requests().length

    it('uploads two chosen files, shows their progress (or says "uploading…"), then each image loads from its transformed URL', async () => {
      const { standIn, driver } = ready()
      // Both uploads are held at the stand-in until the page has been read meanwhile.
      const hold = holdUploads(standIn, 2)
      await driver.choose([png('photo-a.png', sunset(1500, 1000)), png('photo-b.png', sea(900, 600))])
      await hold.allHeld
      const during = await row('photo-a.png')
      hold.release()
      expect(during?.state).toBe('uploading')
      if (engine.name === 'Firefox') {
        // Firefox cannot send a streamed body, so it never reports upload progress: an honest indeterminate bar.
        expect(during).toStrictEqual({
          state: 'uploading',
          status: 'uploading…',
          bar: -1,
          progressEvents: 0,
          error: undefined,
        })
      }

      const a = await settled('photo-a.png')
      const b = await settled('photo-b.png')
      const stored = standIn.files()
      const pathOf = (prefix: string) => stored.find((f) => f.filePath.startsWith(FOLDER + prefix))?.filePath
      const [pathA, pathB] = [pathOf('photo-a_'), pathOf('photo-b_')]
      expect([pathA, pathB].every((p) => p !== undefined)).toBe(true)
      if (engine.name === 'Chromium') {
        // Over HTTP/2 Chromium reports progress as the body goes: several events for 4.5 MB, the last at 100 %.
        expect([a?.status, a?.bar, b?.status, b?.bar]).toStrictEqual([
          '100 % · uploaded',
          100,
          '100 % · uploaded',
          100,
        ])
        expect(a?.progressEvents).toBeGreaterThan(1)
        expect(standIn.requests().map((r) => r.httpVersion)).toStrictEqual(['2.0', '2.0'])
      } else {
        expect([a?.status, a?.bar, a?.progressEvents, b?.status, b?.bar]).toStrictEqual([
          'uploaded',
          null,
          0,
          'uploaded',
          null,
        ])
      }

      const ep = standIn.urlEndpoint
      const images = await Promise.all(
        ['photo-a.png', 'photo-b.png'].map((name) =>
          waitInPage(
            driver,
            (n: string) =>
              (document.querySelector(`li[data-file="${n}"] img`) as HTMLImageElement | null)?.complete
                ? true
                : undefined,
            name,
            `the image of ${name}`,
          ).then(() => row(name)),
        ),
      )
      const expected = (p: string | undefined, naturalWidth: number) => ({
        src: `${ep}/tr:ar-3-2,fo-auto:w-440${p}`,
        srcset: `${ep}/tr:ar-3-2,fo-auto:w-640,c-at_max${p} 1x, ${ep}/tr:ar-3-2,fo-auto:w-1080,c-at_max${p} 2x`,
        // A device pixel ratio of 1 picks the 1x candidate.
        currentSrc: `${ep}/tr:ar-3-2,fo-auto:w-640,c-at_max${p}`,
        loaded: true,
        // The stand-in serves the original bytes: it records transformations but does not apply them.
        naturalWidth,
      })
      expect(images.map((r) => r?.img)).toStrictEqual([expected(pathA, 1500), expected(pathB, 900)])
      const delivered = standIn
        .deliveries()
        .map((d) => [d.path, d.transformation, d.status])
        .sort()
      expect(delivered).toStrictEqual(
        [
          [pathA, 'ar-3-2,fo-auto:w-640,c-at_max', 200],
          [pathB, 'ar-3-2,fo-auto:w-640,c-at_max', 200],
        ].sort(),
      )
    }, 120_000)

    it('cancels an upload with its Cancel button', async () => {
      const { standIn, driver } = ready()
      const from = uploadsSoFar()
      standIn.inject({ delayMs: 60_000 })
      await driver.choose([png('slow.png', sea(300, 200))])
      // Cancel once the upload has reached the stand-in (and waits there).
      await until(() => standIn.requests().length > from, 'the upload never reached the stand-in')
      await driver.click('li[data-file="slow.png"] button.cancel')
      expect(await settled('slow.png')).toStrictEqual({
        state: 'cancelled',
        status: 'cancelled',
        bar: null,
        progressEvents: expect.any(Number) as number,
        error: 'Cancelled.You cancelled this upload.',
      })
      await until(
        () => standIn.requests()[from]?.status !== undefined,
        'the stand-in never saw the upload end',
      )
      expect(
        standIn
          .requests()
          .slice(from)
          .map((r) => r.status),
      ).toStrictEqual(['aborted'])
      expect(standIn.files().filter((f) => f.filePath.includes('slow'))).toStrictEqual([])
    }, 120_000)

    it('says the upload token has expired when the server signed it with a clock two hours behind, and sends nothing', async () => {
      const { driver } = ready()
      const from = uploadsSoFar()
      clockBehindMs = 2 * 3600 * 1000
      try {
        await driver.choose([png('old-token.png', sea(200, 100))])
        const r = await settled('old-token.png')
        expect({ ...r, error: undefined }).toStrictEqual({
          state: 'failed',
          status: 'failed',
          bar: null,
          progressEvents: 0,
          error: undefined,
        })
        expect(r?.error).toMatch(
          /^The upload token has expired\.The signature from the server was no longer valid when the upload started \(request\.expire must be in the future \(it is \d+, now is \d+\)\)\. Check the server's clock, then try again\.$/,
        )
      } finally {
        clockBehindMs = 0
      }
      expect(uploadsSoFar()).toBe(from)
    }, 120_000)

    it("says a file is too large when ImageKit refuses it for its size (the stand-in's limit: 6 MB)", async () => {
      const { driver } = ready()
      await driver.choose([png('huge.png', Buffer.alloc(7_000_000, 7))])
      const r = await settled('huge.png')
      expect(r?.state).toBe('failed')
      expect(r?.error).toMatch(
        /^The file is too large \(6\.7 MB\)\.Your ImageKit plan limits the size of one upload \(25 MB for images on the free plan\)\. ImageKit said \(400, request [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\): Your request contains invalid file parameter\. The file size exceeds limits\.$/,
      )
    }, 120_000)

    it('shows the fault the stand-in injects (503) with the request id', async () => {
      const { standIn, driver } = ready()
      standIn.inject({ status: 503 })
      await driver.choose([png('fault.png', sea(200, 100))])
      const r = await settled('fault.png')
      expect(r?.state).toBe('failed')
      expect(r?.error).toMatch(
        /^ImageKit could not take the upload \(503\)\.ImageKit said \(503, request [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\): Injected fault: status 503\.$/,
      )
    }, 120_000)

    it('says the network is down when the connection drops without an answer', async () => {
      const { standIn, driver } = ready()
      standIn.inject({ reset: true })
      await driver.choose([png('offline.png', sea(200, 100))])
      const r = await settled('offline.png')
      expect(r?.state).toBe('failed')
      const failed = `POST ${standIn.uploadBaseUrl}/api/v1/files/upload failed: `
      expect(
        r?.error?.startsWith(
          `Could not reach the upload server: the network is down or the connection was dropped.${failed}`,
        ),
      ).toBe(true)
    }, 120_000)

    it('ends with every row in its final state, and a screenshot of the page that is not blank', async () => {
      const { driver } = ready()
      const states = await driver.evaluate(
        () =>
          Array.from(document.querySelectorAll<HTMLElement>('#uploads li')).map((li) => [
            li.dataset['file'],
            li.dataset['state'],
          ]),
        null,
      )
      expect(states).toStrictEqual([
        ['photo-a.png', 'done'],
        ['photo-b.png', 'done'],
        ['slow.png', 'cancelled'],
        ['old-token.png', 'failed'],
        ['huge.png', 'failed'],
        ['fault.png', 'failed'],
        ['offline.png', 'failed'],
      ])
      const shot = await driver.screenshot()
      fs.mkdirSync(SHOTS, { recursive: true })
      fs.writeFileSync(path.join(SHOTS, `browser-upload-${engine.name.toLowerCase()}.png`), shot)
      // Decoded by the browser itself: size, the spread of brightness and how many colours it has.
      const stats = await driver.evaluate(async (base64: string) => {
        const img = new Image()
        img.src = `data:image/png;base64,${base64}`
        await img.decode()
        const canvas = document.createElement('canvas')
        canvas.width = img.naturalWidth
        canvas.height = img.naturalHeight
        const ctx = canvas.getContext('2d')!
        ctx.drawImage(img, 0, 0)
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
        let sum = 0
        let sumSq = 0
        const colours = new Set<number>()
        for (let i = 0; i < data.length; i += 4) {
          const y = 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!
          sum += y
          sumSq += y * y
          colours.add(((data[i]! >> 3) << 10) | ((data[i + 1]! >> 3) << 5) | (data[i + 2]! >> 3))
        }
        const n = data.length / 4
        return {
          width: canvas.width,
          height: canvas.height,
          stdDev: Math.sqrt(sumSq / n - (sum / n) ** 2),
          colours: colours.size,
        }
      }, shot.toString('base64'))
      expect(stats.width).toBeGreaterThan(900) // 1000 px, less a scroll bar in Firefox
      expect(stats.height).toBeGreaterThan(800)
      // A blank page has a spread of 0 and one colour; this one has two photos and coloured text.
      expect(stats.stdDev).toBeGreaterThan(20)
      expect(stats.colours).toBeGreaterThan(100)
    }, 120_000)
  })
})

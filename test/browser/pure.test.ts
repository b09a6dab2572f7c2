// @imagekit-fp/url and @imagekit-fp/utils, BUILT (packages/*/dist), bundled for the browser and run in
// Debian's Chromium, Firefox ESR and WebKitGTK, compared call by call with the same built packages run in Node.
import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Call } from './support/entry'
import { chromium } from './support/chromium'
import { firefox } from './support/firefox'
import { type Harness, startHarness } from './support/harness'
import { webkit } from './support/webkit'

const E = 'https://ik.imagekit.io/your_imagekit_id/endpoint/'
const D = 'https://ik.imagekit.io/demo'
const right = (a: unknown) => ({ _tag: 'Right', right: a })
const invalid = (path: string, message: string) => ({
  _tag: 'Left',
  left: { _tag: 'ValidationError', path, message },
})
const sha1 = (key: string, msg: string) => createHmac('sha1', key).update(msg).digest('hex')
const sha256 = (key: string, msg: string) => createHmac('sha256', key).update(msg)

for (const engine of [chromium, firefox, webkit]) {
  const status = engine.status()
  describe.skipIf(status.path === undefined)(
    `built packages in ${engine.name}: url and utils (${status.reason ?? status.path ?? ''})`,
    () => {
      let h: Harness | undefined
      beforeAll(async () => {
        h = await startHarness(engine)
      })
      afterAll(async () => {
        await h?.close()
      })

      /** Runs the call in the page and in Node; both must give `expected` exactly. */
      const same = async (c: Call, expected: unknown) => {
        if (h === undefined) throw new Error('the harness did not start')
        const inPage = await h.inPage((ik, x) => ik.call(x), c)
        const inNode = h.node.call(c)
        expect({ inPage, log: h.pageLog }).toStrictEqual({ inPage: expected, log: [] })
        expect(inNode).toStrictEqual(expected)
      }

      describe('url', () => {
        const src = `${E}default-image.jpg`
        it.each([
          [
            'puts the transformation in the path for a path',
            { path: '/default-image.jpg', transformation: [{ height: '300', width: '400' }] },
            `${E}tr:h-300,w-400/default-image.jpg`,
          ],
          [
            'puts the transformation in the query for a src',
            { src, transformation: [{ height: '300', width: '400' }] },
            `${E}default-image.jpg?tr=h-300%2Cw-400`,
          ],
          [
            'form-encodes chained steps in the query position',
            {
              path: '/default-image.jpg',
              transformationPosition: 'query',
              transformation: [{ height: '300', width: '400' }, { rotation: 90 }],
            },
            `${E}default-image.jpg?tr=h-300%2Cw-400%3Art-90`,
          ],
          [
            'maps the classic effect names',
            {
              src,
              transformation: [
                { format: 'jpg', progressive: 'true', effectSharpen: '-', effectContrast: '1' },
              ],
            },
            `${E}default-image.jpg?tr=f-jpg%2Cpr-true%2Ce-sharpen%2Ce-contrast-1`,
          ],
          [
            'encodes a non-ASCII path and a text overlay',
            { path: '/my folder/é.jpg', transformation: [{ overlay: { type: 'text', text: 'Hi there' } }] },
            `${D}/tr:l-text,i-Hi%20there,l-end/my%20folder/%C3%A9.jpg`,
          ],
        ])('buildUrl %s (README example)', async (_, options, expected) => {
          await same(
            { fn: 'buildUrl', args: [{ urlEndpoint: expected.startsWith(E) ? E : D }, options] },
            right(expected),
          )
        })

        it('signUrl signs with @noble/hashes in the page (no process there) exactly as Node does', async () => {
          if (h === undefined) throw new Error('the harness did not start')
          expect(await h.inPage((ik) => ik.runtimeProbe(), null)).toStrictEqual({
            process: 'undefined',
            getBuiltinModule: 'absent',
          })
          expect(h.bundle.inputs.some((f) => f.endsWith('/@noble/hashes/esm/legacy.js'))).toBe(true)
          const key = 'dummy-key'
          const t = 1_600_000_000 + 300
          await same(
            {
              fn: 'signUrl',
              args: [
                { urlEndpoint: 'https://ik.imagekit.io/your_imagekit_id', privateKey: key },
                {
                  path: '/default-image.jpg',
                  queryParameters: { v: '123' },
                  transformation: [{ height: '300', width: '400' }],
                  signed: true,
                  expireSeconds: 300,
                },
              ],
              nowMs: 1_600_000_000_123,
            },
            right(
              `https://ik.imagekit.io/your_imagekit_id/tr:h-300,w-400/default-image.jpg?v=123&ik-t=${t}&ik-s=${sha1(key, `tr:h-300,w-400/default-image.jpg?v=123${t}`)}`,
            ),
          )
          await same(
            {
              fn: 'signUrl',
              args: [
                { urlEndpoint: D, privateKey: key },
                { path: '/sdk-testing-files/future-search.png', expireSeconds: 3600 },
              ],
              nowMs: 1_700_000_000_000,
            },
            right(
              `${D}/sdk-testing-files/future-search.png?ik-t=1700003600&ik-s=02b18bdf67868ccda662ddedda61defd75e97e49`,
            ),
          )
          await same(
            {
              fn: 'signUrl',
              args: [
                { urlEndpoint: D, privateKey: key },
                {
                  path: '/sdk-testing-files/future-search.png',
                  transformation: [{ width: 300, height: 200 }],
                  queryParameters: { version: '2.0' },
                },
              ],
            },
            right(
              `${D}/tr:w-300,h-200/sdk-testing-files/future-search.png?version=2.0&ik-s=dd1ee8f83d019bc59fd57a5fc4674a11eb8a3496`,
            ),
          )
        })

        it('buildTransformationString gives the same strings (chains, flags, overlays, raw)', async () => {
          await same(
            {
              fn: 'buildTransformationString',
              args: [
                [
                  { width: 300, height: 200, aspect_ratio: '4-3', grayscale: true },
                  { overlay: { type: 'text', text: 'Ünïcode & co', encoding: 'base64' } },
                  { defaultImage: '/folder/default.jpg', raw: 'q-80' },
                ],
              ],
            },
            right(
              `w-300,h-200,ar-4-3,e-grayscale:l-text,ie-${encodeURIComponent(Buffer.from('Ünïcode & co').toString('base64'))},l-end:di-folder@@default.jpg,q-80`,
            ),
          )
        })

        it('getResponsiveImageAttributes gives the same src, srcSet and sizes', async () => {
          const u = (w: number) => `${D}/tr:w-${w},c-at_max/a.jpg`
          await same(
            {
              fn: 'getResponsiveImageAttributes',
              args: [{ urlEndpoint: D }, { path: '/a.jpg', width: 400 }],
            },
            right({ src: u(828), srcSet: `${u(640)} 1x, ${u(828)} 2x`, width: 400 }),
          )
          const device = [640, 750, 828, 1080, 1200, 1920, 2048, 3840]
          await same(
            {
              fn: 'getResponsiveImageAttributes',
              args: [{ urlEndpoint: D }, { path: '/a.jpg', sizes: '(min-width: 768px) 50vw, 33vw' }],
            },
            right({
              src: u(3840),
              srcSet: [256, 384, ...device].map((w) => `${u(w)} ${w}w`).join(', '),
              sizes: '(min-width: 768px) 50vw, 33vw',
            }),
          )
        })

        it.each([
          [
            'buildUrl without path or src',
            { fn: 'buildUrl', args: [{ urlEndpoint: D }, {}] },
            invalid('options.path', 'either path or src is required'),
          ],
          [
            'buildUrl with a malformed endpoint',
            { fn: 'buildUrl', args: [{ urlEndpoint: 'not a url' }, { path: '/a.jpg' }] },
            invalid('config.urlEndpoint', 'must be an http(s) URL without credentials or fragment'),
          ],
          [
            'signUrl without a private key',
            { fn: 'signUrl', args: [{ urlEndpoint: D }, { path: '/a.jpg' }] },
            invalid('config.privateKey', 'is required to sign a URL'),
          ],
          [
            'buildTransformationString with nothing to emit',
            { fn: 'buildTransformationString', args: [[{}]] },
            invalid('transformation', 'produces an empty string'),
          ],
        ] as const)('%s is the same ValidationError Left', async (_, c, expected) => {
          await same(c as Call, expected)
        })
      })

      describe('utils', () => {
        it('getAuthenticationParameters matches the official vector with a fixed token, expire and clock', async () => {
          await same(
            {
              fn: 'getAuthenticationParameters',
              args: [{ privateKey: 'private_key_test' }, { token: 'your_token', expire: 1582269249 }],
              nowMs: 1_582_269_000_000,
            },
            right({
              token: 'your_token',
              expire: 1582269249,
              signature: 'e71bcd6031016b060d349d212e23e85c791decdd',
            }),
          )
        })

        it('getAuthenticationParameters draws a UUID v4 token from Web Crypto in the page', async () => {
          if (h === undefined) throw new Error('the harness did not start')
          const r = (await h.inPage((ik, c) => ik.call(c), {
            fn: 'getAuthenticationParameters',
            args: [{ privateKey: 'k' }],
            nowMs: 1_000_000_000_000,
          } as Call)) as { _tag: 'Right'; right: { token: string; expire: number; signature: string } }
          expect(r).toStrictEqual(
            right({
              token: expect.stringMatching(
                /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
              ),
              expire: 1_000_001_800,
              signature: expect.any(String),
            }),
          )
          expect(r.right.signature).toBe(sha1('k', `${r.right.token}1000001800`))
        })

        it('phashDistance gives the same distances and errors', async () => {
          await same({ fn: 'phashDistance', args: ['2d5ad3936d2e015b', '2d6ed293db36a4fb'] }, right(17))
          await same({ fn: 'phashDistance', args: ['f'.repeat(16), '0'.repeat(16)] }, right(64))
          await same(
            { fn: 'phashDistance', args: ['2d5ad3936d2e015b', '2d5ad3936d2e015x'] },
            invalid(
              'b',
              'a pHash must hold only hex digits (0-9, a-f); found a non-hex character at index 15',
            ),
          )
          await same(
            { fn: 'phashDistance', args: ['2d5a', '2d5ad3'] },
            invalid('b', 'the two pHashes must have the same length (a has 4 hex digits, b has 6)'),
          )
        })

        const secret = 'whsec_dGVzdF9zZWNyZXRfMTIzNDU2Nzg5MA=='
        const event = {
          id: 'e-1',
          type: 'file.deleted',
          created_at: '2025-01-01T00:00:00.000Z',
          data: { fileId: 'f1' },
        }
        const body = JSON.stringify(event)
        const nowS = 1_735_689_600

        it('verifyWebhook accepts a Standard Webhooks signature made by node:crypto, and refuses a changed body', async () => {
          const id = 'msg_1'
          const headers = {
            'webhook-id': id,
            'webhook-timestamp': String(nowS),
            'webhook-signature': `v1,${sha256(secret, `${id}.${nowS}.${body}`).digest('base64')}`,
          }
          await same(
            {
              fn: 'verifyWebhook',
              args: [{ webhookSecret: secret }, { body, headers }],
              nowMs: nowS * 1000 + 250,
            },
            right({ id, timestamp: nowS * 1000, event }),
          )
          await same(
            {
              fn: 'verifyWebhook',
              args: [{ webhookSecret: secret }, { body: body.replace('f1', 'f2'), headers }],
              nowMs: nowS * 1000,
            },
            {
              _tag: 'Left',
              left: {
                _tag: 'WebhookError',
                reason: 'InvalidSignature',
                message: 'no signature in the request matches the body and the secret',
              },
            },
          )
        })

        it('verifyWebhook accepts a legacy x-ik-signature made by node:crypto, and refuses a stale one', async () => {
          const tMs = nowS * 1000 + 123
          const headers = {
            'x-ik-signature': `t=${tMs},v1=${sha256(secret, `${tMs}.${body}`).digest('hex')}`,
          }
          await same(
            { fn: 'verifyWebhook', args: [{ webhookSecret: secret }, { body, headers }], nowMs: tMs + 1000 },
            right({ id: event.id, timestamp: tMs, event }),
          )
          await same(
            {
              fn: 'verifyWebhook',
              args: [{ webhookSecret: secret }, { body, headers }],
              nowMs: tMs + 301_000,
            },
            {
              _tag: 'Left',
              left: {
                _tag: 'WebhookError',
                reason: 'TimestampOutOfRange',
                message:
                  'the webhook timestamp is more than 300 s away from now; it may be a replay or the clocks disagree',
              },
            },
          )
        })
      })

      describe('the page bundle', () => {
        it('imports no node: module, is built from dist (not sources) and finds no process.getBuiltinModule', async () => {
          if (h === undefined) throw new Error('the harness did not start')
          const { code, inputs } = h.bundle
          expect(code.match(/\b(?:import|from|require)\s*\(?\s*["']node:[^"']*["']/g)).toBe(null)
          // The only `node:` strings are arguments of a guarded process.getBuiltinModule (the library's HMAC
          // and this suite's probe), which the page does not have.
          const nodeStrings = code.match(/["']node:[a-z_/]+["']/g) ?? []
          expect(nodeStrings.length).toBeGreaterThan(0)
          expect(code.match(/getBuiltinModule\(\s*["']node:[a-z_/]+["']/g)?.length).toBe(nodeStrings.length)
          expect(inputs.filter((f) => /\/packages\/[a-z]+\/src\//.test(f))).toStrictEqual([])
          expect(
            ['utils', 'url', 'upload'].map((p) =>
              inputs.some((f) => f.startsWith(`node_modules/@imagekit-fp/${p}/dist/`)),
            ),
          ).toStrictEqual([true, true, true])
          expect(inputs.filter((f) => f.includes('/dist/node/'))).toStrictEqual([])
          expect(await h.inPage((ik) => ik.runtimeProbe(), null)).toStrictEqual({
            process: 'undefined',
            getBuiltinModule: 'absent',
          })
        })
      })
    },
  )
}

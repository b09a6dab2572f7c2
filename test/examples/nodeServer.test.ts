// examples/node-server: its routes driven over HTTP as a browser and ImageKit would call them, with the stand-in
// as ImageKit. Signatures and tokens are checked here with node:crypto, independently of the SDK that made them;
// webhooks are signed here with node:crypto too. The last block runs the example as its README says (a child
// `node examples/node-server/server.mjs` on the built packages) and its sendWebhook.mjs.
import { spawn, type ChildProcess } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { either } from 'fp-ts'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createImagekitStandIn, type StandIn } from '@imagekit-fp/testing'
import { createImagekitStandIn as createNodeStandIn } from '@imagekit-fp/testing/node'
import { upload, uploadV2 } from '@imagekit-fp/upload'
import {
  OFFLINE_WEBHOOK_SECRET,
  accountFromEnv,
  startServer,
  type RunningServer,
} from '../../examples/node-server/server.mjs'
import { sampleEvent, signWebhook } from '../../examples/node-server/sendWebhook.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0)
const NOW_S = NOW / 1000
const SECRET = 'whsec_test_node_server'
const PRIVATE_KEY = 'private_node_server_example_key'
const PUBLIC_KEY = 'public_node_server_example_key'
const ENDPOINT = 'https://ik.imagekit.io/demo'
const FILE_URL = `${ENDPOINT}/products/shoe.jpg`

/** Every response body and log line seen: none may hold the private key (the last test of the file). */
const seen: string[] = []

interface Reply {
  readonly status: number
  readonly json: unknown
}
const callWithHeaders = async (url: string, init?: RequestInit): Promise<Reply & { headers: Headers }> => {
  const res = await fetch(url, init)
  const text = await res.text()
  seen.push(text)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = text
  }
  return { status: res.status, headers: res.headers, json }
}
/** Status and parsed JSON body, to compare whole. */
const call = async (url: string, init?: RequestInit): Promise<Reply> => {
  const { status, json } = await callWithHeaders(url, init)
  return { status, json }
}

/** A `file.updated` body as ImageKit sends it (its fields as the API reference documents them). */
const fileUpdated = (data: Record<string, unknown> = { url: FILE_URL }) =>
  JSON.stringify({
    id: 'evt_updated_1',
    type: 'file.updated',
    created_at: '2026-01-15T11:59:58.000Z',
    data: {
      fileId: '598821f949c0a938d57563bd',
      type: 'file',
      name: 'shoe.jpg',
      filePath: '/products/shoe.jpg',
      fileType: 'image',
      ...data,
    },
  })

/** Standard Webhooks headers: HMAC-SHA256(secret, `id.seconds.body`), base64. */
const standardHeaders = (body: string, seconds = NOW_S, secret = SECRET, id = 'msg_1') => ({
  'webhook-id': id,
  'webhook-timestamp': String(seconds),
  'webhook-signature': `v1,${createHmac('sha256', secret).update(`${id}.${seconds}.${body}`).digest('base64')}`,
})
/** Legacy headers: x-ik-signature t=<ms>,v1=hex(HMAC-SHA256(secret, `ms.body`)). */
const legacyHeaders = (body: string, ms = NOW, secret = SECRET) => ({
  'x-ik-signature': `t=${ms},v1=${createHmac('sha256', secret).update(`${ms}.${body}`).digest('hex')}`,
})

const post = (url: string, body: BodyInit, headers: Record<string, string> = {}) =>
  call(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

const decodeJwtPart = (part: string): unknown => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))

/** What `upload` returns for the stand-in's first upload after a reset (a file that is not an image). */
const stored = (name: string, filePath: string, size: number) => ({
  _tag: 'UploadResult',
  fileId: '000000000000000000000001',
  name,
  size,
  versionInfo: { id: '000000000000000000000001', name: 'Version 1' },
  filePath,
  url: `${ENDPOINT}${filePath}`,
  fileType: 'non-image',
  tags: null,
  AITags: null,
  isPrivateFile: false,
  isPublished: true,
  customCoordinates: null,
})

/** What the stand-in was asked, without the volatile parts. */
const asked = (standIn: StandIn) =>
  standIn.requests().map((r) => ({
    method: r.method,
    path: r.path,
    operation: r.operation,
    status: r.status,
    ...(r.body === undefined ? {} : { body: r.body }),
  }))

/** The answer to a verified file.updated: the first purge since a reset. */
const purgedReply = (url: string, id = 'evt_updated_1') => ({
  status: 200,
  json: { received: 'file.updated', id, purged: url, purgeRequestId: '000000000000000000000001' },
})

/** The purge requests and status reads one accepted file.updated causes (pendingReads 1: Pending, Completed). */
const onePurge = (url: string) => [
  { method: 'POST', path: '/v1/files/purge', operation: 'purge-cache', status: 201, body: { url } },
  {
    method: 'GET',
    path: '/v1/files/purge/000000000000000000000001',
    operation: 'purge-status',
    status: 200,
  },
  {
    method: 'GET',
    path: '/v1/files/purge/000000000000000000000001',
    operation: 'purge-status',
    status: 200,
  },
]

describe('examples/node-server, with an injected account (the stand-in as ImageKit)', () => {
  const standIn = createImagekitStandIn({
    privateKey: PRIVATE_KEY,
    publicKey: PUBLIC_KEY,
    urlEndpoint: ENDPOINT,
    now: () => NOW,
  })
  let server: RunningServer
  let logs: string[] = []
  beforeAll(async () => {
    server = await startServer({
      imagekit: {
        privateKey: PRIVATE_KEY,
        publicKey: PUBLIC_KEY,
        urlEndpoint: ENDPOINT,
        fetch: standIn.fetch,
      },
      webhookSecret: SECRET,
      now: () => NOW,
      log: (line) => logs.push(line),
      purgePollInterval: 1,
      maxBodyBytes: 64 * 1024,
    })
  })
  afterAll(() => server.close())
  beforeEach(() => {
    standIn.reset()
    logs = []
  })
  afterEach(async () => {
    await server.idle()
    seen.push(...logs)
  })

  describe('GET /auth', () => {
    it('signs one-time parameters that verify with HMAC-SHA1 and upload client-side', async () => {
      const reply = await callWithHeaders(`${server.url}/auth`)
      expect(reply.status).toBe(200)
      expect(reply.headers.get('cache-control')).toBe('no-store')
      const { token, expire, signature, publicKey } = reply.json as Record<string, unknown>
      expect(Object.keys(reply.json as object)).toStrictEqual(['token', 'expire', 'signature', 'publicKey'])
      expect(token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(expire).toBe(NOW_S + 1800)
      expect(publicKey).toBe(PUBLIC_KEY)
      expect(signature).toBe(
        createHmac('sha1', PRIVATE_KEY)
          .update(`${String(token)}${String(expire)}`)
          .digest('hex'),
      )

      const uploaded = await upload(
        { fetch: standIn.fetch, now: () => NOW },
        {
          file: new TextEncoder().encode('hello'),
          fileName: 'hello.txt',
          useUniqueFileName: false,
          publicKey: PUBLIC_KEY,
          token: String(token),
          signature: String(signature),
          expire: Number(expire),
        },
      )()
      expect(uploaded).toStrictEqual(either.right(stored('hello.txt', '/hello.txt', 5)))
      expect(standIn.requests().map((r) => [r.operation, r.status, r.auth])).toStrictEqual([
        ['upload-file', 200, 'client'],
      ])
    })

    it('takes ?expire=, and answers 400 naming it when it is not a time within the hour', async () => {
      const reply = await call(`${server.url}/auth?expire=${NOW_S + 600}`)
      expect(reply.status).toBe(200)
      expect((reply.json as { expire: number }).expire).toBe(NOW_S + 600)

      expect(await call(`${server.url}/auth?expire=soon`)).toStrictEqual({
        status: 400,
        json: { message: 'expire must be a Unix time in seconds, e.g. ?expire=1735693200' },
      })
      expect((await call(`${server.url}/auth?expire=${NOW_S - 1}`)).json).toStrictEqual({
        message: `ValidationError at options.expire: must be in the future (it is ${NOW_S - 1}, now is ${NOW_S})`,
      })
      const late = await call(`${server.url}/auth?expire=${NOW_S + 3601}`)
      expect(late.status).toBe(400)
      expect(late.json).toStrictEqual({
        message: `ValidationError at options.expire: must be at most 3600 s after now (it is ${NOW_S + 3601}, now is ${NOW_S}); ImageKit rejects it`,
      })
      expect(standIn.requests()).toStrictEqual([])
    })
  })

  describe('POST /auth/v2', () => {
    it('mints an HS256 JWT over exactly the posted fields, which the stand-in accepts for an uploadV2', async () => {
      const fields = {
        fileName: 'v2.txt',
        useUniqueFileName: false,
        tags: ['shoe', 'red'],
        folder: '/products',
      }
      const reply = await post(`${server.url}/auth/v2`, JSON.stringify(fields))
      expect(reply.status).toBe(200)
      const { token } = reply.json as { token: string }
      expect(Object.keys(reply.json as object)).toStrictEqual(['token'])
      const [header = '', payload = '', signature = ''] = token.split('.')
      expect(decodeJwtPart(header)).toStrictEqual({ alg: 'HS256', typ: 'JWT', kid: PUBLIC_KEY })
      expect(decodeJwtPart(payload)).toStrictEqual({
        fileName: 'v2.txt',
        useUniqueFileName: 'false',
        tags: 'shoe,red',
        folder: '/products',
        iat: NOW_S,
        exp: NOW_S + 1800,
      })
      expect(signature).toBe(
        createHmac('sha256', PRIVATE_KEY).update(`${header}.${payload}`).digest('base64url'),
      )

      const uploaded = await uploadV2(
        { fetch: standIn.fetch, now: () => NOW },
        { file: new TextEncoder().encode('v2!'), ...fields, token },
      )()
      expect(uploaded).toStrictEqual(
        either.right({ ...stored('v2.txt', '/products/v2.txt', 3), tags: ['shoe', 'red'] }),
      )
      expect(standIn.requests().map((r) => [r.operation, r.status])).toStrictEqual([['upload-file-v2', 200]])
    })

    it('answers 400 with a readable message for a body that is not upload fields', async () => {
      const cases: [string, string][] = [
        ['not json', 'the body must be a JSON object of the upload fields, e.g. {"fileName":"photo.jpg"}'],
        ['["a.jpg"]', 'the body must be a JSON object of the upload fields, e.g. {"fileName":"photo.jpg"}'],
        ['{}', 'ValidationError at options.fileName: is required'],
        [
          '{"fileName":"a.jpg","file":"x"}',
          "ValidationError at options.file: is not signed: leave it out of the token's options",
        ],
        ['{"fileName":"a.jpg","tags":"a"}', 'ValidationError at options.tags: must be an array'],
      ]
      for (const [body, message] of cases)
        expect(await post(`${server.url}/auth/v2`, body)).toStrictEqual({ status: 400, json: { message } })
    })
  })

  describe('POST /webhooks/imagekit', () => {
    it('accepts a Standard-Webhooks-signed file.updated and purges the file URL once', async () => {
      const body = fileUpdated()
      const reply = await post(`${server.url}/webhooks/imagekit`, body, standardHeaders(body))
      expect(reply).toStrictEqual(purgedReply(FILE_URL))
      await server.idle()
      expect(asked(standIn)).toStrictEqual(onePurge(FILE_URL))
      expect(logs).toStrictEqual([
        `webhook evt_updated_1 (file.updated): purge 000000000000000000000001 requested for ${FILE_URL}`,
        `purge 000000000000000000000001 of ${FILE_URL}: Completed`,
      ])
    })

    it('accepts a legacy x-ik-signature file.updated and purges the file URL once', async () => {
      const body = fileUpdated()
      const reply = await post(`${server.url}/webhooks/imagekit`, body, legacyHeaders(body))
      expect(reply.status).toBe(200)
      expect((reply.json as { purged: string }).purged).toBe(FILE_URL)
      await server.idle()
      expect(asked(standIn)).toStrictEqual(onePurge(FILE_URL))
    })

    it('purges urlEndpoint + filePath when the event carries no url', async () => {
      const body = fileUpdated({ url: undefined })
      const reply = await post(`${server.url}/webhooks/imagekit`, body, standardHeaders(body))
      expect(reply.status).toBe(200)
      await server.idle()
      expect(asked(standIn)).toStrictEqual(onePurge(`${ENDPOINT}/products/shoe.jpg`))
    })

    it('purges urlEndpoint + filePath when the url drifted to an unusable value, and logs the drift', async () => {
      const body = fileUpdated({ url: { href: FILE_URL } })
      const reply = await post(`${server.url}/webhooks/imagekit`, body, standardHeaders(body))
      expect(reply).toStrictEqual(purgedReply(`${ENDPOINT}/products/shoe.jpg`))
      await server.idle()
      expect(asked(standIn)).toStrictEqual(onePurge(`${ENDPOINT}/products/shoe.jpg`))
      expect(logs).toStrictEqual([
        `webhook file.updated drift: data.url dropped, got {"href":"${FILE_URL}"}`,
        `webhook evt_updated_1 (file.updated): purge 000000000000000000000001 requested for ${ENDPOINT}/products/shoe.jpg`,
        `purge 000000000000000000000001 of ${ENDPOINT}/products/shoe.jpg: Completed`,
      ])
    })

    it('refuses a wrong, expired, missing or tampered signature with 401, and purges nothing', async () => {
      const body = fileUpdated()
      const url = `${server.url}/webhooks/imagekit`
      const refused = (reason: string, message: string) => ({
        status: 401,
        json: { message: `WebhookError (${reason}): ${message}` },
      })
      const noMatch = refused(
        'InvalidSignature',
        'no signature in the request matches the body and the secret',
      )
      expect(await post(url, body, standardHeaders(body, NOW_S, 'whsec_other'))).toStrictEqual(noMatch)
      expect(await post(url, body, legacyHeaders(body, NOW, 'whsec_other'))).toStrictEqual(noMatch)
      expect(await post(url, body.replace('shoe.jpg', 'sock.jpg'), standardHeaders(body))).toStrictEqual(
        noMatch,
      )
      const late = refused(
        'TimestampOutOfRange',
        'the webhook timestamp is more than 300 s away from now; it may be a replay or the clocks disagree',
      )
      expect(await post(url, body, standardHeaders(body, NOW_S - 301))).toStrictEqual(late)
      expect(await post(url, body, legacyHeaders(body, NOW - 301_000))).toStrictEqual(late)
      const missing = refused(
        'MissingHeader',
        'neither a webhook-signature nor an x-ik-signature header is present',
      )
      expect(await post(url, body)).toStrictEqual(missing)
      await server.idle()
      expect(standIn.requests()).toStrictEqual([])
      expect(logs).toStrictEqual(
        [noMatch, noMatch, noMatch, late, late, missing].map((r) => `webhook refused: ${r.json.message}`),
      )
    })

    it('acknowledges other events (known, unknown, and a file.updated without a usable id) without purging', async () => {
      const url = `${server.url}/webhooks/imagekit`
      const deleted = JSON.stringify({
        id: 'evt_deleted_1',
        type: 'file.deleted',
        created_at: '2026-01-15T11:59:58.000Z',
        data: { fileId: '598821f949c0a938d57563bd' },
      })
      const future = JSON.stringify({
        id: 'evt_new_1',
        type: 'file.teleported',
        created_at: '2026-01-15',
        data: {},
      })
      expect(await post(url, deleted, standardHeaders(deleted))).toStrictEqual({
        status: 200,
        json: { received: 'file.deleted', id: 'evt_deleted_1' },
      })
      expect(await post(url, future, legacyHeaders(future))).toStrictEqual({
        status: 200,
        json: { received: 'file.teleported', id: 'evt_new_1' },
      })
      // A file.updated that cannot be identified (id null) is not purged: it goes to `unknown`.
      const anonymous = JSON.stringify({ ...JSON.parse(fileUpdated()), id: null })
      expect(await post(url, anonymous, standardHeaders(anonymous))).toStrictEqual({
        status: 200,
        json: { received: 'file.updated', id: null },
      })
      await server.idle()
      expect(standIn.requests()).toStrictEqual([])
      expect(logs).toStrictEqual([
        'webhook evt_deleted_1 (file.deleted): acknowledged, nothing to do',
        'webhook file.teleported drift: type unknown-variant, got "file.teleported"',
        'webhook evt_new_1 (file.teleported): a type this SDK does not know; acknowledged, nothing done',
        'webhook null (file.updated): cannot be identified; acknowledged, nothing done',
      ])
    })

    it('answers 502 when the purge fails, so that ImageKit delivers the event again', async () => {
      standIn.inject({
        operation: 'purge-cache',
        status: 400,
        body: { message: 'Purge limit reached.', help: 'h' },
      })
      const body = fileUpdated()
      const reply = await post(`${server.url}/webhooks/imagekit`, body, standardHeaders(body))
      expect(reply).toStrictEqual({
        status: 502,
        json: {
          message: `could not purge ${FILE_URL}: HttpError 400: Purge limit reached. (help: h) [request 00000000-0000-4000-8000-000000000001]`,
        },
      })
      expect(logs).toStrictEqual([
        `webhook evt_updated_1: purge of ${FILE_URL} failed: HttpError 400: Purge limit reached. (help: h) [request 00000000-0000-4000-8000-000000000001]`,
      ])
      expect(standIn.requests().map((r) => [r.operation, r.status])).toStrictEqual([['purge-cache', 400]])
    })

    it('refuses a body over the limit with 413 (declared or streamed) and reads no more of it', async () => {
      const url = `${server.url}/webhooks/imagekit`
      const big = 'x'.repeat(64 * 1024 + 1)
      const message = { message: 'the request body is over the limit of 65536 bytes' }
      expect(await post(url, big, legacyHeaders(big))).toStrictEqual({ status: 413, json: message })
      const chunk = new Uint8Array(16 * 1024)
      let sent = 0
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          sent += chunk.length
          if (sent > 1024 * 1024) controller.close()
          else controller.enqueue(chunk)
        },
      })
      const streamed = await call(url, {
        method: 'POST',
        body: stream,
        duplex: 'half',
      } as RequestInit)
      expect(streamed).toStrictEqual({ status: 413, json: message })
      expect(standIn.requests()).toStrictEqual([])
    })
  })

  describe('routes', () => {
    it('answers 404 for an unknown path and 405 (with Allow) for a wrong method', async () => {
      expect(await call(`${server.url}/webhooks`)).toStrictEqual({
        status: 404,
        json: { message: 'no route /webhooks' },
      })
      const cases: [string, string, string][] = [
        ['/auth', 'POST', 'GET'],
        ['/auth/v2', 'GET', 'POST'],
        ['/webhooks/imagekit', 'GET', 'POST'],
        ['/webhooks/imagekit', 'PUT', 'POST'],
        ['/', 'DELETE', 'GET'],
      ]
      for (const [route, method, allow] of cases) {
        const reply = await callWithHeaders(`${server.url}${route}`, { method })
        expect([reply.status, reply.headers.get('allow'), reply.json]).toStrictEqual([
          405,
          allow,
          { message: `${route} takes ${allow} only` },
        ])
      }
    })

    it('lists its endpoints at GET /', async () => {
      expect(await call(`${server.url}/`)).toStrictEqual({
        status: 200,
        json: {
          endpoints: {
            'GET /auth[?expire=<unix seconds>]': 'one-time parameters for a client-side upload (v1)',
            'POST /auth/v2': 'a one-time JWT for a client-side upload v2; body: the upload fields as JSON',
            'POST /webhooks/imagekit': 'ImageKit webhooks (x-ik-signature or webhook-signature)',
          },
          publicKey: PUBLIC_KEY,
          urlEndpoint: ENDPOINT,
          offline: false,
        },
      })
    })
  })
})

describe('examples/node-server, other set-ups', () => {
  it('without an account starts its own stand-in on loopback and purges there', async () => {
    const logs: string[] = []
    const server = await startServer({ log: (l) => logs.push(l), purgePollInterval: 1 })
    try {
      const standIn = server.standIn!
      const auth = (await call(`${server.url}/auth`)).json as {
        token: string
        expire: number
        signature: string
      }
      expect(auth.signature).toBe(
        createHmac('sha1', standIn.privateKey).update(`${auth.token}${auth.expire}`).digest('hex'),
      )
      const fileUrl = `${standIn.urlEndpoint}/photo.jpg`
      const body = sampleEvent({ type: 'file.updated', fileUrl, now: NOW })
      const reply = await post(
        `${server.url}/webhooks/imagekit`,
        body,
        signWebhook({ secret: OFFLINE_WEBHOOK_SECRET, body }),
      )
      expect(reply).toStrictEqual(purgedReply(fileUrl, `evt_${NOW}`))
      await server.idle()
      expect(asked(standIn)).toStrictEqual(onePurge(fileUrl))
    } finally {
      await server.close()
      seen.push(...logs)
    }
  })

  it('signWebhook (sendWebhook.mjs) signs both formats as ImageKit does', () => {
    const body = fileUpdated()
    expect(signWebhook({ secret: SECRET, body, now: NOW, id: 'msg_1' })).toStrictEqual(standardHeaders(body))
    expect(signWebhook({ secret: SECRET, body, now: NOW, format: 'legacy' })).toStrictEqual(
      legacyHeaders(body),
    )
  })

  it('with an account but no webhook secret answers webhooks 503 and still signs uploads', async () => {
    const standIn = createImagekitStandIn()
    const server = await startServer({
      imagekit: {
        privateKey: PRIVATE_KEY,
        publicKey: PUBLIC_KEY,
        urlEndpoint: ENDPOINT,
        fetch: standIn.fetch,
      },
      log: () => undefined,
    })
    try {
      const body = fileUpdated()
      expect(await post(`${server.url}/webhooks/imagekit`, body, standardHeaders(body))).toStrictEqual({
        status: 503,
        json: { message: 'IMAGEKIT_WEBHOOK_SECRET is not set: webhooks cannot be verified' },
      })
      expect((await call(`${server.url}/auth`)).status).toBe(200)
      expect(server.standIn).toBe(undefined)
      expect(standIn.requests()).toStrictEqual([])
    } finally {
      await server.close()
    }
  })

  it('accountFromEnv: none set is offline, all set is the account, some set names the missing ones', () => {
    expect(accountFromEnv({})).toBe(undefined)
    expect(
      accountFromEnv({
        IMAGEKIT_PRIVATE_KEY: 'k',
        IMAGEKIT_PUBLIC_KEY: 'p',
        IMAGEKIT_URL_ENDPOINT: ENDPOINT,
      }),
    ).toStrictEqual({ privateKey: 'k', publicKey: 'p', urlEndpoint: ENDPOINT })
    expect(accountFromEnv({ IMAGEKIT_PRIVATE_KEY: 'k' })).toBe(
      'set all of IMAGEKIT_PRIVATE_KEY, IMAGEKIT_PUBLIC_KEY, IMAGEKIT_URL_ENDPOINT (missing: IMAGEKIT_PUBLIC_KEY, IMAGEKIT_URL_ENDPOINT), or none to run offline',
    )
  })
})

const built = ['utils', 'media', 'testing'].every((p) =>
  existsSync(path.join(root, 'packages', p, 'dist', 'index.js')),
)

/** Runs a script of the example with exactly these IMAGEKIT_* variables (none inherited). */
const spawnExample = (script: string, args: string[], vars: Record<string, string>) => {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('IMAGEKIT_')) env[k] = v
  const child = spawn(process.execPath, [path.join(root, 'examples', 'node-server', script), ...args], {
    cwd: root,
    env: { ...env, ...vars },
  })
  const out = { stdout: '', stderr: '' }
  child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
  return { child, out, exited }
}

/** Resolves with the server's URL once it has printed its first line. */
const started = (run: ReturnType<typeof spawnExample>) =>
  new Promise<string>((resolve, reject) => {
    const look = () => {
      const m = /^ImageKit node-server example: (http:\/\/127\.0\.0\.1:\d+)\/$/m.exec(run.out.stdout)
      if (m?.[1] !== undefined) resolve(m[1])
    }
    run.child.stdout?.on('data', look)
    void run.exited.then((code) => reject(new Error(`server exited (${code}): ${run.out.stderr}`)))
  })

describe.skipIf(!built)(
  'node examples/node-server/server.mjs (needs the built packages: npm run build)',
  () => {
    let child: ChildProcess | undefined
    afterEach(() => {
      child?.kill('SIGKILL')
      child = undefined
    })

    it('starts offline, prints how to try it, signs, and sendWebhook.mjs gets a purge', async () => {
      const run = spawnExample('server.mjs', [], { PORT: '0' })
      child = run.child
      const url = await started(run)
      const auth = (await call(`${url}/auth`)).json as { token: string; expire: number; signature: string }
      expect(auth.signature).toBe(
        createHmac('sha1', 'private_standin_key').update(`${auth.token}${auth.expire}`).digest('hex'),
      )
      const send = spawnExample('sendWebhook.mjs', [`${url}/webhooks/imagekit`, '--format', 'legacy'], {})
      expect(await send.exited).toBe(0)
      expect(send.out.stdout).toMatch(
        /^200 \{"received":"file\.updated","id":"evt_\d+","purged":"https:\/\/ik\.imagekit\.io\/standin\/photo\.jpg","purgeRequestId":"000000000000000000000001"\}\n$/,
      )
      const wrong = spawnExample(
        'sendWebhook.mjs',
        [`${url}/webhooks/imagekit`, '--secret', 'whsec_wrong'],
        {},
      )
      expect(await wrong.exited).toBe(1)
      expect(wrong.out.stdout).toBe(
        '401 {"message":"WebhookError (InvalidSignature): no signature in the request matches the body and the secret"}\n',
      )
      run.child.kill('SIGTERM')
      expect(await run.exited).toBe(0)
      seen.push(run.out.stdout, run.out.stderr)
      expect(run.out.stderr).toBe('')
      expect(run.out.stdout.split('\n').slice(1, 8)).toStrictEqual([
        'Offline: signing with the stand-in keys; purges go to the stand-in (set IMAGEKIT_* to use your account).',
        'Webhook secret: whsec_node_server_example (a demo value; IMAGEKIT_WEBHOOK_SECRET sets another).',
        'Try:',
        `  curl -s ${url}/auth`,
        `  curl -s ${url}/auth/v2 -H 'content-type: application/json' -d '{"fileName":"photo.jpg"}'`,
        `  node examples/node-server/sendWebhook.mjs ${url}/webhooks/imagekit`,
        expect.stringMatching(
          /^webhook evt_\d+ \(file\.updated\): purge 000000000000000000000001 requested for /,
        ),
      ])
    })

    it('with IMAGEKIT_* set signs for that account and purges through its API', async () => {
      const standIn = createNodeStandIn({
        privateKey: PRIVATE_KEY,
        publicKey: PUBLIC_KEY,
        urlEndpoint: ENDPOINT,
      })
      const api = await standIn.listen()
      try {
        const run = spawnExample('server.mjs', [], {
          PORT: '0',
          IMAGEKIT_PRIVATE_KEY: PRIVATE_KEY,
          IMAGEKIT_PUBLIC_KEY: PUBLIC_KEY,
          IMAGEKIT_URL_ENDPOINT: ENDPOINT,
          IMAGEKIT_API_BASE_URL: api.url,
          IMAGEKIT_WEBHOOK_SECRET: SECRET,
        })
        child = run.child
        const url = await started(run)
        const body = fileUpdated()
        const reply = await post(
          `${url}/webhooks/imagekit`,
          body,
          standardHeaders(body, Math.floor(Date.now() / 1000)),
        )
        expect(reply).toStrictEqual(purgedReply(FILE_URL))
        expect(
          standIn
            .requests()
            .filter((r) => r.operation === 'purge-cache')
            .map((r) => r.body),
        ).toStrictEqual([{ url: FILE_URL }])
        run.child.kill('SIGTERM')
        expect(await run.exited).toBe(0)
        seen.push(run.out.stdout, run.out.stderr)
        expect(run.out.stdout.split('\n')[1]).toBe(`Account: ${ENDPOINT} (public key ${PUBLIC_KEY}).`)
      } finally {
        await api.close()
      }
    })

    it('refuses to start with only some IMAGEKIT_* keys set, naming the missing ones', async () => {
      const run = spawnExample('server.mjs', [], { PORT: '0', IMAGEKIT_PRIVATE_KEY: PRIVATE_KEY })
      expect(await run.exited).toBe(1)
      seen.push(run.out.stdout, run.out.stderr)
      expect(run.out.stderr).toBe(
        'node-server: set all of IMAGEKIT_PRIVATE_KEY, IMAGEKIT_PUBLIC_KEY, IMAGEKIT_URL_ENDPOINT (missing: IMAGEKIT_PUBLIC_KEY, IMAGEKIT_URL_ENDPOINT), or none to run offline\n',
      )
    })
  },
)

describe('examples/node-server keeps the private key to itself', () => {
  it('the private key appears in no response body, log line or printed output', () => {
    expect(seen.length).toBeGreaterThan(40)
    for (const key of [PRIVATE_KEY, 'private_standin_key'])
      expect(seen.filter((s) => s.includes(key))).toStrictEqual([])
  })
})

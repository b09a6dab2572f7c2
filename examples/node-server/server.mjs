// The server side of ImageKit on node:http, no framework:
//
//   GET  /auth                upload parameters for one client-side upload (v1): token, expire, signature
//   POST /auth/v2             a one-time JWT for one client-side upload v2, over the upload fields in the body
//   POST /webhooks/imagekit   a verified ImageKit webhook (both signature formats); file.updated purges the file's
//                             URL from the CDN cache
//
//   node examples/node-server/server.mjs      (after the packages are built; see README.md)
//
// Without IMAGEKIT_* keys it starts offline, in front of the stand-in of @imagekit-fp/testing on loopback. With
// IMAGEKIT_PRIVATE_KEY, IMAGEKIT_PUBLIC_KEY and IMAGEKIT_URL_ENDPOINT it signs for your account and purges there;
// IMAGEKIT_WEBHOOK_SECRET is the endpoint's secret (whsec_…) from the dashboard. PORT picks the port (default 3000).
//
// The private key is used to sign and to call ImageKit's API; it is never written to a response or to the log.
import http from 'node:http'
import { pathToFileURL } from 'node:url'
import { purgeCache, waitForPurge } from '@imagekit-fp/media'
import { createImagekitStandIn } from '@imagekit-fp/testing/node'
import { formatError, getAuthenticationParameters, getUploadToken, verifyWebhook } from '@imagekit-fp/utils'
import { matchWebhookEvent, webhookEventCodecs } from '@imagekit-fp/utils/webhook'

/** The secret the offline server verifies webhooks with (`sendWebhook.mjs` signs with the same one). */
export const OFFLINE_WEBHOOK_SECRET = 'whsec_node_server_example'
/** ImageKit's events are a few kilobytes; a body above this is refused with 413 before it is read whole. */
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

const ROUTES = {
  '/': 'GET',
  '/auth': 'GET',
  '/auth/v2': 'POST',
  '/webhooks/imagekit': 'POST',
}

/** The body, or `undefined` (and a 413 already sent) once it passes `limit` bytes. */
const readBody = (req, res, limit) =>
  new Promise((resolve, reject) => {
    const tooLarge = () => {
      sendJson(
        res,
        413,
        { message: `the request body is over the limit of ${limit} bytes` },
        { connection: 'close' },
      )
      // Stop reading: the rest of an oversized body is never buffered (the socket closes after the answer).
      req.pause()
      res.on('finish', () => req.destroy())
      resolve(undefined)
    }
    if (Number(req.headers['content-length'] ?? 0) > limit) return tooLarge()
    const chunks = []
    let size = 0
    const onData = (chunk) => {
      size += chunk.length
      if (size > limit) {
        req.off('data', onData)
        return tooLarge()
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })

const sendJson = (res, status, body, headers = {}) => {
  if (res.headersSent) return
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers })
  res.end(JSON.stringify(body))
}

/**
 * Starts the server on 127.0.0.1.
 *
 * @param {import('./server.d.mts').StartServerOptions} [options] see server.d.mts.
 * @returns {Promise<import('./server.d.mts').RunningServer>}
 */
export const startServer = async (options = {}) => {
  const log = options.log ?? ((line) => console.log(line))
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const purgePollInterval = options.purgePollInterval ?? 1000

  // Offline: the stand-in, served on a free loopback port, is the ImageKit API the purges go to.
  const standIn = options.imagekit === undefined ? createImagekitStandIn() : undefined
  const standInServer = standIn === undefined ? undefined : await standIn.listen()
  const imagekit = options.imagekit ?? {
    privateKey: standIn.privateKey,
    publicKey: standIn.publicKey,
    urlEndpoint: standIn.urlEndpoint,
    apiBaseUrl: standInServer.url,
  }
  const webhookSecret = options.webhookSecret ?? (standIn === undefined ? undefined : OFFLINE_WEBHOOK_SECRET)
  const clock = options.now === undefined ? {} : { now: options.now }
  const signing = { privateKey: imagekit.privateKey, publicKey: imagekit.publicKey, ...clock }
  const mediaConfig = {
    privateKey: imagekit.privateKey,
    ...(imagekit.apiBaseUrl === undefined ? {} : { apiBaseUrl: imagekit.apiBaseUrl }),
    ...(imagekit.fetch === undefined ? {} : { fetch: imagekit.fetch }),
  }

  // Purges whose completion is still being polled (waitForPurge), so that close() can end them.
  const stopping = new AbortController()
  const pending = new Set()
  const watchPurge = (requestId, url) => {
    const wait = waitForPurge(mediaConfig, {
      requestId,
      interval: purgePollInterval,
      timeout: 120_000,
      signal: stopping.signal,
    })().then((result) => {
      if (result._tag === 'Right') log(`purge ${requestId} of ${url}: ${result.right.status}`)
      else if (!stopping.signal.aborted) log(`purge ${requestId} of ${url}: ${formatError(result.left)}`)
    })
    pending.add(wait)
    void wait.finally(() => pending.delete(wait))
  }

  /** file.updated: the file's old bytes may be cached at the CDN; purge its URL (every transformation of it). */
  const purgeFile = async (event) => {
    const url =
      event.data.url ??
      (event.data.filePath === undefined
        ? undefined
        : `${imagekit.urlEndpoint.replace(/\/$/, '')}${event.data.filePath}`)
    if (url === undefined) return [200, { received: event.type, id: event.id, purged: null }]
    const purge = await purgeCache(mediaConfig, { url })()
    if (purge._tag === 'Left') {
      // A non-2xx answer makes ImageKit deliver the event again later, which retries the purge.
      log(`webhook ${event.id}: purge of ${url} failed: ${formatError(purge.left)}`)
      return [502, { message: `could not purge ${url}: ${formatError(purge.left)}` }]
    }
    log(`webhook ${event.id} (file.updated): purge ${purge.right.requestId} requested for ${url}`)
    watchPurge(purge.right.requestId, url)
    return [200, { received: event.type, id: event.id, purged: url, purgeRequestId: purge.right.requestId }]
  }

  const acknowledge = (event) => {
    log(`webhook ${event.id} (${event.type}): acknowledged, nothing to do`)
    return [200, { received: event.type, id: event.id }]
  }
  const onEvent = matchWebhookEvent(
    {
      'file.updated': purgeFile,
      'file.created': acknowledge,
      'file.deleted': acknowledge,
      'file-version.created': acknowledge,
      'file-version.deleted': acknowledge,
      'upload.pre-transform.success': acknowledge,
      'upload.pre-transform.error': acknowledge,
      'upload.post-transform.success': acknowledge,
      'upload.post-transform.error': acknowledge,
      'video.transformation.accepted': acknowledge,
      'video.transformation.ready': acknowledge,
      'video.transformation.error': acknowledge,
      // A type added after this SDK, or a known type that cannot be identified (no usable id): nothing is done,
      // and the log says which.
      unknown: (event) => {
        const known = Object.prototype.hasOwnProperty.call(webhookEventCodecs, event.type)
        log(
          `webhook ${event.id} (${event.type}): ${known ? 'cannot be identified' : 'a type this SDK does not know'}; acknowledged, nothing done`,
        )
        return [200, { received: event.type, id: event.id }]
      },
    },
    // A known event whose body drifts from its documented shape still reaches its handler (read leniently: a
    // field that cannot be used is left out); each deviation is logged.
    { onDrift: (d) => log(`${d.operation} drift: ${d.path} ${d.kind}, got ${JSON.stringify(d.got)}`) },
  )

  // In a real application, check here who is asking (your session or API key) before signing an upload for them.
  const auth = (url) => {
    const expire = url.searchParams.get('expire')
    if (expire !== null && !/^\d{1,12}$/.test(expire))
      return [400, { message: 'expire must be a Unix time in seconds, e.g. ?expire=1735693200' }]
    const params = getAuthenticationParameters(
      signing,
      expire === null ? undefined : { expire: Number(expire) },
    )
    if (params._tag === 'Left') return [400, { message: formatError(params.left) }]
    return [200, { ...params.right, publicKey: imagekit.publicKey }]
  }

  const authV2 = (body) => {
    let fields
    try {
      fields = JSON.parse(body.toString('utf8'))
    } catch {
      fields = undefined
    }
    if (fields === null || typeof fields !== 'object' || Array.isArray(fields))
      return [
        400,
        { message: 'the body must be a JSON object of the upload fields, e.g. {"fileName":"photo.jpg"}' },
      ]
    const token = getUploadToken(signing, fields)
    if (token._tag === 'Left') return [400, { message: formatError(token.left) }]
    return [200, { token: token.right }]
  }

  const webhook = async (req, body) => {
    if (webhookSecret === undefined)
      return [503, { message: 'IMAGEKIT_WEBHOOK_SECRET is not set: webhooks cannot be verified' }]
    const verified = verifyWebhook({ webhookSecret, ...clock }, { body, headers: req.headers })
    if (verified._tag === 'Left') {
      log(`webhook refused: ${formatError(verified.left)}`)
      return [verified.left._tag === 'WebhookError' ? 401 : 500, { message: formatError(verified.left) }]
    }
    return onEvent(verified.right.event)
  }

  const index = () => [
    200,
    {
      endpoints: {
        'GET /auth[?expire=<unix seconds>]': 'one-time parameters for a client-side upload (v1)',
        'POST /auth/v2': 'a one-time JWT for a client-side upload v2; body: the upload fields as JSON',
        'POST /webhooks/imagekit': 'ImageKit webhooks (x-ik-signature or webhook-signature)',
      },
      publicKey: imagekit.publicKey,
      urlEndpoint: imagekit.urlEndpoint,
      offline: standIn !== undefined,
    },
  ]

  const handle = async (req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
    const method = ROUTES[url.pathname]
    if (method === undefined) {
      req.resume()
      return sendJson(res, 404, { message: `no route ${url.pathname}` })
    }
    if (req.method !== method) {
      req.resume()
      return sendJson(res, 405, { message: `${url.pathname} takes ${method} only` }, { allow: method })
    }
    if (method === 'GET') {
      req.resume()
      const [status, body] = url.pathname === '/auth' ? auth(url) : index()
      return sendJson(res, status, body)
    }
    const body = await readBody(req, res, maxBodyBytes)
    if (body === undefined) return
    const [status, answer] = url.pathname === '/auth/v2' ? authV2(body) : await webhook(req, body)
    sendJson(res, status, answer)
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) => {
      // Only a socket error gets here (the SDK's functions return their errors); the request may be gone.
      log(`request failed: ${e instanceof Error ? e.message : String(e)}`)
      sendJson(res, 500, { message: 'internal error' })
    })
  })
  // A client that sends its request slowly is dropped after 30 s (Node's default is 5 minutes).
  server.requestTimeout = 30_000
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })

  return {
    url: `http://127.0.0.1:${server.address().port}`,
    standIn,
    idle: async () => {
      while (pending.size > 0) await Promise.all([...pending])
    },
    close: async () => {
      stopping.abort()
      await Promise.all([...pending])
      await new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await standInServer?.close()
    },
  }
}

/** The account from IMAGEKIT_* variables, undefined when none is set (offline), or a message naming what is missing. */
export const accountFromEnv = (env) => {
  const names = ['IMAGEKIT_PRIVATE_KEY', 'IMAGEKIT_PUBLIC_KEY', 'IMAGEKIT_URL_ENDPOINT']
  const set = names.filter((n) => env[n])
  if (set.length === 0) return undefined
  if (set.length < names.length)
    return `set all of ${names.join(', ')} (missing: ${names.filter((n) => !env[n]).join(', ')}), or none to run offline`
  return {
    privateKey: env.IMAGEKIT_PRIVATE_KEY,
    publicKey: env.IMAGEKIT_PUBLIC_KEY,
    urlEndpoint: env.IMAGEKIT_URL_ENDPOINT,
    ...(env.IMAGEKIT_API_BASE_URL ? { apiBaseUrl: env.IMAGEKIT_API_BASE_URL } : {}),
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const account = accountFromEnv(process.env)
  if (typeof account === 'string') {
    console.error(`node-server: ${account}`)
    process.exit(1)
  }
  const running = await startServer({
    port: Number(process.env.PORT ?? 3000),
    ...(account === undefined ? {} : { imagekit: account }),
    ...(process.env.IMAGEKIT_WEBHOOK_SECRET ? { webhookSecret: process.env.IMAGEKIT_WEBHOOK_SECRET } : {}),
  })
  const { url } = running
  console.log(`ImageKit node-server example: ${url}/`)
  if (account === undefined) {
    console.log(
      'Offline: signing with the stand-in keys; purges go to the stand-in (set IMAGEKIT_* to use your account).',
    )
    if (!process.env.IMAGEKIT_WEBHOOK_SECRET)
      console.log(
        `Webhook secret: ${OFFLINE_WEBHOOK_SECRET} (a demo value; IMAGEKIT_WEBHOOK_SECRET sets another).`,
      )
  } else {
    console.log(`Account: ${account.urlEndpoint} (public key ${account.publicKey}).`)
    if (!process.env.IMAGEKIT_WEBHOOK_SECRET)
      console.log('IMAGEKIT_WEBHOOK_SECRET is not set: POST /webhooks/imagekit answers 503 until it is.')
  }
  console.log('Try:')
  console.log(`  curl -s ${url}/auth`)
  console.log(`  curl -s ${url}/auth/v2 -H 'content-type: application/json' -d '{"fileName":"photo.jpg"}'`)
  console.log(`  node examples/node-server/sendWebhook.mjs ${url}/webhooks/imagekit`)
  const stop = () => running.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

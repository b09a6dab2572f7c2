// The ONE place where this example meets its offline ImageKit: a thin layer over `createImagekitStandIn()` of
// @imagekit-fp/testing (auth, one-time tokens, expiry, stored bytes, CORS, fault injection), behind a small
// server of its own that forwards every API and upload call to `standIn.handle()` and adds what the page needs
// and the stand-in does not serve:
//   - image delivery: the stored bytes (`standIn.files()`) under `urlEndpoint`, so the page's <img> elements
//     load; transformations are recorded, not applied (there is no image processing here);
//   - ImageKit's "file size exceeds limits" answer above `maxFileSize`;
//   - HTTP/2 over TLS when given a certificate (Chromium streams a request body, and so reports upload
//     progress, only over HTTP/2). `listen()` of @imagekit-fp/testing/node speaks HTTP/1.1 only.
// An upload's body is read whole (to check its size) before the stand-in handles it, so an injected `delayMs`
// holds the answer, not the body.
//
//   const standIn = await startStandIn({ maxFileSize: 5_000_000 })
//   // { uploadBaseUrl, urlEndpoint, privateKey, publicKey, inject, files, requests, deliveries, reset, close }
import { randomUUID } from 'node:crypto'
import http from 'node:http'
import http2 from 'node:http2'
import { createImagekitStandIn } from '@imagekit-fp/testing'

const HELP = 'For support kindly contact us at support@imagekit.io .'
const UPLOAD_PATHS = new Set(['/api/v1/files/upload', '/api/v2/files/upload'])
/** Where the uploaded files are served, under the stand-in's origin. */
const ENDPOINT_PATH = '/ik'
/** ImageKit's free plan limit for images (the OpenAPI spec: 25 MB for images, audio and raw files). */
const FREE_PLAN_LIMIT = 25 * 1024 * 1024
/** CORS on the answers made here (the stand-in's own answers carry its CORS). */
const CORS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'x-request-id' }

const sendJson = (res, status, body) => {
  res.writeHead(status, { ...CORS, 'content-type': 'application/json', 'x-request-id': randomUUID() })
  res.end(JSON.stringify(body))
}

const readBody = (req) =>
  new Promise((resolve, reject) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
    req.on('aborted', () => reject(new Error('aborted')))
  })

/** Drops the connection (HTTP/1.1) or the stream (HTTP/2) without an answer. */
const drop = (req, res) => {
  if (res.stream !== undefined) res.stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR)
  else req.socket.destroy()
}

/** The node request as a `Request` (HTTP/2 pseudo-headers left out), aborted when the client goes away. */
const toRequest = (req, origin, body, signal) => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v)
  }
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method,
    headers,
    signal,
    ...(body === undefined ? {} : { body }),
  })
}

/** Writes the stand-in's outcome: its answer, half of it (an injected truncation), or a dropped connection. */
const answer = async (req, res, outcome) => {
  if (outcome.kind === 'reset') return drop(req, res)
  const { response } = outcome
  const body = Buffer.from(await response.arrayBuffer())
  const headers = Object.fromEntries(response.headers)
  if (!outcome.truncate) {
    res.writeHead(response.status, headers)
    return res.end(body)
  }
  res.writeHead(response.status, { ...headers, 'content-length': String(body.length) })
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => drop(req, res))
}

/**
 * Starts the stand-in on 127.0.0.1 (a free port).
 *
 * @param {{ tls?: { key: Buffer, cert: Buffer }, maxFileSize?: number }} [options] `tls`: serve HTTP/2 (and
 *   HTTP/1.1) over TLS with this certificate; `maxFileSize` in bytes (default 25 MiB, ImageKit's free plan).
 */
export const startStandIn = async (options = {}) => {
  const maxFileSize = options.maxFileSize ?? FREE_PLAN_LIMIT
  const requests = []
  const deliveries = []
  let standIn
  let origin = ''

  const upload = async (req, res, entry) => {
    // The client went away before the answer (an HTTP/2 compat response says 'finish' even for a reset stream).
    const gone = new AbortController()
    let answered = false
    res.on('close', () => {
      if (!answered) gone.abort()
    })
    const body = await readBody(req)
    const contentType = req.headers['content-type'] ?? ''
    const form = await new Response(body, { headers: { 'content-type': contentType } })
      .formData()
      .catch(() => null)
    const file = form?.get('file')
    if (file instanceof Blob && file.size > maxFileSize) {
      answered = true
      entry.status = 400
      return sendJson(res, 400, {
        message: 'Your request contains invalid file parameter. The file size exceeds limits.',
        help: HELP,
      })
    }
    const outcome = await standIn.handle(toRequest(req, origin, body, gone.signal))
    answered = true
    entry.status = outcome.kind === 'reset' ? 'reset' : outcome.response.status
    await answer(req, res, outcome)
  }

  // A delivery URL: `/ik/<path>`, `/ik/tr:<transformation>/<path>` or `/ik/<path>?tr=<transformation>`.
  const deliver = (req, res, url) => {
    req.resume()
    let rest = url.pathname.slice(ENDPOINT_PATH.length)
    let transformation = url.searchParams.get('tr') ?? undefined
    const inPath = /^\/tr:([^/]*)(\/.*)$/.exec(rest)
    if (inPath !== null) {
      transformation = inPath[1]
      rest = inPath[2]
    }
    const filePath = decodeURIComponent(rest)
    const file = standIn.files().find((f) => f.filePath === filePath)
    deliveries.push({ url: url.pathname + url.search, path: rest, transformation, status: file ? 200 : 404 })
    if (file === undefined) return sendJson(res, 404, { message: 'File not found.', help: HELP })
    res.writeHead(200, { ...CORS, 'content-type': file.mime, 'content-length': file.bytes.length })
    res.end(file.bytes)
  }

  const handler = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (req.method === 'GET' && url.pathname.startsWith(`${ENDPOINT_PATH}/`)) return deliver(req, res, url)
    if (req.method === 'POST' && UPLOAD_PATHS.has(url.pathname)) {
      const entry = { method: 'POST', path: url.pathname, httpVersion: req.httpVersion, status: undefined }
      requests.push(entry)
      return upload(req, res, entry).catch(() => {
        // The client went away (while sending, or during an injected delay).
        entry.status ??= 'aborted'
        if (!res.headersSent && !res.destroyed) drop(req, res)
      })
    }
    // Everything else (CORS preflights, the API) is the stand-in's.
    const body = req.method === 'GET' || req.method === 'HEAD' ? Promise.resolve(undefined) : readBody(req)
    body
      .then((b) => standIn.handle(toRequest(req, origin, b, undefined)))
      .then((outcome) => answer(req, res, outcome))
      .catch(() => drop(req, res))
  }

  const server =
    options.tls === undefined
      ? http.createServer(handler)
      : http2.createSecureServer({ ...options.tls, allowHTTP1: true }, handler)
  const sessions = new Set()
  server.on('session', (s) => {
    sessions.add(s)
    s.on('close', () => sessions.delete(s))
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `${options.tls === undefined ? 'http' : 'https'}://127.0.0.1:${server.address().port}`
  const urlEndpoint = `${origin}${ENDPOINT_PATH}`
  standIn = createImagekitStandIn({ urlEndpoint })

  return {
    /** Where the page uploads (`config.uploadBaseUrl`). */
    uploadBaseUrl: origin,
    /** Where uploaded files are served (`config.urlEndpoint`). */
    urlEndpoint,
    privateKey: standIn.privateKey,
    publicKey: standIn.publicKey,
    maxFileSize,
    /** The stand-in itself (`files()`, `requests()`, `addFile`, …). */
    imagekit: standIn,
    /** Arms a fault (@imagekit-fp/testing's `Fault`) for the next upload(s) unless it names another operation. */
    inject: (fault) => standIn.inject({ operation: 'upload-file', ...fault }),
    /** The stored files, in upload order: `{ filePath, size, type }`. */
    files: () => standIn.files().map((f) => ({ filePath: f.filePath, size: f.size, type: f.mime })),
    /** Every upload request: `{ method, path, httpVersion, status }` (`status` undefined while pending). */
    requests: () => requests.map((r) => ({ ...r })),
    /** Every GET under `urlEndpoint`: `{ url, path, transformation, status }`. */
    deliveries: () => deliveries.map((d) => ({ ...d })),
    /** Forgets files, requests, deliveries and faults. */
    reset: () => {
      standIn.reset()
      requests.length = 0
      deliveries.length = 0
    },
    close: async () => {
      for (const s of sessions) s.destroy()
      await new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections?.()
      })
    },
  }
}

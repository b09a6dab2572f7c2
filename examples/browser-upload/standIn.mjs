// The ONE place where this example meets its offline ImageKit. Today that is the sample's upload-only fake
// (sample/fakeImagekitServer.mjs: auth, one-time tokens, expiry, CORS), with a small server in front of it that
// adds what the page needs and the fake does not have:
//   - the uploaded bytes, served back under `urlEndpoint` (the fake only counts them), so the page's <img>
//     elements load; transformations are recorded, not applied (there is no image processing here);
//   - ImageKit's "file size exceeds limits" answer above `maxFileSize`;
//   - fault injection with the `Fault` shape of @imagekit-fp/testing (`status`/`body`, `delayMs`, `reset`,
//     `times`);
//   - HTTP/2 over TLS when given a certificate (Chromium streams a request body, and so reports upload
//     progress, only over HTTP/2).
// When @imagekit-fp/testing lands, this file becomes a thin layer over `createImagekitStandIn()` + `listen()`
// (it stores bytes and injects faults itself); only the image delivery and `maxFileSize` stay here.
//
//   const standIn = await startStandIn({ maxFileSize: 5_000_000 })
//   // { uploadBaseUrl, urlEndpoint, privateKey, publicKey, inject, files, requests, deliveries, reset, close }
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import http2 from 'node:http2'
import { startFakeImagekit } from '../../sample/fakeImagekitServer.mjs'

const HELP = 'For support kindly contact us at support@imagekit.io .'
const UPLOAD_PATH = '/api/v1/files/upload'
/** Where the uploaded files are served, under the stand-in's origin. */
const ENDPOINT_PATH = '/ik'
/** ImageKit's free plan limit for images (the OpenAPI spec: 25 MB for images, audio and raw files). */
const FREE_PLAN_LIMIT = 25 * 1024 * 1024
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-expose-headers': 'x-request-id',
  'access-control-max-age': '600',
}
const TYPES = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
}

const sendJson = (res, status, body) => {
  res.writeHead(status, {
    ...CORS,
    'content-type': 'application/json',
    'x-request-id': randomBytes(8).toString('hex'),
  })
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

/** Resolves after `ms`, or at once (with `false`) when the client goes away first. */
const wait = (ms, res) =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), ms)
    res.on('close', () => {
      clearTimeout(timer)
      resolve(false)
    })
  })

/** Drops the connection (HTTP/1.1) or the stream (HTTP/2) without an answer. */
const drop = (req, res) => {
  if (res.stream !== undefined) res.stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR)
  else req.socket.destroy()
}

/**
 * Starts the stand-in on 127.0.0.1 (a free port).
 *
 * @param {{ tls?: { key: Buffer, cert: Buffer }, maxFileSize?: number }} [options] `tls`: serve HTTP/2 (and
 *   HTTP/1.1) over TLS with this certificate; `maxFileSize` in bytes (default 25 MiB, ImageKit's free plan).
 */
export const startStandIn = async (options = {}) => {
  const maxFileSize = options.maxFileSize ?? FREE_PLAN_LIMIT
  const stored = new Map() // filePath → { bytes, type }
  const requests = []
  const deliveries = []
  let faults = []
  let fake

  const takeFault = () => {
    const hit = faults[0]
    if (hit === undefined) return undefined
    hit.left -= 1
    if (hit.left <= 0) faults = faults.slice(1)
    return hit.fault
  }

  const upload = async (req, res, entry) => {
    const fault = takeFault()
    if (fault !== undefined) entry.fault = fault
    if (fault?.delayMs !== undefined && !(await wait(fault.delayMs, res))) {
      entry.status = 'aborted'
      req.resume()
      return
    }
    const body = await readBody(req)
    if (fault?.reset === true) {
      entry.status = 'reset'
      return drop(req, res)
    }
    if (fault?.status !== undefined) {
      entry.status = fault.status
      return sendJson(
        res,
        fault.status,
        fault.body ?? { message: `Injected fault: status ${fault.status}.`, help: HELP },
      )
    }
    const contentType = req.headers['content-type'] ?? ''
    const form = await new Response(body, { headers: { 'content-type': contentType } })
      .formData()
      .catch(() => null)
    const file = form?.get('file')
    if (file instanceof Blob && file.size > maxFileSize) {
      entry.status = 400
      return sendJson(res, 400, {
        message: 'Your request contains invalid file parameter. The file size exceeds limits.',
        help: HELP,
      })
    }
    const reply = await fetch(`${fake.url}${UPLOAD_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        ...(req.headers.authorization === undefined ? {} : { authorization: req.headers.authorization }),
      },
      body,
    })
    const text = await reply.text()
    entry.status = reply.status
    if (reply.ok && file instanceof Blob) {
      const result = JSON.parse(text)
      const extension = result.name.slice(result.name.lastIndexOf('.') + 1).toLowerCase()
      stored.set(result.filePath, {
        bytes: Buffer.from(await file.arrayBuffer()),
        type: TYPES[extension] ?? 'application/octet-stream',
      })
    }
    res.writeHead(reply.status, {
      ...CORS,
      'content-type': 'application/json',
      'x-request-id': reply.headers.get('x-request-id') ?? '',
    })
    res.end(text)
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
    const file = stored.get(decodeURIComponent(rest))
    deliveries.push({ url: url.pathname + url.search, path: rest, transformation, status: file ? 200 : 404 })
    if (file === undefined) return sendJson(res, 404, { message: 'File not found.', help: HELP })
    res.writeHead(200, { ...CORS, 'content-type': file.type, 'content-length': file.bytes.length })
    res.end(file.bytes)
  }

  const handler = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (req.method === 'OPTIONS') {
      req.resume()
      res.writeHead(204, CORS)
      return res.end()
    }
    if (req.method === 'POST' && url.pathname === UPLOAD_PATH) {
      const entry = { method: 'POST', path: url.pathname, httpVersion: req.httpVersion, status: undefined }
      requests.push(entry)
      return upload(req, res, entry).catch(() => {
        entry.status ??= 'aborted'
        if (!res.headersSent && !res.destroyed) sendJson(res, 400, { message: 'Bad request.', help: HELP })
      })
    }
    if (req.method === 'GET' && url.pathname.startsWith(`${ENDPOINT_PATH}/`)) return deliver(req, res, url)
    req.resume()
    sendJson(res, 404, { message: 'Not found.', help: HELP })
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
  const origin = `${options.tls === undefined ? 'http' : 'https'}://127.0.0.1:${server.address().port}`
  const urlEndpoint = `${origin}${ENDPOINT_PATH}`
  fake = await startFakeImagekit({ urlEndpoint })

  return {
    /** Where the page uploads (`config.uploadBaseUrl`). */
    uploadBaseUrl: origin,
    /** Where uploaded files are served (`config.urlEndpoint`). */
    urlEndpoint,
    privateKey: fake.privateKey,
    publicKey: fake.publicKey,
    maxFileSize,
    /** Arms a fault for the next upload(s): `{ status, body? } | { delayMs } | { reset: true }`, `times` (default 1). */
    inject: (fault) => {
      faults.push({ fault, left: fault.times ?? 1 })
    },
    /** The stored files, in upload order: `{ filePath, size, type }`. */
    files: () => [...stored].map(([filePath, f]) => ({ filePath, size: f.bytes.length, type: f.type })),
    /** Every upload request: `{ method, path, httpVersion, status, fault? }` (`status` undefined while pending). */
    requests: () => requests.map((r) => ({ ...r })),
    /** Every GET under `urlEndpoint`: `{ url, path, transformation, status }`. */
    deliveries: () => deliveries.map((d) => ({ ...d })),
    /** Forgets files, requests, deliveries and faults. */
    reset: () => {
      stored.clear()
      requests.length = 0
      deliveries.length = 0
      faults = []
    },
    close: async () => {
      for (const s of sessions) s.destroy()
      await new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections?.()
      })
      await fake.close()
    },
  }
}

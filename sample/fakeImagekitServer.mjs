// A loopback stand-in for ImageKit's upload API (POST /api/v1/files/upload, and the beta v2
// POST /api/v2/files/upload), for the sample and for demos without an account. Plain JavaScript, node:http only.
//
//   import { startFakeImagekit } from './fakeImagekitServer.mjs'
//   const fake = await startFakeImagekit()   // { url, privateKey, publicKey, urlEndpoint, uploads, close }
//   // upload with { privateKey: fake.privateKey, uploadBaseUrl: fake.url }, then:
//   await fake.close()
//
// It parses the multipart body as it streams in (a large file is counted, never held in memory), checks
// Basic auth (`base64(privateKey + ":")`) or the client-side fields (publicKey, token, expire, signature =
// hex HMAC-SHA1(privateKey, token + expire), token used once, expire in the future and within an hour),
// and for v2 either Basic auth or a `token` JWT (HS256 with the private key, header kid = public key, `exp` in
// the future, every other signed claim equal to the form field of the same name and no unsigned field, used
// once), and answers like ImageKit: 200 with an upload result carrying the file's real size, 400 for a missing
// file or fileName or for both auth modes at once, 401 with ImageKit's error body for bad credentials.
// Like upload.imagekit.io it answers CORS (any origin; `OPTIONS` preflight → 204), so a page on another
// origin can upload to it.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import http from 'node:http'

const HELP = 'For support kindly contact us at support@imagekit.io .'
const IMAGE_EXTENSIONS = new Set([
  'jpg',
  'jpeg',
  'png',
  'gif',
  'webp',
  'avif',
  'svg',
  'bmp',
  'tif',
  'tiff',
  'heic',
  'ico',
])
/** CORS headers sent with every answer; a preflight (`OPTIONS`, any path) is a 204 with only these. */
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-expose-headers': 'x-request-id',
  'access-control-max-age': '600',
}
/** Largest text field kept (a base64 file is counted, not kept). */
const MAX_FIELD = 64 * 1024

const send = (res, status, body) => {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'x-request-id': randomBytes(8).toString('hex'),
  })
  res.end(text)
}

const equal = (a, b) => {
  const x = Buffer.from(String(a))
  const y = Buffer.from(String(b))
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Streams a multipart/form-data body: text fields are collected (up to MAX_FIELD characters), the `file`
 * part is only counted. Resolves `{ fields, file: { size, filename, type } | undefined }`.
 */
const parseMultipart = (req, boundary) =>
  new Promise((resolve, reject) => {
    const delimiter = Buffer.from(`\r\n--${boundary}`)
    const fields = {}
    let file
    // The body starts with `--boundary`; prefixing CRLF makes every delimiter look alike.
    let buffer = Buffer.from('\r\n')
    let state = 'preamble' // preamble → headers → data → (headers | end)
    let part // { name, filename, type, chunks: Buffer[], size }

    const finishPart = () => {
      if (part === undefined) return
      if (part.filename !== undefined || part.name === 'file') {
        const textValue =
          part.filename === undefined ? Buffer.concat(part.chunks).toString('utf8') : undefined
        file = { size: part.size, filename: part.filename, type: part.type, text: textValue }
      } else {
        fields[part.name] = Buffer.concat(part.chunks).toString('utf8')
      }
      part = undefined
    }

    const consume = (final) => {
      for (;;) {
        if (state === 'preamble' || state === 'data') {
          const at = buffer.indexOf(delimiter)
          if (at === -1) {
            // Keep enough bytes to recognise a delimiter split across chunks.
            const keep = final ? 0 : delimiter.length + 4
            const take = Math.max(0, buffer.length - keep)
            if (state === 'data' && take > 0) addData(buffer.subarray(0, take))
            buffer = buffer.subarray(take)
            return
          }
          const after = buffer.subarray(at + delimiter.length)
          if (after.length < 2 && !final) {
            if (state === 'data' && at > 0) addData(buffer.subarray(0, at))
            buffer = buffer.subarray(at)
            return
          }
          if (state === 'data') addData(buffer.subarray(0, at))
          finishPart()
          if (after[0] === 0x2d && after[1] === 0x2d) {
            state = 'end'
            return
          }
          buffer = after.subarray(2) // CRLF after the boundary
          state = 'headers'
        } else if (state === 'headers') {
          const end = buffer.indexOf('\r\n\r\n')
          if (end === -1) return
          const head = buffer.subarray(0, end).toString('utf8')
          buffer = buffer.subarray(end + 4)
          const name = /name="([^"]*)"/i.exec(head)?.[1] ?? ''
          const filename = /filename="([^"]*)"/i.exec(head)?.[1]
          const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]
          part = { name, filename, type, chunks: [], size: 0, kept: 0 }
          state = 'data'
        } else {
          return
        }
      }
    }

    const addData = (chunk) => {
      part.size += chunk.length
      const isFile = part.filename !== undefined
      if (!isFile && part.kept < MAX_FIELD) {
        const slice = chunk.subarray(0, MAX_FIELD - part.kept)
        part.chunks.push(Buffer.from(slice))
        part.kept += slice.length
      }
    }

    req.on('data', (chunk) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk])
      consume(false)
    })
    req.on('end', () => {
      consume(true)
      if (state !== 'end') reject(new Error('truncated multipart body'))
      else resolve({ fields, file })
    })
    req.on('error', reject)
  })

const normaliseFolder = (folder) => {
  const trimmed = String(folder ?? '/')
    .split('/')
    .filter(Boolean)
    .join('/')
  return trimmed === '' ? '/' : `/${trimmed}/`
}

const uniqueName = (name) => {
  const dot = name.lastIndexOf('.')
  const suffix = randomBytes(5).toString('base64url').slice(0, 7)
  return dot > 0 ? `${name.slice(0, dot)}_${suffix}${name.slice(dot)}` : `${name}_${suffix}`
}

/** Size of a text `file` field: decoded base64 (plain or data URL), 0 for a remote URL ImageKit would fetch. */
const textFileSize = (text) => {
  if (/^https?:\/\//i.test(text)) return 0
  const base64 = text.replace(/^data:[^,]*;base64,/i, '').replace(/\s/g, '')
  return Buffer.from(base64, 'base64').length
}

/** RFC 7519 registered claims: part of a v2 token, not upload parameters. */
const REGISTERED_CLAIMS = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti'])

/**
 * Checks an upload v2 `token` as ImageKit documents it; returns the 400 message to answer, or undefined.
 */
const checkUploadToken = (token, fields, privateKey, publicKey, usedTokens) => {
  if (token === undefined || token === '') return 'Your request is missing token parameter.'
  const [header = '', payload = '', signature = ''] = token.split('.')
  const expected = createHmac('sha256', privateKey).update(`${header}.${payload}`).digest('base64url')
  let head
  let claims
  try {
    head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    return 'Your request has invalid token.'
  }
  if (
    token.split('.').length !== 3 ||
    !equal(signature, expected) ||
    head?.alg !== 'HS256' ||
    head?.kid !== publicKey
  )
    return 'Your request has invalid token.'
  if (!Number.isInteger(claims?.exp) || claims.exp <= Math.floor(Date.now() / 1000))
    return 'Your request contains expired token.'
  const signed = Object.keys(claims).filter((k) => !REGISTERED_CLAIMS.has(k))
  const sent = Object.keys(fields).filter((k) => k !== 'token')
  const same =
    signed.length === sent.length &&
    signed.every((k) => fields[k] !== undefined && String(claims[k]) === fields[k])
  if (!same)
    return 'Your request contains invalid payload. It does not match with the payload used to generate token.'
  if (usedTokens.has(token)) return 'The token has been used before. Please use a new token.'
  usedTokens.add(token)
  return undefined
}

/**
 * Starts the fake upload API on 127.0.0.1 (random port).
 *
 * @param {{ privateKey?: string, publicKey?: string, urlEndpoint?: string }} [options]
 * @returns {Promise<{ url: string, privateKey: string, publicKey: string, urlEndpoint: string,
 *   uploads: object[], close: () => Promise<void> }>}
 */
export const startFakeImagekit = async (options = {}) => {
  const privateKey = options.privateKey ?? 'private_fake_key'
  const publicKey = options.publicKey ?? 'public_fake_key'
  const urlEndpoint = (options.urlEndpoint ?? 'https://ik.imagekit.io/fake').replace(/\/+$/, '')
  const usedTokens = new Set()
  const uploads = []

  const server = http.createServer(async (req, res) => {
    // CORS, as upload.imagekit.io answers it, so that a page on another origin can upload here.
    for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value)
    if (req.method === 'OPTIONS') {
      req.resume()
      res.writeHead(204)
      return res.end()
    }
    try {
      const url = new URL(req.url ?? '/', 'http://localhost')
      const v2 = url.pathname === '/api/v2/files/upload'
      if (req.method !== 'POST' || (url.pathname !== '/api/v1/files/upload' && !v2)) {
        req.resume()
        return send(res, 404, { message: 'Not found.', help: HELP })
      }
      const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(req.headers['content-type'] ?? '')
      if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '') || boundary === null) {
        req.resume()
        return send(res, 400, { message: 'Your request is missing file parameter.', help: HELP })
      }
      const { fields, file } = await parseMultipart(req, boundary[1] ?? boundary[2])

      const authorization = req.headers.authorization
      if (v2 && authorization !== undefined && fields.token !== undefined) {
        return send(res, 400, {
          message:
            'Your request contains both token and basic auth parameter. Use only one method, you might be exposing your private API key.',
          help: HELP,
        })
      }
      if (v2 && authorization === undefined) {
        const problem = checkUploadToken(fields.token, fields, privateKey, publicKey, usedTokens)
        if (problem !== undefined) return send(res, 400, { message: problem, help: HELP })
      }
      const clientSide =
        !v2 && (fields.signature !== undefined || fields.token !== undefined || fields.expire !== undefined)
      if (authorization !== undefined && clientSide) {
        return send(res, 400, {
          message:
            'Your request contains both signature and basic auth parameter. Use only one method, you might be exposing your private API key.',
          help: HELP,
        })
      }
      if (authorization !== undefined) {
        const expected = `Basic ${Buffer.from(`${privateKey}:`).toString('base64')}`
        if (!equal(authorization, expected))
          return send(res, 401, { message: 'Your account cannot be authenticated.', help: HELP })
      } else if (!v2) {
        const now = Math.floor(Date.now() / 1000)
        const expire = Number(fields.expire)
        const signature = createHmac('sha1', privateKey)
          .update(`${fields.token ?? ''}${fields.expire ?? ''}`)
          .digest('hex')
        if (fields.publicKey === undefined || !equal(fields.publicKey, publicKey)) {
          return send(res, 401, { message: 'Your account cannot be authenticated.', help: HELP })
        }
        if (!Number.isInteger(expire) || expire <= now || expire > now + 3600) {
          return send(res, 400, {
            message:
              'Your request contains invalid expire parameter. Expire parameter should be a Unix time in less than 1 hour into the future.',
            help: HELP,
          })
        }
        if (fields.signature === undefined || !equal(fields.signature, signature)) {
          return send(res, 401, {
            message: 'Your request contains invalid signature. Please make sure it is generated correctly.',
            help: HELP,
          })
        }
        if (usedTokens.has(fields.token)) {
          return send(res, 400, {
            message: 'The token has been used before. Please use a new token.',
            help: HELP,
          })
        }
        usedTokens.add(fields.token)
      }
      if (file === undefined || (file.text !== undefined && file.text === '')) {
        return send(res, 400, { message: 'Your request is missing file parameter.', help: HELP })
      }
      if (fields.fileName === undefined || fields.fileName === '') {
        return send(res, 400, { message: 'Missing fileName parameter for upload.', help: HELP })
      }

      const safeName = fields.fileName.replace(/[^a-zA-Z0-9.-]/g, '_')
      const name = fields.useUniqueFileName === 'false' ? safeName : uniqueName(safeName)
      const filePath = `${normaliseFolder(fields.folder)}${name}`
      const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : ''
      const isImage = IMAGE_EXTENSIONS.has(extension)
      const fileId = randomBytes(12).toString('hex')
      const result = {
        fileId,
        name,
        size: file.text === undefined ? file.size : textFileSize(file.text),
        versionInfo: { id: fileId, name: 'Version 1' },
        filePath,
        url: `${urlEndpoint}${filePath}`,
        fileType: isImage ? 'image' : 'non-image',
        ...(isImage ? { thumbnailUrl: `${urlEndpoint}/tr:n-ik_ml_thumbnail${filePath}` } : {}),
        tags: fields.tags === undefined || fields.tags === '' ? null : fields.tags.split(','),
        AITags: null,
        isPrivateFile: fields.isPrivateFile === 'true',
        isPublished: fields.isPublished !== 'false',
        customCoordinates: fields.customCoordinates ?? null,
        ...(fields.description === undefined ? {} : { description: fields.description }),
      }
      uploads.push({ fields, file: { size: result.size, filename: file.filename, type: file.type }, result })
      return send(res, 200, result)
    } catch {
      if (!res.headersSent) send(res, 400, { message: 'Your request could not be parsed.', help: HELP })
    }
  })

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}`,
    privateKey,
    publicKey,
    urlEndpoint,
    uploads,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

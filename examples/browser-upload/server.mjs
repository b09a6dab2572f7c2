// The example's server: node:http, no framework. It serves the page (src/main.ts, bundled with esbuild when the
// server starts), tells the page where to upload, and signs one-time upload parameters with
// getAuthenticationParameters. The private key stays here; the browser uploads straight to ImageKit.
//
//   node examples/browser-upload/server.mjs      (after the packages are built; see README.md)
//
// Without IMAGEKIT_* variables it starts the offline stand-in (./standIn.mjs) and uploads go there. With
// IMAGEKIT_PRIVATE_KEY, IMAGEKIT_PUBLIC_KEY and IMAGEKIT_URL_ENDPOINT set, uploads go to your account
// (IMAGEKIT_UPLOAD_BASE_URL, optional, sends them to another upload server). PORT picks the port (default 3000).
//
// The page uploads with API v1 and these one-time parameters. For API v2 a server signs a JWT over the upload's
// fields with `getUploadToken` (@imagekit-fp/utils): examples/node-server has that route (`POST /auth/v2`).
import { readFile } from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { getAuthenticationParameters } from '@imagekit-fp/utils'
import { build } from 'esbuild'
import { startStandIn } from './standIn.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))

/** The page's script: src/main.ts and the built @imagekit-fp packages, bundled for browsers. */
export const bundlePage = async () => {
  const result = await build({
    entryPoints: [path.join(here, 'src', 'main.ts')],
    absWorkingDir: here,
    // The repository's tsconfig maps @imagekit-fp/* to the sources (for tsc); the page uses the built packages.
    tsconfigRaw: {},
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0].text
}

/**
 * Starts the example on 127.0.0.1.
 *
 * @param {{ port?: number, imagekit?: { privateKey: string, publicKey: string, urlEndpoint: string,
 *   uploadBaseUrl?: string }, now?: () => number, maxFileSize?: number }} [options]
 *   `imagekit`: the account (or stand-in) to use; without it the offline stand-in is started (and closed with
 *   the server). `now`: the clock the signatures are made with (a test sets it back to get expired tokens).
 */
export const startExample = async (options = {}) => {
  const standIn =
    options.imagekit === undefined ? await startStandIn({ maxFileSize: options.maxFileSize }) : undefined
  const imagekit = options.imagekit ?? standIn
  const [script, html] = await Promise.all([bundlePage(), readFile(path.join(here, 'index.html'), 'utf8')])
  const pageConfig = JSON.stringify({
    publicKey: imagekit.publicKey,
    urlEndpoint: imagekit.urlEndpoint,
    ...(imagekit.uploadBaseUrl === undefined ? {} : { uploadBaseUrl: imagekit.uploadBaseUrl }),
    // The stand-in (ours, or one a test passes in) is the object that can tell what it delivered.
    target: typeof imagekit.deliveries === 'function' ? 'stand-in' : 'account',
  })
  const authConfig = {
    privateKey: imagekit.privateKey,
    ...(options.now === undefined ? {} : { now: options.now }),
  }

  const send = (res, status, type, body) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
    res.end(body)
  }
  const server = http.createServer((req, res) => {
    req.resume()
    const { pathname } = new URL(req.url ?? '/', 'http://localhost')
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'GET only')
    if (pathname === '/') return send(res, 200, 'text/html; charset=utf-8', html)
    if (pathname === '/app.js') return send(res, 200, 'text/javascript; charset=utf-8', script)
    if (pathname === '/config') return send(res, 200, 'application/json', pageConfig)
    if (pathname === '/auth') {
      // One-time parameters for one upload: the page asks again for every file.
      const auth = getAuthenticationParameters(authConfig)
      return auth._tag === 'Right'
        ? send(res, 200, 'application/json', JSON.stringify(auth.right))
        : send(res, 500, 'application/json', JSON.stringify({ message: auth.left.message }))
    }
    if (pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '')
    send(res, 404, 'text/plain', 'Not found')
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    standIn,
    close: async () => {
      await new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await standIn?.close()
    },
  }
}

/** The account from IMAGEKIT_* variables, or undefined (then the stand-in is used). */
const accountFromEnv = (env) => {
  const { IMAGEKIT_PRIVATE_KEY, IMAGEKIT_PUBLIC_KEY, IMAGEKIT_URL_ENDPOINT, IMAGEKIT_UPLOAD_BASE_URL } = env
  if (!IMAGEKIT_PRIVATE_KEY || !IMAGEKIT_PUBLIC_KEY || !IMAGEKIT_URL_ENDPOINT) return undefined
  return {
    privateKey: IMAGEKIT_PRIVATE_KEY,
    publicKey: IMAGEKIT_PUBLIC_KEY,
    urlEndpoint: IMAGEKIT_URL_ENDPOINT,
    ...(IMAGEKIT_UPLOAD_BASE_URL ? { uploadBaseUrl: IMAGEKIT_UPLOAD_BASE_URL } : {}),
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const account = accountFromEnv(process.env)
  const example = await startExample({
    port: Number(process.env.PORT ?? 3000),
    ...(account === undefined ? {} : { imagekit: account }),
  })
  console.log(`Browser upload example: ${example.url}/`)
  console.log(
    account === undefined
      ? `Uploads go to the offline stand-in at ${example.standIn.uploadBaseUrl} (set IMAGEKIT_* to use your account).`
      : `Uploads go to your ImageKit account (${account.urlEndpoint}).`,
  )
  const stop = () => example.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

// A loopback stand-in for the npm registry's publish endpoint, so that pack-check can run `npm publish` and
// `pnpm publish` for real and keep the tarball each one uploads. It answers `PUT /<name>` (the publish
// document: { versions, _attachments: { '<file>.tgz': { data: base64 } } }) with 201, and every GET with 404
// (nothing is published yet). Nothing leaves 127.0.0.1.
import http from 'node:http'

/** Starts the registry; `published` maps a package name to its uploaded tarball (a Buffer). */
export const startLoopbackRegistry = async () => {
  /** @type {Map<string, Buffer>} */
  const published = new Map()
  const server = http.createServer((req, res) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      const name = decodeURIComponent((req.url ?? '/').slice(1).split('?')[0] ?? '')
      if (req.method !== 'PUT') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}')
        return
      }
      try {
        const doc = JSON.parse(Buffer.concat(chunks).toString('utf8'))
        const [attachment] = Object.values(doc._attachments ?? {})
        published.set(name, Buffer.from(attachment.data, 'base64'))
        res.writeHead(201, { 'content-type': 'application/json' }).end('{"ok":true}')
      } catch (e) {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(e) }))
      }
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
  return {
    url: `http://127.0.0.1:${port}/`,
    published,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

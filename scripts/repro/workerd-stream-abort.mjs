#!/usr/bin/env node
// Reproduces the workerd crash that makes the SDK avoid streamed request bodies in Cloudflare Workers (see
// packages/utils/src/http/internal/body.ts, streamsForProgress). No SDK code: a Worker fetches a loopback server
// with a ReadableStream body and aborts while the body is being sent. With workerd 1.20260730 (miniflare 4) the
// runtime dies with "Fatal uncaught kj::Exception: ... Promise callback destroyed itself" and the dispatch fails
// ("fetch failed"). A workerd that prints "rejected AbortError" has the bug fixed: the SDK could then stream for
// progress in Workers too.
//
// Usage: node scripts/repro/workerd-stream-abort.mjs
import http from 'node:http'
import { Miniflare } from 'miniflare'

const server = http.createServer((req, res) => {
  req.on('data', () => undefined)
  req.on('end', () => res.end('{}'))
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const url = `http://127.0.0.1:${server.address().port}/`

const script = `export default {
  async fetch() {
    const controller = new AbortController()
    let pulls = 0
    const body = new ReadableStream({
      pull(c) {
        pulls++
        if (pulls === 1) return c.enqueue(new Uint8Array(1024))
        controller.abort()
        return new Promise((resolve) => setTimeout(() => { c.enqueue(new Uint8Array(1024)); resolve() }, 50))
      },
    })
    try {
      await fetch(${JSON.stringify(url)}, { method: 'POST', body, signal: controller.signal, duplex: 'half' })
      return new Response('resolved')
    } catch (e) {
      return new Response('rejected ' + e.name)
    }
  },
}`

const mf = new Miniflare({ modules: true, script, compatibilityDate: '2026-07-01' })
try {
  const res = await mf.dispatchFetch('http://localhost/')
  console.log(`workerd answered: ${await res.text()} (no crash)`)
} catch (e) {
  console.log(`workerd crashed: ${e instanceof Error ? e.message : String(e)} (see the kj::Exception above)`)
} finally {
  await mf.dispose().catch(() => undefined)
  server.close()
}

// Sends a signed ImageKit webhook to the server, as ImageKit would: a way to try POST /webhooks/imagekit
// without an account (the offline stand-in never calls webhooks).
//
//   node examples/node-server/sendWebhook.mjs [webhook URL] [--type file.updated] [--format standard|legacy]
//     [--file-url https://ik.imagekit.io/standin/photo.jpg] [--secret whsec_…]
//
// Defaults: http://127.0.0.1:3000/webhooks/imagekit, a file.updated event, the Standard Webhooks headers
// (webhook-id, webhook-timestamp, webhook-signature; `legacy` sends x-ik-signature instead), a file under the
// stand-in's URL endpoint, and IMAGEKIT_WEBHOOK_SECRET or the offline server's secret. Prints the answer.
// The signature is made with node:crypto alone, independently of the SDK that verifies it.
import { createHmac } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { OFFLINE_WEBHOOK_SECRET } from './server.mjs'

/**
 * The headers ImageKit signs a webhook body with: Standard Webhooks (HMAC-SHA256 over `id.seconds.body`, base64)
 * or the legacy `x-ik-signature` (HMAC-SHA256 over `ms.body`, hex). The key is the whole secret, `whsec_` included.
 *
 * @param {{ secret: string, body: string, format?: 'standard' | 'legacy', id?: string, now?: number }} input
 *   `now` in milliseconds (default Date.now()); `id` the delivery id (default `msg_<now>`).
 * @returns {Record<string, string>}
 */
export const signWebhook = ({ secret, body, format = 'standard', id, now = Date.now() }) => {
  const hmac = (message) => createHmac('sha256', secret).update(message)
  if (format === 'legacy') return { 'x-ik-signature': `t=${now},v1=${hmac(`${now}.${body}`).digest('hex')}` }
  const seconds = Math.floor(now / 1000)
  const webhookId = id ?? `msg_${now}`
  return {
    'webhook-id': webhookId,
    'webhook-timestamp': String(seconds),
    'webhook-signature': `v1,${hmac(`${webhookId}.${seconds}.${body}`).digest('base64')}`,
  }
}

/**
 * A sample event of `type`, shaped like ImageKit's (`file.updated` carries the file, with its `url`).
 *
 * @param {{ type: string, fileUrl: string, now?: number }} input
 * @returns {string} the JSON body.
 */
export const sampleEvent = ({ type, fileUrl, now = Date.now() }) => {
  const filePath = new URL(fileUrl).pathname.replace(/^\/[^/]+/, '') || '/'
  const name = filePath.slice(filePath.lastIndexOf('/') + 1)
  const data = type.startsWith('file')
    ? {
        fileId: '598821f949c0a938d57563bd',
        type: 'file',
        name,
        filePath,
        url: fileUrl,
        fileType: 'image',
        tags: ['example'],
      }
    : {}
  return JSON.stringify({ id: `evt_${now}`, type, created_at: new Date(now).toISOString(), data })
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      type: { type: 'string', default: 'file.updated' },
      format: { type: 'string', default: 'standard' },
      'file-url': { type: 'string', default: 'https://ik.imagekit.io/standin/photo.jpg' },
      secret: { type: 'string', default: process.env.IMAGEKIT_WEBHOOK_SECRET || OFFLINE_WEBHOOK_SECRET },
    },
  })
  if (values.format !== 'standard' && values.format !== 'legacy') {
    console.error('sendWebhook: --format is standard or legacy')
    process.exit(1)
  }
  const target = positionals[0] ?? 'http://127.0.0.1:3000/webhooks/imagekit'
  const body = sampleEvent({ type: values.type, fileUrl: values['file-url'] })
  const headers = signWebhook({ secret: values.secret, body, format: values.format })
  try {
    const reply = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    })
    console.log(`${reply.status} ${await reply.text()}`)
    process.exit(reply.ok ? 0 : 1)
  } catch (e) {
    console.error(`sendWebhook: could not reach ${target}: ${e instanceof Error ? e.message : String(e)}`)
    process.exit(1)
  }
}

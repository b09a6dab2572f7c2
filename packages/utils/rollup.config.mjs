import { packageConfig } from '../../rollup.config.mjs'

// Two entries: the light core (errors, HMAC, auth parameters, pHash, webhooks) and the HTTP transport
// (ky + io-ts), so that `@imagekit-fp/url` loads no transport code at import time. The core is built twice:
// portable (browsers, edge: HMAC from @noble/hashes) and for Node (`dist/node/`, export condition `node`:
// HMAC from Node's crypto, which keeps @noble/hashes out of Node's start-up). A third entry, `webhook`, holds the
// webhook event codecs and matchWebhookEvent: they load io-ts, which the core never does. A fourth, `codec`,
// holds the lax/strict codec toolkit and the shapes several packages read (the file object). A fifth, `shared`,
// re-exports the private internal helpers for upload and media (see rollup.config.mjs, `internalFrom`).
export default packageConfig(
  import.meta.dirname,
  {
    index: 'src/index.ts',
    http: 'src/http.ts',
    webhook: 'src/webhook.ts',
    codec: 'src/codec.ts',
    shared: 'src/shared.ts',
  },
  { nodeBuild: { index: 'src/index.ts' } },
)

import { packageConfig } from '../../rollup.config.mjs'

// Two entries: the light core (errors, HMAC, auth parameters, pHash, webhooks) and the HTTP transport
// (ky + io-ts), so that `@imagekit-fp/url` loads no transport code at import time.
export default packageConfig(import.meta.dirname, { index: 'src/index.ts', http: 'src/http.ts' })

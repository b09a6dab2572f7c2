import { fail } from './fail'

/**
 * Every key of every package's config (url, signing, transport, upload, media, tokens, webhooks): one config
 * value may be shared by all the functions, so each one accepts them all and refuses any other.
 */
export const CONFIG_KEYS = [
  'urlEndpoint',
  'transformationPosition',
  'privateKey',
  'publicKey',
  'apiBaseUrl',
  'uploadBaseUrl',
  'timeout',
  'retry',
  'retryUploads',
  'fetch',
  'now',
  'strictResponses',
  'onDrift',
  'maxResponseBytes',
  'webhookSecret',
  'toleranceSeconds',
] as const

/**
 * Fails at `config.<key>` for the first of a config's `keys` that no config has, naming the key it was probably
 * meant to be: the one it equals but for case, `_` and `-` (`private_key`, `apiBaseURL`), or `apiBaseUrl` for
 * `baseURL` (@imagekit/nodejs 7's name, which must not leave a call pointed at production). No guessing past
 * that (an edit distance would cost every bundle more than the list itself).
 */
export const knownConfigKeys = (keys: readonly string[]): void => {
  for (const key of keys) {
    const loose = key.replace(/[-_]/g, '').toLowerCase()
    const hint =
      loose === 'baseurl' ? 'apiBaseUrl' : CONFIG_KEYS.find((known) => known.toLowerCase() === loose)
    if (hint !== key) fail(`config.${key}`, 'is not a known key' + (hint ? ` (did you mean ${hint}?)` : ''))
  }
}

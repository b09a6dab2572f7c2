// Account settings from the environment (never from flags, never printed).

/** The environment variables the command reads. */
export const ENV = {
  privateKey: 'IMAGEKIT_PRIVATE_KEY',
  publicKey: 'IMAGEKIT_PUBLIC_KEY',
  urlEndpoint: 'IMAGEKIT_URL_ENDPOINT',
  apiBaseUrl: 'IMAGEKIT_API_BASE_URL',
  uploadBaseUrl: 'IMAGEKIT_UPLOAD_BASE_URL',
} as const

/** What one run talks to: read from the environment, or from the in-process stand-in. */
export type Settings = Partial<Record<keyof typeof ENV, string>>

/** The settings the environment holds (empty values count as unset). */
export const settingsFromEnv = (env: Readonly<Record<string, string | undefined>>): Settings =>
  Object.fromEntries(
    Object.entries(ENV).flatMap(([k, name]) => {
      const v = env[name]
      return v === undefined || v === '' ? [] : [[k, v]]
    }),
  ) as Settings

/** Thrown inside the command and turned into exit code 2 with its message (never a key's value). */
export class UsageError extends Error {}

/** The setting `k`, or a usage error naming its environment variable. */
export const need = (s: Settings, k: keyof typeof ENV, why: string): string => {
  const v = s[k]
  if (v === undefined)
    throw new UsageError(`${ENV[k]} is not set (${why}; keys are read from the environment only)`)
  return v
}

/** `apiBaseUrl`/`uploadBaseUrl` when set, for config objects (absent keys stay absent). */
export const hosts = (s: Settings): { apiBaseUrl?: string; uploadBaseUrl?: string } => ({
  ...(s.apiBaseUrl === undefined ? {} : { apiBaseUrl: s.apiBaseUrl }),
  ...(s.uploadBaseUrl === undefined ? {} : { uploadBaseUrl: s.uploadBaseUrl }),
})

// `--stand-in`: an in-process offline ImageKit (from @imagekit-fp/testing) served on loopback, seeded with a few
// files, so that every command can be tried without an account.
import type { Settings } from './settings'

/** The files a fresh stand-in holds, so that `ls`, `tag` and `rm` have something to show. */
const SEED = [
  { fileName: 'cat.jpg', folder: '/demo', tags: ['animal', 'cat'] },
  { fileName: 'dog.jpg', folder: '/demo', tags: ['animal', 'dog'] },
  { fileName: 'notes.txt', folder: '/demo' },
  { fileName: 'shoe.png', folder: '/products', tags: ['sale'] },
  { fileName: 'hat.png', folder: '/products' },
] as const

/** A running stand-in: the settings that point at it, and `close`. */
export interface RunningStandIn {
  readonly settings: Settings
  readonly close: () => Promise<void>
}

/** Starts a seeded stand-in on 127.0.0.1 (loaded only when asked for: the command does not need it otherwise). */
export const startStandIn = async (): Promise<RunningStandIn> => {
  const { createImagekitStandIn } = await import('@imagekit-fp/testing/node')
  const standIn = createImagekitStandIn()
  const bytes = new TextEncoder().encode('stand-in file\n')
  for (const f of SEED) standIn.addFile({ ...f, bytes })
  const server = await standIn.listen()
  return {
    settings: {
      privateKey: standIn.privateKey,
      publicKey: standIn.publicKey,
      urlEndpoint: standIn.urlEndpoint,
      apiBaseUrl: server.url,
      uploadBaseUrl: server.url,
    },
    close: server.close,
  }
}

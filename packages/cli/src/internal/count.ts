// The size of the job before it starts, for the bar's total and ETA: the engine reads its input lazily (a few
// files ahead of the uploads), so it learns the total only at the end. One extra walk, streamed, counts it.
import { opendir, stat } from 'node:fs/promises'
import path from 'node:path'

/** Files and bytes under the given paths (regular files; folders walked; links not followed). */
export interface Counted {
  readonly files: number
  readonly bytes: number
}

const walk = async (
  dir: string,
  into: { files: number; bytes: number },
  signal?: AbortSignal,
): Promise<void> => {
  for await (const entry of await opendir(dir)) {
    if (signal?.aborted === true) return
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) await walk(full, into, signal)
    else if (entry.isFile()) {
      into.files += 1
      into.bytes += (await stat(full)).size
    }
  }
}

/** Counts what `paths` hold; `undefined` when any of them cannot be read (the upload then says why). */
export const countFiles = async (
  paths: readonly string[],
  signal?: AbortSignal,
): Promise<Counted | undefined> => {
  const into = { files: 0, bytes: 0 }
  try {
    for (const p of paths) {
      const s = await stat(p)
      if (s.isDirectory()) await walk(p, into, signal)
      else {
        into.files += 1
        into.bytes += s.size
      }
    }
    return into
  } catch {
    return undefined
  }
}

// The size of the job, for the bar's total and ETA: the engine reads its input lazily (a few files ahead of the
// uploads), so it learns the total only at the end. One extra streamed walk, run alongside the upload, counts it
// by uploadDirectory's rules, so that the total is the number of outcomes the upload reports.
import { opendir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'

/** Files and bytes under the given paths, as the upload will report them. */
export interface Counted {
  readonly files: number
  readonly bytes: number
}

interface Walk {
  /** The resolved folder given (links to files inside it count; links leaving it are one refused file). */
  readonly root: string
  /** The manifest's resolved path: never uploaded, so not counted. */
  readonly manifest: string
  readonly into: { files: number; bytes: number }
  readonly signal?: AbortSignal | undefined
}

const inside = (root: string, real: string): boolean =>
  real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep)

/**
 * Counts a file or a symbolic link as the upload reports it: a regular file (a link's target inside the root) with
 * its size, a link that leaves the root or cannot be followed as one failure, a link to a folder not at all.
 */
const countEntry = async (w: Walk, full: string, link: boolean): Promise<void> => {
  let real = full
  try {
    if (link) real = await realpath(full)
    if (link && !inside(w.root, real)) {
      w.into.files += 1
      return
    }
    const info = await stat(real)
    if (!info.isFile()) return
    w.into.files += 1
    w.into.bytes += info.size
  } catch {
    w.into.files += 1
  }
}

/** Regular files and links to files below `dir` (links to folders are not followed; other entries are skipped). */
const walk = async (w: Walk, dir: string): Promise<void> => {
  for await (const entry of await opendir(dir)) {
    if (w.signal?.aborted === true) return
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) await walk(w, full)
    else if ((entry.isFile() || entry.isSymbolicLink()) && full !== w.manifest)
      await countEntry(w, full, entry.isSymbolicLink())
  }
}

/**
 * Counts what `paths` hold, by the upload's rules (a folder as uploadDirectory walks it, `manifest` left out; a
 * file as it is); `undefined` when any of them cannot be read (the upload then says why).
 */
export const countFiles = async (
  paths: readonly string[],
  manifest: string,
  signal?: AbortSignal,
): Promise<Counted | undefined> => {
  const into = { files: 0, bytes: 0 }
  try {
    const self = path.join(await realpath(path.dirname(manifest)), path.basename(manifest))
    for (const p of paths) {
      const s = await stat(p)
      if (s.isDirectory()) {
        const root = await realpath(p)
        await walk({ root, manifest: self, into, signal }, root)
      } else {
        into.files += 1
        into.bytes += s.size
      }
    }
    return into
  } catch {
    return undefined
  }
}

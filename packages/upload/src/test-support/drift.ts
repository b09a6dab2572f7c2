// Test helpers for replies that drift from ImageKit's documented contract: one drift as a table row, the drift
// reports `onDrift` hears, and the exact DecodeError an upload gives for a 2xx reply it cannot read.
import type * as t from 'io-ts'
import type { DecodeError } from '@imagekit-fp/utils'
import type { Drift, DriftKind } from '@imagekit-fp/utils/codec'

/**
 * One finding as a table row: where, what kind, what the contract allows, what came, and how the message shows
 * what came (`"300"`, `null`, `undefined`).
 */
export type Found = readonly [path: string, kind: DriftKind, expected: string, got: unknown, shown: string]

/** What `onDrift` hears of `found` for `operation` (with `requestId` when the reply carried one). */
export const drifts = (operation: string, found: readonly Found[], requestId?: string): readonly Drift[] =>
  found.map(([path, kind, expected, got]) => ({
    operation,
    path,
    kind,
    expected,
    got,
    ...(requestId === undefined ? {} : { requestId }),
  }))

/** An `onDrift` that keeps what it hears. */
export const listen = (): { readonly onDrift: (d: Drift) => void; readonly heard: Drift[] } => {
  const heard: Drift[] = []
  return { onDrift: (d) => heard.push(d), heard }
}

/** How an upload's DecodeError message starts: the file is stored (and its `fileId`, when the body has one). */
export const stored = (fileId?: string): string =>
  `ImageKit stored the file${fileId === undefined ? '' : ` as fileId ${fileId}`}, but its reply could not be ` +
  'read (do not upload it again; look it up with getFileDetails or listFiles): '

/** A drift the strict reading refuses: its message part (`expected number, got "300" (coerced)`). */
const driftText = ([, kind, expected, , shown]: Found): string =>
  `expected ${expected}, got ${shown} (${kind})`

/** A fault (missing identity) in a message. */
export const faultText = (expected: string, shown: string): string =>
  `expected ${expected}, got ${shown}: the object cannot be identified without it`

/** A finding as io-ts errors under the root context of `codec` reading `body`: `[path, got, message]`. */
export const errorsOf = (
  codec: unknown,
  body: unknown,
  rows: readonly (readonly [path: string, got: unknown, text: string])[],
): t.Errors =>
  rows.map(([path, got, text]) => ({
    value: got,
    context: [
      { key: '', type: codec as t.Decoder<unknown, unknown>, actual: body },
      { key: path === '(root)' ? '' : path, type: codec as t.Decoder<unknown, unknown>, actual: got },
    ],
    message: text,
  }))

/**
 * The exact DecodeError of an upload whose 2xx `body` was read by `codec` (named `name`) at `url`: every drift
 * when `strict`, else the faults (`[path, got, message]` of each unusable identity).
 */
export const uploadDecodeError = ({
  codec,
  name = (codec as { readonly name: string }).name,
  url,
  body,
  fileId,
  found,
  strict,
}: {
  readonly codec: unknown
  readonly name?: string
  readonly url: string
  readonly body: unknown
  readonly fileId?: string
  readonly found: readonly (Found | readonly [path: string, got: unknown, text: string])[]
  readonly strict: boolean
}): DecodeError => {
  const rows = found.map((f) =>
    f.length === 5 ? ([f[0], f[3], driftText(f)] as const) : ([f[0], f[1], f[2]] as const),
  )
  return {
    _tag: 'DecodeError',
    errors: errorsOf(codec, body, rows),
    message:
      stored(fileId) +
      `the response to POST ${url} does not match ${name}${strict ? ' (strictResponses)' : ''}: ` +
      rows.map(([path, , text]) => `${path}: ${text}`).join('; '),
    body,
  }
}

// Types of ./standIn.mjs (plain JavaScript, run by Node as is).
import type { Fault, StandIn as ImagekitStandIn } from '@imagekit-fp/testing'

/** A fault for the next upload(s): @imagekit-fp/testing's own (`operation` defaults to `upload-file`). */
export type { Fault }

export interface StandInUploadRequest {
  readonly method: string
  readonly path: string
  readonly httpVersion: string
  /** The status answered, `'reset'`, `'aborted'` (the client went away), or undefined while pending. */
  readonly status: number | 'reset' | 'aborted' | undefined
}

export interface StandInDelivery {
  /** Path and query as requested. */
  readonly url: string
  /** The file's path (after the endpoint and any `tr:` segment). */
  readonly path: string
  readonly transformation: string | undefined
  readonly status: number
}

export interface StandIn {
  readonly uploadBaseUrl: string
  readonly urlEndpoint: string
  readonly privateKey: string
  readonly publicKey: string
  readonly maxFileSize: number
  /** The stand-in of @imagekit-fp/testing behind this server. */
  readonly imagekit: ImagekitStandIn
  readonly inject: (fault: Fault) => void
  readonly files: () => readonly { readonly filePath: string; readonly size: number; readonly type: string }[]
  readonly requests: () => readonly StandInUploadRequest[]
  readonly deliveries: () => readonly StandInDelivery[]
  readonly reset: () => void
  readonly close: () => Promise<void>
}

export declare const startStandIn: (options?: {
  readonly tls?: { readonly key: Buffer; readonly cert: Buffer }
  readonly maxFileSize?: number
}) => Promise<StandIn>

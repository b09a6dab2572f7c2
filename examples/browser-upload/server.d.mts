// Types of ./server.mjs (plain JavaScript, run by Node as is).
import type { StandIn } from './standIn.mjs'

export interface ExampleAccount {
  readonly privateKey: string
  readonly publicKey: string
  readonly urlEndpoint: string
  readonly uploadBaseUrl?: string
}

export interface RunningExample {
  /** `http://127.0.0.1:<port>`; the page is at `${url}/`. */
  readonly url: string
  /** The stand-in the example started itself (when no `imagekit` was given). */
  readonly standIn: StandIn | undefined
  readonly close: () => Promise<void>
}

export declare const bundlePage: () => Promise<string>

export declare const startExample: (options?: {
  readonly port?: number
  readonly imagekit?: ExampleAccount | StandIn
  readonly now?: () => number
  readonly maxFileSize?: number
}) => Promise<RunningExample>

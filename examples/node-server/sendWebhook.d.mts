// Types of ./sendWebhook.mjs (plain JavaScript, run by Node as is).

export declare const signWebhook: (input: {
  readonly secret: string
  readonly body: string
  readonly format?: 'standard' | 'legacy'
  readonly id?: string
  /** Milliseconds since the Unix epoch. @default Date.now() */
  readonly now?: number
}) => Record<string, string>

export declare const sampleEvent: (input: {
  readonly type: string
  readonly fileUrl: string
  readonly now?: number
}) => string

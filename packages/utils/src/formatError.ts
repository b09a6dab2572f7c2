import type { SdkError, TaggedError } from './errors'

/** One line: runs of whitespace (a multi-line message from a proxy's HTML page, say) become one space. */
const oneLine = (s: unknown): string => String(s).replace(/\s+/g, ' ').trim()

/**
 * Renders any error of the union as one readable line, for logs and messages to people:
 * `ValidationError at <path>: <message>`; `HttpError <status>: <message> (help: <help>) [request <requestId>]`
 * (`help` and `requestId` only when ImageKit sent them); `NetworkError (<reason>): <message>`;
 * `DecodeError: <message>`; `WebhookError (<reason>): <message>`; any other tagged error (a step of your own in
 * a pipeline, an `UploadAccepted`) `<tag>: <message>`. Nothing else of the error is printed (no body, no
 * `cause`), so the line holds nothing the error's own message does not.
 *
 * @param error - an error from any `@imagekit-fp` function (`SdkError` or any narrower union), or any other
 *   {@link TaggedError}, so that the end of a pipeline that mixes packages and steps of your own type-checks.
 * @returns the line, without a trailing newline. Never throws: a value with an unknown `_tag` (from JavaScript)
 *   gives `<tag>: <message>`.
 * @example
 * import { formatError, validationError } from '@imagekit-fp/utils'
 * formatError(validationError('options.fileName', 'fileName is required'))
 * // 'ValidationError at options.fileName: fileName is required'
 * @since 0.1.0
 * @category errors
 */
export const formatError = (error: SdkError | TaggedError): string => {
  const e = error as SdkError
  switch (e._tag) {
    case 'ValidationError':
      return `ValidationError at ${oneLine(e.path)}: ${oneLine(e.message)}`
    case 'HttpError':
      return (
        `HttpError ${e.status}: ${oneLine(e.message)}` +
        (e.help === undefined || e.help === '' ? '' : ` (help: ${oneLine(e.help)})`) +
        (e.requestId === undefined || e.requestId === '' ? '' : ` [request ${oneLine(e.requestId)}]`)
      )
    case 'NetworkError':
      return `NetworkError (${e.reason}): ${oneLine(e.message)}`
    case 'DecodeError':
      return `DecodeError: ${oneLine(e.message)}`
    case 'WebhookError':
      return `WebhookError (${e.reason}): ${oneLine(e.message)}`
    default: {
      const other = e as { readonly _tag?: unknown; readonly message?: unknown }
      return `${oneLine(other._tag)}: ${oneLine(other.message)}`
    }
  }
}

// What the page tells a person about a failed upload: a headline in the person's terms (the token expired, the
// file is too large, the network is down, cancelled) and the detail. `formatError` (@imagekit-fp/utils) gives
// the one-line technical message of any error, the same for every caller; this function chooses what a person
// can act on, so it stays the page's own. It is the only place of the page that reads an error's fields.
import { matchError } from '@imagekit-fp/utils'
import type { UploadError } from '@imagekit-fp/upload'

/** What the page shows for a failed upload: a headline, the detail, and whether the person cancelled it. */
export interface ErrorView {
  readonly title: string
  readonly detail: string
  readonly cancelled: boolean
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** The readable message for an upload's `Left`. `size` is the file's size in bytes. */
export const describeError = (error: UploadError, size: number): ErrorView =>
  matchError<UploadError, ErrorView>({
    ValidationError: (e) =>
      e.path === 'request.expire'
        ? {
            title: 'The upload token has expired.',
            detail: `The signature from the server was no longer valid when the upload started (${e.path} ${e.message}). Check the server's clock, then try again.`,
            cancelled: false,
          }
        : { title: 'The upload was not sent.', detail: `${e.path} ${e.message}`, cancelled: false },
    HttpError: (e) => {
      const imagekitSaid = `ImageKit said (${e.status}${e.requestId === undefined ? '' : `, request ${e.requestId}`}): ${e.message}`
      if (/expire/i.test(e.message))
        return { title: 'The upload token has expired.', detail: imagekitSaid, cancelled: false }
      if (e.status === 413 || /size exceeds/i.test(e.message))
        return {
          title: `The file is too large (${mib(size)}).`,
          detail: `Your ImageKit plan limits the size of one upload (25 MB for images on the free plan). ${imagekitSaid}`,
          cancelled: false,
        }
      if (e.status === 401)
        return { title: 'ImageKit did not accept the credentials.', detail: imagekitSaid, cancelled: false }
      if (e.status === 429)
        return {
          title: 'Too many uploads at once; try again shortly.',
          detail: imagekitSaid,
          cancelled: false,
        }
      if (e.status >= 500)
        return {
          title: `ImageKit could not take the upload (${e.status}).`,
          detail: imagekitSaid,
          cancelled: false,
        }
      return { title: `The upload was refused (${e.status}).`, detail: imagekitSaid, cancelled: false }
    },
    NetworkError: (e) =>
      e.reason === 'Aborted'
        ? { title: 'Cancelled.', detail: 'You cancelled this upload.', cancelled: true }
        : e.reason === 'Timeout'
          ? { title: 'The upload timed out.', detail: e.message, cancelled: false }
          : {
              title: 'Could not reach the upload server: the network is down or the connection was dropped.',
              detail: e.message,
              cancelled: false,
            },
    DecodeError: (e) => ({
      title: "ImageKit's answer was not understood.",
      detail: e.message,
      cancelled: false,
    }),
  })(error)

// The page's error rendering (examples/browser-upload/src/describeError.ts), one case per state the page names.
import { describe, expect, it } from 'vitest'
import { decodeError, httpError, networkError, validationError } from '@imagekit-fp/utils'
import { describeError } from '../../examples/browser-upload/src/describeError'

const HELP = 'For support kindly contact us at support@imagekit.io .'
const http = (status: number, message: string) =>
  httpError({ status, message, help: HELP, body: { message, help: HELP }, url: 'u', requestId: 'r1' })

describe('describeError', () => {
  it.each([
    [
      'an expire that has passed before sending',
      validationError('request.expire', 'must be in the future (it is 99, now is 100)'),
      {
        title: 'The upload token has expired.',
        detail:
          "The signature from the server was no longer valid when the upload started (request.expire must be in the future (it is 99, now is 100)). Check the server's clock, then try again.",
        cancelled: false,
      },
    ],
    [
      'any other invalid input',
      validationError('request.fileName', 'must be a non-empty string'),
      {
        title: 'The upload was not sent.',
        detail: 'request.fileName must be a non-empty string',
        cancelled: false,
      },
    ],
    [
      "ImageKit's expired-token answer",
      http(
        400,
        'Your request contains invalid expire parameter. Expire parameter should be a Unix time in less than 1 hour into the future.',
      ),
      {
        title: 'The upload token has expired.',
        detail:
          'ImageKit said (400, request r1): Your request contains invalid expire parameter. Expire parameter should be a Unix time in less than 1 hour into the future.',
        cancelled: false,
      },
    ],
    [
      "ImageKit's file-too-large answer",
      http(400, 'Your request contains invalid file parameter. The file size exceeds limits.'),
      {
        title: 'The file is too large (30.0 MB).',
        detail:
          'Your ImageKit plan limits the size of one upload (25 MB for images on the free plan). ImageKit said (400, request r1): Your request contains invalid file parameter. The file size exceeds limits.',
        cancelled: false,
      },
    ],
    [
      'a 413 from a proxy',
      http(413, 'Request Entity Too Large'),
      {
        title: 'The file is too large (30.0 MB).',
        detail:
          'Your ImageKit plan limits the size of one upload (25 MB for images on the free plan). ImageKit said (413, request r1): Request Entity Too Large',
        cancelled: false,
      },
    ],
    [
      'bad credentials',
      http(401, 'Your account cannot be authenticated.'),
      {
        title: 'ImageKit did not accept the credentials.',
        detail: 'ImageKit said (401, request r1): Your account cannot be authenticated.',
        cancelled: false,
      },
    ],
    [
      'a rate limit',
      http(429, 'Too many requests'),
      {
        title: 'Too many uploads at once; try again shortly.',
        detail: 'ImageKit said (429, request r1): Too many requests',
        cancelled: false,
      },
    ],
    [
      'a server fault',
      http(503, 'Injected fault: status 503.'),
      {
        title: 'ImageKit could not take the upload (503).',
        detail: 'ImageKit said (503, request r1): Injected fault: status 503.',
        cancelled: false,
      },
    ],
    [
      'another refusal, without a request id',
      httpError({ status: 400, message: 'Missing fileName parameter for upload.', body: null, url: 'u' }),
      {
        title: 'The upload was refused (400).',
        detail: 'ImageKit said (400): Missing fileName parameter for upload.',
        cancelled: false,
      },
    ],
    [
      'a cancel',
      networkError('Aborted', 'POST u aborted', null),
      { title: 'Cancelled.', detail: 'You cancelled this upload.', cancelled: true },
    ],
    [
      'a timeout',
      networkError('Timeout', 'POST u timed out after 600000 ms', null),
      { title: 'The upload timed out.', detail: 'POST u timed out after 600000 ms', cancelled: false },
    ],
    [
      'the network down',
      networkError('Transport', 'POST u failed: Failed to fetch', null),
      {
        title: 'Could not reach the upload server: the network is down or the connection was dropped.',
        detail: 'POST u failed: Failed to fetch',
        cancelled: false,
      },
    ],
  ])('renders %s', (_, error, view) => {
    expect(describeError(error, 30 * 1024 * 1024)).toStrictEqual(view)
  })

  it('renders a reply it could not decode', () => {
    expect(describeError(decodeError([], 'fileId: expected string, got 2'), 1)).toStrictEqual({
      title: "ImageKit's answer was not understood.",
      detail: 'fileId: expected string, got 2',
      cancelled: false,
    })
  })
})

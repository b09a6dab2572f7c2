// What the buildUrl test files share: endpoints, whole-value expectations and the row type.
import { validationError } from '@imagekit-fp/utils'
import { serializeTransformation } from '../internal/serializeTransformation'
import type { BuildUrlOptions } from '../buildUrl'
import type { UrlConfig } from '../model/UrlConfig'

export const E = 'https://ik.imagekit.io/your_imagekit_id/endpoint/'
export const D = 'https://ik.imagekit.io/demo'
export const right = (url: string) => ({ _tag: 'Right', right: url })
export const left = (path: string, message: string) => ({
  _tag: 'Left',
  left: validationError(path, message),
})

// The serializer's own error, passed through unchanged (its messages belong to buildTransformationString).
export const trError = (t: unknown) => serializeTransformation(t, 'options.transformation')

export type Case = readonly [title: string, config: UrlConfig, options: BuildUrlOptions, expected: string]

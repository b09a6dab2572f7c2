import type { either } from 'fp-ts'
import type { ValidationError } from '@imagekit-fp/utils'
import { validationError } from '@imagekit-fp/utils'
import { left } from '@imagekit-fp/internal'
import { serializeTransformation } from './internal/serializeTransformation'
import type { Transformation } from './model/Transformation'

/**
 * Builds the ImageKit transformation string (`w-300,h-200:rt-90`) from transformation steps.
 *
 * @param transformation - the steps, applied in order (chained with `:`).
 * @returns `Right` with the string, or `Left<ValidationError>` (path `transformation…`) when the input is
 *   not an array of plain objects, a value cannot be printed, an overlay lacks its text/input/color, or
 *   nothing at all would be emitted.
 * @example
 * buildTransformationString([{ width: 300, height: 200 }, { rotation: 90 }])
 * // { _tag: 'Right', right: 'w-300,h-200:rt-90' }
 * @since 0.1.0
 * @category url
 */
export const buildTransformationString = (
  transformation: readonly Transformation[],
): either.Either<ValidationError, string> => {
  const r = serializeTransformation(transformation, 'transformation')
  return r._tag === 'Right' && r.right === ''
    ? left(validationError('transformation', 'produces an empty string'))
    : r
}

// The input checks of every media operation: internal's toolkit (one wording per fault, shared with upload and
// utils), with `prepare` building utils' ValidationError, and `fillPath`, which only media needs.
import type { either } from 'fp-ts'
import { validationError, type ValidationError } from '@imagekit-fp/utils'
import { prepare as check, type Field } from '@imagekit-fp/internal'

export {
  abortOf,
  array,
  boolean,
  date,
  defined,
  fail,
  httpUrl,
  id,
  integer,
  name,
  need,
  needSome,
  nonEmptyString,
  normalHttpUrl,
  nullable,
  number,
  object,
  oneOf,
  optional,
  record,
  scalar,
  signal,
  string,
  strings,
  text,
} from '@imagekit-fp/internal'
export type { Check, Field } from '@imagekit-fp/internal'

/**
 * Checks `input` (anything at run time) with `build`, which reads each field through `field(key, check)`; paths
 * start at `input`. The first problem found is the Left; nothing else can escape.
 */
export const prepare = <I, A>(input: I, build: (field: Field<I>) => A): either.Either<ValidationError, A> =>
  check(input, build, validationError)

/**
 * The path `template` (`/v1/files/{fileId}/details`) with each `{name}` replaced by `value(name)`,
 * percent-encoded (`encodeURIComponent`), so that a path parameter is always exactly one segment.
 */
export const fillPath = (template: string, value: (name: string) => string): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(value(name)))

import { describe } from 'vitest'
import { createNamedTransformation, updateNamedTransformation } from '@imagekit-fp/media'
import { refuses } from './test-support/refuses'

describe('createNamedTransformation', () => {
  refuses(createNamedTransformation, [
    ['no name', { transformation: 'w-100' }, 'input.name', 'is required'],
    [
      'a name with a hyphen',
      { name: 'small-thumb', transformation: 'w-100' },
      'input.name',
      'may only contain letters, digits and _',
    ],
    ['an empty name', { name: '', transformation: 'w-100' }, 'input.name', 'must not be empty'],
    ['no transformation', { name: 'thumb' }, 'input.transformation', 'is required'],
    [
      'a blank transformation',
      { name: 'thumb', transformation: ' ' },
      'input.transformation',
      'must be a non-empty string',
    ],
    [
      'a string enabled',
      { name: 'thumb', transformation: 'w-100', enabled: 'true' },
      'input.enabled',
      'must be a boolean',
    ],
  ])
})

describe('updateNamedTransformation', () => {
  refuses(updateNamedTransformation, [
    ['nothing to update', { id: 'n1' }, 'input', 'must set at least one of name, transformation, enabled'],
    [
      'an id with a hash',
      { id: 'n#1', enabled: true },
      'input.id',
      'may only contain letters, digits and - . _ ~',
    ],
    ['a name with a dot', { id: 'n1', name: 'a.b' }, 'input.name', 'may only contain letters, digits and _'],
  ])
})

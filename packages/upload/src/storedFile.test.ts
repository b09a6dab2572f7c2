import { describe, expect, it } from 'vitest'
import { isUploaded } from './isUploaded'
import { storedFile } from './storedFile'
import type { UploadResult } from './model/UploadResult'

const stored: UploadResult = {
  _tag: 'UploadResult',
  fileId: 'abc',
  name: 'a.jpg',
  url: 'https://ik.imagekit.io/demo/a.jpg',
}
const accepted = { _tag: 'UploadAccepted', message: 'Your request has been accepted.' } as const

describe('isUploaded', () => {
  it('is true of an UploadResult and false of an UploadAccepted', () => {
    expect([isUploaded(stored), isUploaded(accepted)]).toStrictEqual([true, false])
  })
})

describe('storedFile', () => {
  it('gives the UploadResult as a Right, the same object', () => {
    const r = storedFile(stored)
    expect(r).toStrictEqual({ _tag: 'Right', right: stored })
    expect(r._tag === 'Right' && r.right).toBe(stored)
  })

  it("gives a 202's UploadAccepted as a Left", () => {
    expect(storedFile(accepted)).toStrictEqual({ _tag: 'Left', left: accepted })
  })
})

// A self-signed certificate for 127.0.0.1, made at test time with the openssl CLI: for the https tests of
// nodeFetch and the HTTP/2 browser tests.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** A self-signed certificate for 127.0.0.1 made with the openssl CLI, or why there is none. */
export const makeCertificate = ():
  | { readonly key: Buffer; readonly cert: Buffer; readonly reason?: undefined }
  | { readonly reason: string } => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imagekit-fp-tls-'))
  try {
    const keyFile = path.join(dir, 'key.pem')
    const certFile = path.join(dir, 'cert.pem')
    const r = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-days',
        '1',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { encoding: 'utf8', timeout: 30_000 },
    )
    if (r.error !== undefined)
      return { reason: `openssl CLI not available (${r.error.message}): https tests skipped` }
    if (r.status !== 0) return { reason: `openssl failed (${r.stderr.trim()}): https tests skipped` }
    return { key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile) }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

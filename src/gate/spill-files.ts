/**
 * The duplicate search's spill files (analyze/spill-column.ts): temporary files in the system's
 * temporary folder (`os.tmpdir()`: TMPDIR, else /tmp), created new with only the owner's
 * permissions and removed from the folder as soon as they are open, so nothing is left behind
 * when the process ends, however it ends. Their descriptors belong to the process: a worker
 * thread's file is read and closed by the main thread that absorbs its part.
 *
 * Any failure to create or write one is not an error: the column keeps its values in memory.
 */
import { randomBytes } from 'node:crypto'
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SpillFiles } from '../analyze/spill-column.js'

/**
 * Files that could not be removed while open (a Windows file system that refuses it): removed
 * when closed, if the thread that made them closes them.
 */
const removeOnClose = new Map<number, string>()

export const temporarySpillFiles: SpillFiles = {
  open(): number | null {
    const name = `dataset-gate-${process.pid}-${randomBytes(8).toString('hex')}.spill`
    const path = join(tmpdir(), name)
    let fd: number
    try {
      fd = openSync(path, 'wx+', 0o600) // never an existing file or a link planted there
    } catch {
      return null
    }
    try {
      unlinkSync(path)
    } catch {
      removeOnClose.set(fd, path)
    }
    return fd
  },

  write(fd: number, bytes: Uint8Array, position: number): boolean {
    try {
      for (let done = 0; done < bytes.byteLength;) {
        done += writeSync(fd, bytes, done, bytes.byteLength - done, position + done)
      }
      return true
    } catch {
      return false
    }
  },

  read(fd: number, into: Uint8Array, position: number): void {
    for (let done = 0; done < into.byteLength;) {
      const read = readSync(fd, into, done, into.byteLength - done, position + done)
      if (read === 0) throw new Error('a spill file ended before the bytes written to it')
      done += read
    }
  },

  close(fd: number): void {
    try {
      closeSync(fd)
    } catch {
      // already closed: nothing to free
    }
    const path = removeOnClose.get(fd)
    if (path === undefined) return
    removeOnClose.delete(fd)
    try {
      unlinkSync(path)
    } catch {
      // removed by someone else
    }
  }
}

/**
 * Append-only integer columns that keep their first values in memory and write later blocks to a
 * spill file. The duplicate search keeps 6 bytes a row until the first pass ends (row-fingerprints
 * .ts); in memory that was the part of the gate's memory that grew with the rows: 38 MB at 6.4
 * million rows. Written out, a column costs a few blocks of memory at any size, and reading it
 * back (a few sequential passes over the file, mostly from the page cache) costs a few
 * milliseconds a million rows.
 *
 * analyze/ only writes and reads blocks; the file itself is the shell's (`SpillFiles`,
 * gate/spill-files.ts). A column with no spill, or whose spill cannot write, keeps every block in
 * memory, as before: the same values either way.
 */

const BLOCK_SIZE = 1 << 16
/** Blocks a column keeps in memory before it spills: 256 Ki values, 1 MiB of a 32-bit column. */
const RESIDENT_BLOCKS = 4

/** The file operations a spill needs, on descriptors the process owns (every thread can use). */
export interface SpillFiles {
  /** A new empty file's descriptor, or null when none can be made. */
  open(): number | null
  /** Writes all of `bytes` at `position`; false when it could not. */
  write(fd: number, bytes: Uint8Array, position: number): boolean
  /** Fills `into` from `position` with bytes written there before. */
  read(fd: number, into: Uint8Array, position: number): void
  close(fd: number): void
}

/** `length` values written to file `fd` from byte `position`. */
export interface SpilledBlock {
  fd: number
  position: number
  length: number
}

/** A column's values in order: blocks in memory, or spilled. */
export type Piece<Block> = Block | SpilledBlock

/**
 * One spill file shared by columns, appended to, and the files opened here for parts read by
 * other threads (whose blocks become these columns'): all closed by `close`.
 */
export class Spill {
  private fd: number | null = null
  private end = 0
  private failed = false
  private adopted: number[] = []

  constructor(private files: SpillFiles) {}

  /** Writes `block`'s values; where they are, or null (not written: the caller keeps them). */
  write(block: Uint16Array | Uint32Array): SpilledBlock | null {
    if (this.failed) return null
    this.fd ??= this.files.open()
    const bytes = new Uint8Array(block.buffer, block.byteOffset, block.byteLength)
    if (this.fd === null || !this.files.write(this.fd, bytes, this.end)) {
      this.failed = true // a full disk or no temporary folder: memory from here on
      return null
    }
    const written = { fd: this.fd, position: this.end, length: block.length }
    this.end += bytes.byteLength
    return written
  }

  read(block: SpilledBlock, into: Uint16Array | Uint32Array): void {
    this.files.read(
      block.fd,
      new Uint8Array(into.buffer, into.byteOffset, into.byteLength),
      block.position
    )
  }

  /**
   * A file for a part read by another thread to spill into (`spillingInto`), closed with this
   * spill's: a file a worker thread opens itself is closed when the thread ends, before the part
   * is read here.
   */
  fileForPart(): number | null {
    const fd = this.files.open()
    if (fd !== null) this.adopted.push(fd)
    return fd
  }

  close(): void {
    for (const fd of [...this.adopted, ...(this.fd === null ? [] : [this.fd])]) this.files.close(fd)
    this.adopted = []
    this.fd = null
  }
}

interface BlockType<Block> {
  new (size: number): Block
  readonly BYTES_PER_ELEMENT: number
}

/** What a column's `exportPart` gives: its pieces, the in-memory ones to be moved, not copied. */
export interface ColumnPart<Block> {
  pieces: Piece<Block>[]
}

function isSpilled<Block>(piece: Piece<Block>): piece is SpilledBlock {
  return (piece as SpilledBlock).fd !== undefined
}

export class SpillColumn<Block extends Uint16Array | Uint32Array> {
  private pieces: Piece<Block>[] = []
  private current: Block
  private used = 0
  /** Values kept in memory (in `pieces`; the current block not counted). */
  private resident = 0
  private scratch: Block | null = null
  length = 0

  constructor(
    private Type: BlockType<Block>,
    private spill: Spill | null,
    private residentLimit = RESIDENT_BLOCKS * BLOCK_SIZE
  ) {
    this.current = new Type(0)
  }

  push(value: number): void {
    if (this.used === this.current.length) this.nextBlock()
    this.current[this.used++] = value
    this.length++
  }

  /** Stores the current block as a piece and starts another (the same buffer when it spilled). */
  private nextBlock(): void {
    const spilled = this.used > 0 && this.store(this.current)
    if (!spilled) this.current = new this.Type(BLOCK_SIZE)
    this.used = 0
  }

  /** Adds a full block as a piece; true when it was spilled (its buffer free to reuse). */
  private store(block: Block): boolean {
    if (this.spill !== null && this.resident >= this.residentLimit) {
      const spilled = this.spill.write(block)
      if (spilled) {
        this.pieces.push(spilled)
        return true
      }
    }
    this.pieces.push(block)
    this.resident += block.length
    return false
  }

  /** Ends the current block where it is: what comes next (a part, more values) follows it. */
  private seal(): void {
    if (this.used > 0) this.store(this.current.subarray(0, this.used) as Block)
    this.current = new this.Type(0)
    this.used = 0
  }

  /**
   * Calls `visit` with the values in order, a block at a time, and the index of each block's first
   * value. A spilled block is read into one reused buffer: `visit` must not keep it.
   */
  forEachBlock(visit: (block: Block, first: number) => void): void {
    let first = 0
    for (const piece of this.pieces) {
      if (isSpilled(piece)) {
        this.scratch ??= new this.Type(BLOCK_SIZE)
        const into = this.scratch.subarray(0, piece.length) as Block
        this.spill!.read(piece, into)
        visit(into, first)
      } else visit(piece, first)
      first += piece.length
    }
    if (this.used > 0) visit(this.current.subarray(0, this.used) as Block, first)
  }

  /** The values as pieces, for another thread's column to `absorb`; this column is not used after. */
  exportPart(): ColumnPart<Block> {
    this.seal()
    return { pieces: this.pieces }
  }

  /** Appends a part's values after these (its pieces become this column's). */
  absorb(part: ColumnPart<Block>): void {
    this.seal()
    for (const piece of part.pieces) {
      if (isSpilled(piece) && this.spill === null)
        throw new Error('a spilled part cannot join a column without a spill')
      this.pieces.push(piece)
      this.length += piece.length
      if (!isSpilled(piece)) this.resident += piece.length
    }
  }
}

/** `files` writing into `fd` (a `fileForPart`), which the thread given it does not close. */
export function spillingInto(fd: number, files: SpillFiles): SpillFiles {
  return { open: () => fd, write: files.write, read: files.read, close: () => {} }
}

/** The typed arrays of a part's pieces held in memory: what a worker moves to the main thread. */
export function residentPieces<Block>(part: ColumnPart<Block>): Block[] {
  return part.pieces.filter(piece => !isSpilled(piece)) as Block[]
}

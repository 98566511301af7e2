/**
 * The labels of a dataset: an id per label text in the order they first appear, where each first
 * appears, what is wrong with it (checked once per label), and a hash of its text that is the same
 * in every part of a dataset read in parallel (row fingerprints use it instead of the id).
 */
import { INVISIBLE } from '../display.js'
import { detach, stringHash32 } from './compact.js'
import type { LabelProfile, ValueRules } from './value-rules.js'
import type { Location } from './row-fingerprints.js'

/** A registry's labels as plain data (a worker's part of a dataset). */
export interface LabelPart {
  labels: string[]
  first: Location[]
}

/** 4096 slots of recently found labels (16 KB). */
const RECENT_SHIFT = 20

export class LabelRegistry {
  private byText = new Map<string, number>()
  private recent = new Int32Array(1 << (32 - RECENT_SHIFT)).fill(-1)
  readonly labels: string[] = []
  readonly first: Location[] = []
  readonly hashes: number[] = []
  /** Why each label is invalid, or null. */
  readonly problems: (string | null)[] = []

  constructor(
    private rules: ValueRules,
    private check: boolean,
    /** Read at each registration: column-mapped files may relax it before the first row. */
    private profile: () => LabelProfile
  ) {}

  /**
   * The id of `label`, or undefined. A row's label is a new string each time, which the Map must
   * hash whole; a slot picked by its length and last three characters usually holds its id.
   */
  get(label: string): number | undefined {
    const n = label.length
    const slot =
      Math.imul(
        n ^
          (label.charCodeAt(n - 1) << 8) ^
          (label.charCodeAt(n - 2) << 16) ^
          (label.charCodeAt(n - 3) << 24),
        0x9e3779b1
      ) >>> RECENT_SHIFT
    const recent = this.recent[slot]!
    if (recent !== -1 && this.labels[recent] === label) return recent
    const id = this.byText.get(label)
    if (id !== undefined) this.recent[slot] = id
    return id
  }

  register(raw: string, file: number, line: number): number {
    const label = detach(raw) // kept as a key: must not pin the chunk it was read from
    const id = this.labels.length
    this.labels.push(label)
    this.byText.set(label, id)
    this.first.push({ file, line })
    this.hashes.push(stringHash32(label))
    this.problems.push(this.check ? this.rules.labelProblem(label, this.profile()) : null)
    return id
  }

  exportPart(): LabelPart {
    return { labels: this.labels, first: this.first }
  }

  /** Registers the part's new labels in its order; returns the id here of each of its labels. */
  absorb(part: LabelPart): Int32Array {
    const ids = new Int32Array(part.labels.length)
    part.labels.forEach((label, local) => {
      const where = part.first[local]!
      ids[local] = this.byText.get(label) ?? this.register(label, where.file, where.line)
    })
    return ids
  }

  /** Labels that probably name one class two ways, by id. */
  variants(): { canonical: string; labels: number[] }[] {
    const byCanonical = new Map<string, number[]>()
    for (let id = 0; id < this.labels.length; id++) {
      const canonical = canonicalLabel(this.labels[id]!)
      const members = byCanonical.get(canonical)
      if (members) members.push(id)
      else byCanonical.set(canonical, [id])
    }
    return [...byCanonical]
      .filter(([, members]) => members.length > 1)
      .map(([canonical, labels]) => ({ canonical, labels }))
  }
}

const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g')

/** The form two labels share when they are probably the same class written two ways. */
export function canonicalLabel(label: string): string {
  return label
    .normalize('NFKC')
    .replace(INVISIBLE_ALL, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_')
}

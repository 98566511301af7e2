/**
 * The time checks of a labeled row (START and END: present, readable, in order, within the
 * video's duration, not too precise) and the labeled length they give, in whole microseconds. A
 * row with valid times is also handed to the row fingerprints and the multi-label runs.
 */
import { SPLITS, type FormatId } from '../model.js'
import { isInf, parseSeconds } from '../read/fields.js'
import type { RowProblem, RowProblemSink, SegmentAt } from '../read/problems.js'
import type { SegmentRuns } from './intervals.js'
import type { RowFingerprints } from './row-fingerprints.js'
import type { ValueRules } from './value-rules.js'
import type { VideoRegistry } from './videos.js'
import type { TextList } from './text-column.js'

/** Segment problems that carry nothing but the segment. */
type PlainSegmentCode =
  | 'segment.no-times'
  | 'segment.missing-time'
  | 'segment.start-at-end'
  | 'segment.end-not-positive'
  | 'segment.end-before-start'

/** Where messages find a row's file, format and video key: the accumulator's own arrays. */
export interface SegmentPlaces {
  files: readonly string[]
  formats: readonly FormatId[]
  videoKeys: TextList
}

export class SegmentTimes {
  // The labeled row being checked, for the problem it may have: set per row, never allocated.
  private rowFile = 0
  private rowLine = 0
  private rowSplit = 0
  private rowVideo = 0
  private rowLabel = ''
  private rowStart = ''
  private rowEnd = ''

  constructor(
    private problems: RowProblemSink,
    private rules: ValueRules,
    private places: SegmentPlaces,
    private videos: VideoRegistry,
    private labelHashes: readonly number[],
    private fingerprints: RowFingerprints | null,
    private runs: SegmentRuns | null
  ) {}

  /**
   * Checks the current row's START/END; returns the labeled length in whole microseconds, or null
   * when it is unknown (an end-of-video segment without a duration) or the times are invalid
   * (reported).
   */
  check(
    file: number,
    line: number,
    split: number,
    video: number,
    label: string,
    labelId: number,
    start: string,
    end: string
  ): number | null {
    this.rowFile = file
    this.rowLine = line
    this.rowSplit = split
    this.rowVideo = video
    this.rowLabel = label
    this.rowStart = start
    this.rowEnd = end
    if (start.length === 0 && end.length === 0) return this.segmentProblem('segment.no-times')
    // One time present, the other missing: a broken segment (rules.md: START or END missing).
    if (start.length === 0 || end.length === 0) return this.segmentProblem('segment.missing-time')
    if (isInf(start)) return this.segmentProblem('segment.start-at-end')
    const startValue = parseSeconds(start)
    if (!startValue.ok) {
      const reason = startValue.reason
      return this.report({ ...this.segmentAt(), code: 'segment.start-unreadable', reason })
    }
    const endValue = isInf(end) ? null : parseSeconds(end)
    if (endValue && !endValue.ok) {
      const reason = endValue.reason
      return this.report({ ...this.segmentAt(), code: 'segment.end-unreadable', reason })
    }
    const { maxDecimals, durationTolerance } = this.rules
    const decimals = Math.max(startValue.decimals, endValue ? endValue.decimals : 0)
    if (decimals > maxDecimals)
      this.report({ ...this.segmentAt(), code: 'segment.decimals', decimals, maxDecimals })
    const s = startValue.value
    const e = endValue ? endValue.value : Infinity
    if (e <= 0) return this.segmentProblem('segment.end-not-positive')
    if (s >= e) return this.segmentProblem('segment.end-before-start')
    const duration = this.videos.duration(this.rowVideo)
    if (!Number.isNaN(duration)) {
      if (e !== Infinity && e > duration + durationTolerance)
        this.report({ ...this.segmentAt(), code: 'segment.end-beyond-duration', duration })
      else if (s >= duration + durationTolerance)
        this.report({ ...this.segmentAt(), code: 'segment.start-beyond-duration', duration })
    }
    const videoHash = this.videos.hashes.data[this.rowVideo]!
    const labelHash = this.labelHashes[labelId]!
    this.fingerprints?.add(this.rowSplit, videoHash, labelHash, s, e, this.rowLine)
    this.runs?.add(this.rowVideo, labelId, s, e)
    if (e === Infinity) {
      return Number.isNaN(duration) ? null : Math.max(0, micros(duration) - micros(s))
    }
    return micros(e) - micros(s)
  }

  /** The current row as the place of a segment problem (built only for a problem). */
  private segmentAt(): SegmentAt {
    return {
      file: this.places.files[this.rowFile]!,
      line: this.rowLine,
      split: SPLITS[this.rowSplit]!,
      format: this.places.formats[this.rowFile]!,
      video: this.places.videoKeys.at(this.rowVideo)!,
      label: this.rowLabel,
      start: this.rowStart,
      end: this.rowEnd
    }
  }

  private segmentProblem(code: PlainSegmentCode): null {
    return this.report({ ...this.segmentAt(), code })
  }

  private report(problem: RowProblem): null {
    this.problems.report(problem)
    return null
  }
}

/** A time in whole microseconds (exact for times with up to 6 decimals, as Vertex AI takes them). */
function micros(seconds: number): number {
  return Math.round(seconds * 1e6)
}

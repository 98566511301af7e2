// Writes examples/automl: a small AutoML Video index + rows dataset with a few deliberate problems,
// so `npm run example` shows real findings. Seeded: the output is the same every run.
import { mkdirSync, writeFileSync } from 'node:fs'

let state = 20261125
const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32

const classes = { juggling: 60, cartwheel: 55, surfing: 48, archery: 40, skateboarding: 4 }
const train = []
const test = []
let video = 0
for (const [label, count] of Object.entries(classes)) {
  for (let i = 0; i < count; i++) {
    video++
    const uri = `gs://dataset-gate-example/clips/${label}/clip_${String(video).padStart(4, '0')}.mp4`
    const start = Math.floor(random() * 20)
    const end = start + 3 + Math.floor(random() * 8)
    const row = `${uri},${label},${start},${end}`
    if (label === 'skateboarding' || random() < 0.8) train.push(row)
    else test.push(row)
  }
}
// Deliberate problems, one per kind, so the example shows what the gate catches.
const leaked = train[3].split(',')
test.push(`${leaked[0]},${leaked[1]},30,36`) // video-leakage: a TRAIN video also in TEST
train.push(train[10]) // duplicate-row
train.push('gs://dataset-gate-example/clips/juggling/clip_9001.mp4,juggling,12.5,4.0') // segment-invalid: END before START
train.push('gs://dataset-gate-example/clips/cartwheel/clip_9002.mkv,cartwheel,0,5') // uri-invalid: unsupported container
train.push('gs://dataset-gate-example/clips/surfing/clip_9003.mp4,Surfing,0,7') // label-variant of surfing
train.push('gs://dataset-gate-example/clips/archery/clip_9004.mp4,archery,0,inf') // fine: whole video
test.push('gs://dataset-gate-example/clips/unsorted/clip_9005.mp4,,,') // unlabeled-video

mkdirSync('examples/automl', { recursive: true })
writeFileSync(
  'examples/automl/index.csv',
  'TRAIN,gs://dataset-gate-example/manifests/train.csv\nTEST,gs://dataset-gate-example/manifests/test.csv\n'
)
writeFileSync('examples/automl/train.csv', train.join('\n') + '\n')
writeFileSync('examples/automl/test.csv', test.join('\n') + '\n')
console.log(`examples/automl: ${train.length} TRAIN rows, ${test.length} TEST rows`)

/** The action's entry point (dist/index.js): everything happens in `run()`. */
import { run } from './main.js'
import { keepYoungGenerationSmall, scavengeAloneOnFewCores } from './young-generation.js'

keepYoungGenerationSmall()
scavengeAloneOnFewCores()
void run()

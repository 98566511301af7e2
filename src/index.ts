/** The action's entry point (dist/index.js): everything happens in `run()`. */
import { run } from './main.js'
import { keepYoungGenerationSmall } from './young-generation.js'

keepYoungGenerationSmall()
void run()

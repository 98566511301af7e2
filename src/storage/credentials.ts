/**
 * Whether Cloud Storage can be reached without asking the network: the emulator, a credentials
 * file (what `google-github-actions/auth` leaves), gcloud's application-default file, or a Google
 * Cloud machine (its BIOS says so, as google-auth-library's residency check reads it). Only then
 * is the client made; google-auth-library would otherwise probe the metadata server, which off
 * Google Cloud costs seconds per run for nothing.
 */
import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

export type CredentialSource = 'emulator' | 'credentials-file' | 'gcloud' | 'google-cloud-machine'

export function detectCredentials(
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir()
): CredentialSource | null {
  if (env.STORAGE_EMULATOR_HOST) return 'emulator'
  const file = env.GOOGLE_APPLICATION_CREDENTIALS
  if (file && existsSync(file)) return 'credentials-file'
  const gcloudDir =
    env.CLOUDSDK_CONFIG ??
    (process.platform === 'win32' && env.APPDATA
      ? join(env.APPDATA, 'gcloud')
      : join(home, '.config', 'gcloud'))
  if (existsSync(join(gcloudDir, 'application_default_credentials.json'))) return 'gcloud'
  if (env.METADATA_SERVER_DETECTION === 'none') return null
  return onGoogleCloud(env) ? 'google-cloud-machine' : null
}

/** Cloud Run and Cloud Functions say so in the environment; Compute Engine in the BIOS. */
function onGoogleCloud(env: NodeJS.ProcessEnv): boolean {
  if (env.K_SERVICE || env.FUNCTION_NAME || env.CLOUD_RUN_JOB) return true
  if (process.platform !== 'linux') return false
  for (const file of ['/sys/class/dmi/id/bios_vendor', '/sys/class/dmi/id/product_name']) {
    try {
      if (/Google/.test(readFileSync(file, 'utf8'))) return true
    } catch {
      // not readable: not evidence of anything
    }
  }
  return false
}

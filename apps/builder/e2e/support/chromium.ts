import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The system Chromium (Debian: apt-get install chromium); LOA_CHROMIUM_PATH points elsewhere. */
export const chromiumPath = process.env.LOA_CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}. Install it (Debian: apt-get install chromium) or set LOA_CHROMIUM_PATH.`,
    );
  }
  // --no-sandbox: the tests may run as root (containers, CI), where Chromium refuses to start sandboxed.
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
}

import * as fs from 'node:fs';
import type { Browser } from 'puppeteer-core';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's chromium when installed, else undefined (the tests then say plainly that they skipped). */
export function chromium(): string | undefined {
  return CHROMIUM.find((p) => fs.existsSync(p));
}

/** `describe` when chromium is installed; otherwise skipped with the reason in its name and on the console. */
export function describeWithChromium(name: string, fn: () => void): void {
  if (chromium()) return describe(name, fn);
  if (process.env.CI) return describe(name, () => it('needs chromium: CI installs it (.ci/run: apt-get install -y chromium)', () => { throw new Error('chromium is not installed'); }));
  console.warn(`SKIPPED: ${name}: chromium is not installed (apt-get install -y chromium)`);
  describe.skip(`${name} (skipped: chromium is not installed)`, fn);
}

export async function launch(): Promise<Browser> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const puppeteer = require('puppeteer-core') as typeof import('puppeteer-core');
  return puppeteer.launch({ executablePath: chromium()!, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-extensions', '--disable-background-networking', '--disable-component-update', '--disable-default-apps', '--disable-sync'] });
}

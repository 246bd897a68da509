/**
 * `npm run build`'s last step: records the V8 code cache (code-cache.ts) from one sample build, the W&F
 * report and appendix in both formats, which loads the readers, the model, layout and both writers. A
 * failure here costs only start-up speed, so it is a line, never a failed build.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CODE_CACHE_DIR } from './code-cache';

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLE = path.join('data', 'reports', 'wf-cabinet-2023-09-12.md');

function warm(): void {
  fs.rmSync(CODE_CACHE_DIR, { recursive: true, force: true });
  if (!fs.existsSync(path.join(ROOT, SAMPLE))) {
    console.log(`code cache: not made (${SAMPLE} is missing); commands start a little slower`);
    return;
  }
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-warm-'));
  try {
    const r = spawnSync(process.execPath, [path.join(__dirname, 'main.js'), 'build', SAMPLE, '--out', out, '--quiet'], {
      cwd: ROOT,
      env: { ...process.env, CABINET_CODE_CACHE_RECORD: '1' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const made = fs.existsSync(CODE_CACHE_DIR) ? fs.readdirSync(CODE_CACHE_DIR).length : 0;
    if (r.status !== 0 && r.status !== 1) {
      fs.rmSync(CODE_CACHE_DIR, { recursive: true, force: true });
      console.log(`code cache: not made (the sample build ended with ${r.status ?? r.signal}); commands start a little slower`);
    } else console.log(`code cache: ${made} modules in ${path.relative(ROOT, CODE_CACHE_DIR)}`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

warm();

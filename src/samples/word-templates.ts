/**
 * `npm run samples:word-templates`: makes each sample council's Word template (data/councils/<council>/
 * word-template/template.dotx) from the LibreOffice flat document beside it (template.fodt), the source a
 * person edits: LibreOffice writes the .dotx, as a council's own word processor would.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { writeFileAtomic } from '../io/atomic-write';

const CONVERT_TIMEOUT_MS = 120_000;

export function sofficeOnPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, 'soffice');
    if (fs.existsSync(p)) return p;
  }
  return undefined;
}

/** The council folders that have a template source. */
export function templateSources(councilsDir: string): string[] {
  return fs.readdirSync(councilsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(councilsDir, e.name, 'word-template', 'template.fodt'))
    .filter((f) => fs.existsSync(f))
    .sort();
}

/** Converts each template.fodt to the template.dotx beside it; returns the files written. */
export function makeWordTemplates(councilsDir: string, soffice: string): string[] {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-lo-profile-'));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-word-templates-'));
  try {
    return templateSources(councilsDir).map((source, i) => {
      const dir = path.join(out, String(i));
      const r = spawnSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'dotx:MS Word 2007 XML Template', '--outdir', dir, source], { encoding: 'utf8', timeout: CONVERT_TIMEOUT_MS });
      const made = path.join(dir, 'template.dotx');
      if (r.status !== 0 || !fs.existsSync(made)) throw new Error(`LibreOffice could not convert ${source}${r.error ? ` (${r.error.message})` : ''}`);
      const target = path.join(path.dirname(source), 'template.dotx');
      writeFileAtomic(target, fs.readFileSync(made));
      return target;
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const soffice = sofficeOnPath();
  if (!soffice) {
    process.stderr.write('samples:word-templates needs LibreOffice (soffice on PATH): apt-get install -y --no-install-recommends libreoffice-writer-nogui\n');
    process.exit(2);
  }
  try {
    for (const f of makeWordTemplates(path.join(__dirname, '..', '..', 'data', 'councils'), soffice)) process.stdout.write(`wrote ${path.relative(process.cwd(), f)}\n`);
  } catch (e) {
    process.stderr.write(`samples:word-templates: ${(e as Error).message}\n`);
    process.exit(1);
  }
}

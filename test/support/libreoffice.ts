import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

/** The soffice binary when LibreOffice is installed, else undefined (tests then say plainly that they skipped). */
export function soffice(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, 'soffice');
    if (fs.existsSync(p)) return p;
  }
  return undefined;
}

/** Converts DOCX files to PDF with LibreOffice (headless, a scratch profile); returns the PDFs' paths. */
export function convertWithLibreOffice(bin: string, docxFiles: string[], outDir: string): string[] {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  try {
    return docxFiles.map((docx, i) => {
      const dir = path.join(outDir, String(i));
      fs.mkdirSync(dir, { recursive: true });
      const r = spawnSync(bin, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { encoding: 'utf8', timeout: 180000 });
      if (r.status !== 0) throw new Error(`soffice failed on ${docx}: ${r.stderr}`);
      return path.join(dir, path.basename(docx, '.docx') + '.pdf');
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

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

/**
 * `it` when a tool the comparison needs is installed; otherwise a test reported as skipped, with the reason
 * in its name and on the console. Under CI (whose .ci/run installs the tool) a missing one fails instead: a
 * green run must never hide comparisons that did not happen.
 */
export function itWithTool(present: boolean, tool: { name: string; command: string; ciPackage: string; install: string }): jest.It {
  if (present) return it;
  if (process.env.CI) {
    return ((name: string, _fn: jest.ProvidesCallback, timeout?: number) =>
      it(name, () => {
        throw new Error(`CI installs ${tool.ciPackage} (.ci/run) but ${tool.command} is not on PATH: this comparison must run in CI`);
      }, timeout)) as unknown as jest.It;
  }
  console.warn(`SKIPPED: ${tool.install}`);
  return ((name: string, fn: jest.ProvidesCallback, timeout?: number) => it.skip(`${name} (skipped: ${tool.name} is not installed)`, fn, timeout)) as unknown as jest.It;
}

/** `it` when LibreOffice is installed (itWithTool). */
export function itWithLibreOffice(): jest.It {
  return itWithTool(Boolean(soffice()), {
    name: 'LibreOffice',
    command: 'soffice',
    ciPackage: 'LibreOffice',
    install: 'LibreOffice (soffice) is not installed; apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-croscore fonts-liberation2 fonts-crosextra-carlito fonts-crosextra-caladea',
  });
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

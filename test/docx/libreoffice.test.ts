/**
 * What LibreOffice makes of our DOCX, where it is installed (Debian: libreoffice-writer-nogui): it converts
 * the sample to PDF and the PDF is read back. Its outline comes only from paragraphs with an outline level
 * (without w:outlineLvl on the heading styles it is empty), and its contents page shows the entries and
 * page numbers we pre-filled. Without soffice the test says it skipped.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderDocx } from '../../src/writers/docx';
import { sampleDocument } from '../support/layout-fixtures';
import { readPdf } from '../support/pdf';

const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice'].find((p) => fs.existsSync(p));
const maybe = soffice ? it : it.skip;

describe('LibreOffice reading our DOCX', () => {
  if (!soffice) it('is skipped: soffice is not installed', () => console.log('skipped: soffice (LibreOffice) is not installed'));

  maybe('finds the headings at their levels and shows the pre-filled contents', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-docx-lo-'));
    try {
      const docx = path.join(dir, 'sample.docx');
      fs.writeFileSync(docx, await renderDocx(sampleDocument(), { pageCount: 4, headingPages: { title: 1, 'executive-summary': 1, recommendations: 1, 'appendix-a': 2 } }));
      const r = spawnSync(soffice!, [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { encoding: 'utf8', timeout: 180_000 });
      expect({ status: r.status, stderr: r.status === 0 ? '' : r.stderr }).toEqual({ status: 0, stderr: '' });
      const pdf = await readPdf(fs.readFileSync(path.join(dir, 'sample.pdf')));
      expect(pdf.outline).toEqual([
        { title: 'Test report', level: 1 },
        { title: '1. Executive Summary', level: 2 },
        { title: '2. Recommendations', level: 2 },
        { title: 'Appendix A: Action plan', level: 2 },
      ]);
      const contents = pdf.pages[0]!.replace(/\.{3,}/g, ' ').replace(/\s+/g, ' ');
      expect(contents).toContain('Appendix A: Action plan 2');
      expect(contents).toContain('1. Executive Summary 1');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

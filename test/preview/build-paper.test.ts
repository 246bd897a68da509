import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildPaper } from '../../src/preview/build-paper';
import { privateOutDir, type BuildContext } from '../../src/pipeline/build-context';
import { wfFolder, withCell } from './fixture';

describe('buildPaper (the preview build, in-process)', () => {
  const wf = wfFolder();
  const ctx: BuildContext = { cwd: wf.dir, outDir: privateOutDir('cabinet-preview-out-'), formats: ['pdf', 'docx'] };
  const paper = { kind: 'report' as const, file: wf.report };

  it('builds the W&F report and its appendix as PDF and DOCX bytes, with the checks passed', async () => {
    const r = await buildPaper(paper, ctx);
    expect(r.ok).toBe(true);
    expect(r.documents.map((d) => d.name)).toEqual(['report', expect.stringMatching(/^appendix-a-/)]);
    for (const d of r.documents) {
      expect(Buffer.from(d.pdf!).subarray(0, 5).toString()).toBe('%PDF-');
      expect(Buffer.from(d.docx!).subarray(0, 2).toString()).toBe('PK');
    }
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).not.toContain('fail');
    expect(r.checks.find((c) => c.name.startsWith('Accessibility'))?.status).toBe('pass');
    // Watched: the report, its workbook and the settings file.
    expect(r.sources).toEqual(expect.arrayContaining([path.join(wf.dir, wf.report), path.join(wf.dir, wf.workbook), path.join(wf.dir, 'data', 'cabinet.config.yaml')]));
    // The checkout is not where it wrote: only its private folder.
    expect(fs.readdirSync(ctx.outDir).length).toBeGreaterThan(0);
  });

  it('a status not in the key is a located error, and nothing is built', async () => {
    const original = fs.readFileSync(path.join(wf.dir, wf.workbook));
    fs.writeFileSync(path.join(wf.dir, wf.workbook), await withCell(path.join(wf.dir, wf.workbook), 'E14', 'Purple'));
    try {
      const r = await buildPaper(paper, ctx);
      expect(r.ok).toBe(false);
      expect(r.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', code: 'unknown-status', file: wf.workbook, sheet: 'Action Plan', cell: 'E14' }));
    } finally {
      fs.writeFileSync(path.join(wf.dir, wf.workbook), original);
    }
  });

  it('a deleted report is the unreadable-file message, and it builds again when the file is back', async () => {
    const file = path.join(wf.dir, wf.report);
    const text = fs.readFileSync(file);
    fs.rmSync(file);
    const r = await buildPaper(paper, ctx);
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', code: 'unreadable', file: wf.report, message: 'file not found' }));
    fs.writeFileSync(file, text);
    expect((await buildPaper(paper, ctx)).ok).toBe(true);
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildPaper } from '../../src/preview/build-paper';
import { paperOf } from '../../src/preview/paper';
import { privateOutDir, type BuildContext } from '../../src/pipeline/build-context';

const DATA = path.join(__dirname, '..', '..', 'data');

/** The sample data folder copied (reports, meetings, decisions, workbooks, settings), so builds write nowhere in the checkout. */
function dataCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-preview-papers-'));
  fs.cpSync(DATA, path.join(dir, 'data'), { recursive: true, filter: (src) => !src.includes(`${path.sep}broken`) && !src.includes(`${path.sep}councils`) });
  return dir;
}

describe('every kind of paper builds for the preview', () => {
  jest.setTimeout(180000);
  const dir = dataCopy();
  const ctx: BuildContext = { cwd: dir, outDir: privateOutDir('cabinet-preview-papers-out-'), formats: ['pdf'] };

  it('a meeting: the agenda frontsheet and both packs, with the meeting checks; its reports are watched', async () => {
    const paper = paperOf('data/meetings/cabinet-2023-09-12.yaml', dir);
    expect(paper.kind).toBe('meeting');
    const r = await buildPaper(paper, ctx);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.documents.map((d) => d.kind).sort()).toEqual(['agenda', 'pack', 'pack']);
    expect(r.checks.find((c) => c.name.startsWith('Dates'))?.status).toBe('pass');
    expect(r.sources).toEqual(expect.arrayContaining([
      path.join(dir, 'data', 'reports', 'wf-cabinet-2023-09-12-placements-contract.md'),
      path.join(dir, 'data', 'wf-improvement-plan-tracker.xlsx'),
      path.join(dir, 'data', 'reports', 'figures', 'wf-improvement-timeline.svg'),
    ]));
  });

  it('a decision record, told apart by its front matter: the record and its call-in checks', async () => {
    const paper = paperOf('data/decisions/cabinet-2023-06-15-ilacs.md', dir);
    expect(paper.kind).toBe('decision');
    const r = await buildPaper(paper, ctx);
    expect(r.ok).toBe(true);
    expect(r.documents.map((d) => d.name)).toEqual(['decision']);
    expect(r.checks.map((c) => c.status)).not.toContain('fail');
  });

  it('the board pack of a month, without writing its history', async () => {
    const history = path.join(dir, 'output', 'board-pack-history');
    const r = await buildPaper({ kind: 'board-pack', month: '2024-03' }, ctx);
    expect(r.ok).toBe(true);
    expect(r.documents.map((d) => d.name)).toEqual(['board-pack-2024-03']);
    expect(fs.existsSync(path.join(history, '2024-03'))).toBe(false);
    expect(r.sources).toContain(path.join(dir, 'data', 'monthly'));
  });
});

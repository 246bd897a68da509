/**
 * An appendix printed inside its report and also written as its own file (the W&F report and its Appendix A)
 * is built and measured once: the two documents share its blocks, their measured items and their XML-safe
 * form, and still differ where they must (heading levels, bookmark ids, running heads). Facts are read
 * from the written files (the DOCX's XML, pdftotext's text of the PDF) and from the plan workbook.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/config/load';
import { prepareReport } from '../../src/pipeline/build-report';
import { renderDocument } from '../../src/pipeline/render-document';
import { appendixDocuments } from '../../src/render/report/report-layout';
import { paginate } from '../../src/render/paginate/paginate';
import type { Block, LayoutDocument, TableBlock } from '../../src/render/layout';
import type { StructNode } from '../../src/render/paginate/page-model';
import { readPlan } from '../../src/model/read-plan';
import { planActions } from '../../src/model/plan';
import { xmlSafeLayout } from '../../src/writers/docx/xml-text';
import { docxTables, normalise } from '../support/table-rows';
import { readPdf } from '../support/pdf';
import { ROOT, tempDir } from '../report/fixtures';

const REPORT = 'data/reports/wf-cabinet-2023-09-12.md';
const config = defaultConfig();

let report: LayoutDocument;
let appendix: LayoutDocument;
/** The same appendix laid out on its own, from an input the report never saw: nothing shared. */
let alone: LayoutDocument;

beforeAll(() => {
  const prepared = prepareReport(REPORT, { config, cwd: ROOT });
  expect(prepared.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  report = prepared.doc!;
  appendix = appendixDocuments(prepared.input!)[0]!.doc;
  alone = appendixDocuments({ ...prepared.input! })[0]!.doc;
});

const landscape = (doc: LayoutDocument) => doc.sections.filter((s) => s.orientation === 'landscape');
const blocksOf = (doc: LayoutDocument) => landscape(doc).flatMap((s) => s.blocks);
const notHeadings = (blocks: Block[]) => blocks.filter((b) => b.kind !== 'heading');

/** Every element under a structure node. */
function elements(n: StructNode, into = new Set<StructNode>()): Set<StructNode> {
  into.add(n);
  for (const c of n.children) elements(c, into);
  return into;
}

function pdfText(pdf: Uint8Array): string {
  const dir = tempDir();
  const file = path.join(dir, 'x.pdf');
  fs.writeFileSync(file, pdf);
  const r = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout;
}

describe('an appendix printed in its report and written as its own file', () => {
  it('is one set of blocks: the own file holds the report copy\'s tables and paragraphs, the very objects', () => {
    const inReport = notHeadings(blocksOf(report));
    const own = notHeadings(blocksOf(appendix)).filter((b) => b.kind !== 'image'); // a council logo leads the own file
    expect(own.length).toBeGreaterThan(10);
    expect(own.length).toBe(inReport.length);
    own.forEach((b, i) => expect(b).toBe(inReport[i]));
  });

  it('keeps its own heading levels, bookmark ids and running head', () => {
    const headings = (doc: LayoutDocument) => blocksOf(doc).filter((b) => b.kind === 'heading');
    const ownHeadings = headings(appendix);
    const reportHeadings = headings(report);
    expect(ownHeadings.map((h) => h.text)).toEqual(reportHeadings.map((h) => h.text));
    expect(ownHeadings[0]).toMatchObject({ level: 1, id: 'plan-appendix-a-childrens-social-care-improvement-and-development' });
    expect(reportHeadings[0]).toMatchObject({ level: 2, id: 'appendix-a-appendix-a-childrens-social-care-improvement-and-development' });
    ownHeadings.forEach((h, i) => expect(h.level).toBe(reportHeadings[i]!.level - 1));
    expect(ownHeadings.every((h) => h.id.startsWith('plan-'))).toBe(true);
    expect(reportHeadings.every((h) => h.id.startsWith('appendix-a-'))).toBe(true);
    expect(ownHeadings.map((h) => h.id.slice('plan-'.length))).toEqual(reportHeadings.map((h) => h.id.slice('appendix-a-'.length)));
    expect(landscape(appendix)[0]!.header.right).toBe('Appendix A');
    expect(landscape(report)[0]!.header.right).toBe('Appendix A');
  });

  it('is the document the appendix builder makes on its own, shared or not', () => {
    expect(appendix).toEqual(alone);
    expect(notHeadings(blocksOf(alone))[2]).not.toBe(notHeadings(blocksOf(report))[2]);
  });

  it('is measured once: the own file is placed from the report\'s measured items and their elements', () => {
    const inReport = elements(paginate(report).root);
    const own = paginate(appendix);
    const tables = own.root.children.filter((n) => n.role === 'Table');
    expect(tables.length).toBe(blocksOf(appendix).filter((b) => b.kind === 'table').length);
    for (const n of own.root.children) expect(inReport.has(n)).toBe(/^H\d$/.test(n.role) ? false : true);
    // Every cell's text on the own file's pages is owned by an element the report's pagination made.
    const owners = own.pages.flatMap((p) => p.boxes.flatMap((b) => (b.kind === 'text' && b.node?.role === 'TD' ? [b.node] : [])));
    expect(owners.length).toBeGreaterThan(100);
    expect(owners.every((n) => inReport.has(n))).toBe(true);
    // Laid out alone, nothing is shared.
    expect(paginate(alone).root.children.some((n) => inReport.has(n))).toBe(false);
  });

  it('measures a block met twice in one document for each place it is in', () => {
    const table = blocksOf(alone).find((b): b is TableBlock => b.kind === 'table')!;
    const twice: LayoutDocument = { ...alone, sections: [{ ...alone.sections[0]!, blocks: [table, table] }] };
    const first = paginate(twice).root.children.filter((n) => n.role === 'Table');
    expect(first.length).toBe(2);
    expect(first[0]).not.toBe(first[1]);
    const again = paginate(twice).root.children.filter((n) => n.role === 'Table');
    expect(again[0]).not.toBe(again[1]);
  });

  it('gives the same DOCX and PDF bytes as the appendix laid out with nothing shared', async () => {
    await renderDocument(report, ['pdf', 'docx']);
    const shared = await renderDocument(appendix, ['pdf', 'docx']);
    const fresh = await renderDocument(alone, ['pdf', 'docx']);
    expect(Buffer.from(shared.docx!).equals(Buffer.from(fresh.docx!))).toBe(true);
    expect(Buffer.from(shared.pdf!).equals(Buffer.from(fresh.pdf!))).toBe(true);
  }, 60000);

  it('is made XML-safe once per shared block, and made safe in both documents', () => {
    const block: Block = { kind: 'paragraph', runs: [{ text: 'Due\u0001 date' }] };
    const one = xmlSafeLayout({ ...alone, sections: [{ ...alone.sections[0]!, blocks: [block] }] }).sections[0]!.blocks[0]!;
    const two = xmlSafeLayout({ ...report, sections: [{ ...report.sections[0]!, blocks: [block] }] }).sections[0]!.blocks[0]!;
    expect(one).toEqual({ kind: 'paragraph', runs: [{ text: 'Due date' }] });
    expect(two).toBe(one);
  });

  it('is whole in both DOCX and both PDF: every action of the plan, once in each copy', async () => {
    const plan = readPlan(path.join(ROOT, 'data/wf-improvement-plan-2023-24.xlsx'), { legend: config.legend }).plan!;
    const actions = [...planActions(plan)].map((a) => a.action);
    expect(actions.length).toBeGreaterThan(50);
    const level: number[] = [];
    for (const doc of [report, appendix]) {
      const rendered = await renderDocument(doc, ['pdf', 'docx']);
      level.push((await readPdf(rendered.pdf!)).outline.find((o) => o.title.startsWith('Appendix A:'))!.level);
      const tables = await docxTables(rendered.docx!);
      // The action tables: the ones headed by the plan's Ref column.
      const rows = tables.filter((t) => t.rows[0]?.header && t.rows[0].text === 'Ref').flatMap((t) => t.rows.filter((r) => !r.header).map((r) => r.text));
      expect(rows.sort()).toEqual(actions.map((a) => a.id ?? 'No ref').sort());
      const text = normalise(pdfText(rendered.pdf!));
      for (const a of actions) expect(text).toContain(normalise(a.text.split('\n')[0]!));
    }
    // Its bookmark one level up in its own file, where it is the document's title.
    expect(level[1]).toBe(level[0]! - 1);
  }, 120000);
});

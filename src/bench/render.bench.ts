import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import type { BenchCase } from './case';
import type { Action, Plan } from '../model/plan';
import { standardLegend } from '../model/standard-legend';
import { defaultConfig } from '../config/load';
import { readPlan } from '../model/read-plan';
import { readReportSource, type ReportFrontMatter, type ReportSource } from '../model/report-source';
import { appendixDocuments, reportDocument } from '../render/report/report-layout';
import { loadTemplates } from '../render/report/templates';
import { planAppendixDocument } from '../render/plan-appendix';
import { renderPdf } from '../writers/pdf';
import { renderDocx } from '../writers/docx';
import type { LayoutDocument } from '../render/layout';

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** The W&F report and its appendix as layout documents, as `cabinet build` makes them. */
function wfDocuments(): LayoutDocument[] {
  const file = path.resolve('data/reports/wf-cabinet-2023-09-12.md');
  const source = readReportSource(file) as ReportSource & { front: ReportFrontMatter };
  const plan = readPlan(path.resolve('data/wf-improvement-plan-2023-24.xlsx')).plan!;
  const input = { source, plans: { plan }, settings: defaultConfig().render, templates: loadTemplates(), created: '2023-09-12T09:00:00.000Z' };
  return [reportDocument(input).doc!, ...appendixDocuments(input).map((a) => a.doc)];
}

/** A plan of n actions across sections of ten themes of ten actions. */
export function generatedPlan(n: number): Plan {
  const statuses = ['Blue', 'Green', 'Amber', 'Red', 'Grey'];
  const action = (i: number): Action => ({
    id: `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
    text: `Action ${i + 1}: review and improve the service with partners, reporting progress to the board`,
    due: { text: 'March 2025', precision: 'month', start: '2025-03-01', date: '2025-03-31' },
    leads: [{ text: 'Senior Manager – Ann Smith', role: 'Senior Manager', name: 'Ann Smith' }],
    leadInherited: false,
    status: { label: statuses[i % 5]!, text: statuses[i % 5]! },
    progress: `Progress note for action ${i + 1}`,
    subItems: [],
    source: { sheet: 'Plan', row: i + 2 },
  });
  const sections = Array.from({ length: Math.ceil(n / 100) }, (_, s) => ({
    code: String.fromCharCode(65 + (s % 26)),
    title: `Section ${s + 1}`,
    strategicLeads: [],
    themes: Array.from({ length: 10 }, (_, t) => ({ number: String(s * 10 + t + 1), title: `Theme ${s * 10 + t + 1}`, actions: Array.from({ length: 10 }, (_, a) => action(s * 100 + t * 10 + a)).filter((_, a) => s * 100 + t * 10 + a < n) })).filter((t) => t.actions.length),
    impact: { kpis: [], quality: [], interdependencies: [] },
  }));
  return { title: 'Generated plan 2024-25', legend: standardLegend(), sections, kpis: [], risks: [], source: { file: 'generated', sheet: 'Plan', headerRow: 1 } };
}

const wf: BenchCase = {
  name: 'W&F report + Appendix A, PDF and DOCX',
  async run() {
    const docs = wfDocuments();
    let pdfMs = 0;
    let docxMs = 0;
    let pages = 0;
    for (const doc of docs) {
      let t = process.hrtime.bigint();
      const pdf = await renderPdf(doc);
      pdfMs += ms(t);
      t = process.hrtime.bigint();
      await renderDocx(doc, pdf.pagination);
      docxMs += ms(t);
      pages += pdf.pagination.pageCount;
    }
    return { pdf_ms: pdfMs.toFixed(0), docx_ms: docxMs.toFixed(0), both_ms: (pdfMs + docxMs).toFixed(0), pages };
  },
};

const big: BenchCase = {
  name: '5,000-action appendix, PDF and DOCX',
  async run() {
    const doc = planAppendixDocument(generatedPlan(5000), { letter: 'A', header: { left: 'Bench' }, settings: defaultConfig().render, created: '2024-01-01T00:00:00Z' });
    let t = process.hrtime.bigint();
    const pdf = await renderPdf(doc);
    const pdfMs = ms(t);
    t = process.hrtime.bigint();
    const docx = await renderDocx(doc, pdf.pagination);
    return { pdf_ms: pdfMs.toFixed(0), docx_ms: ms(t).toFixed(0), pages: pdf.pagination.pageCount, pdf_kb: (pdf.bytes.length / 1024).toFixed(0), docx_kb: (docx.length / 1024).toFixed(0) };
  },
};

/** The route docxtemplater and Carbone users take: DOCX, then LibreOffice to PDF. */
const libreOffice: BenchCase = {
  name: 'LibreOffice DOCX->PDF of the W&F appendix vs ours',
  async run(): Promise<Record<string, string | number>> {
    if (spawnSync('soffice', ['--version']).status !== 0) return { result: 'soffice not installed' };
    const doc = wfDocuments()[1]!;
    let t = process.hrtime.bigint();
    const pdf = await renderPdf(doc);
    const docx = await renderDocx(doc, pdf.pagination);
    const ours = ms(t);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-lo-'));
    fs.writeFileSync(path.join(dir, 'appendix.docx'), docx);
    t = process.hrtime.bigint();
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'appendix.docx')], { stdio: 'ignore' });
    const lo = ms(t);
    return { ours_ms: ours.toFixed(0), libreoffice_ms: lo.toFixed(0), ratio: `${(lo / ours).toFixed(1)}x` };
  },
};

export const cases: BenchCase[] = [wf, big, libreOffice];

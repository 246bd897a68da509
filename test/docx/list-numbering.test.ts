/**
 * Each ordered list counts from 1 in the DOCX as in the PDF: a decision record whose narrative has an
 * ordered list (and a nested one) before RESOLVED numbers its resolutions 1., 2., 3. in both. The DOCX
 * numbers are read twice: by replaying Word's counting over the XML (each w:num its own counters, started
 * by its startOverride) and, where soffice is installed, from LibreOffice's PDF of the DOCX.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { buildSource } from '../../src/pipeline/build-source';
import { defaultConfig } from '../../src/config/load';
import { readPdf } from '../support/pdf';
import { convertWithLibreOffice, soffice } from '../support/libreoffice';
import { tempDir } from '../report/fixtures';
import { W } from '../support/xml';

const BODY = ['Officers set out the steps.', '', '1. First step', '2. Second step', '   1. Step detail', '3. Third step', '', 'Members then asked questions.', ''].join('\n');
const RESOLVED = ['Note the report.', 'Approve the plan.', 'Review it in July.'];
// Counted by hand from the source above.
const EXPECTED = ['1. First step', '2. Second step', 'a. Step detail', '3. Third step', '1. Note the report.', '2. Approve the plan.', '3. Review it in July.'];

const all = (d: Element | import('@xmldom/xmldom').Document, name: string) => Array.from(d.getElementsByTagNameNS(W, name));
const wval = (el: Element | undefined, attr = 'val') => el?.getAttributeNS(W, attr) ?? '';

/** Word's counting over the numbered paragraphs: counters per w:num, deeper levels restart under a shallower one. */
function wordNumbers(documentXml: string, numberingXml: string): string[] {
  const body = new DOMParser().parseFromString(documentXml, 'text/xml');
  const numbering = new DOMParser().parseFromString(numberingXml, 'text/xml');
  const counters = new Map<string, number[]>();
  const out: string[] = [];
  for (const p of all(body, 'p')) {
    const numPr = all(p, 'numPr')[0];
    if (!numPr) continue;
    const numId = wval(all(numPr, 'numId')[0]);
    const ilvl = Number(wval(all(numPr, 'ilvl')[0]));
    const num = all(numbering, 'num').find((n) => wval(n, 'numId') === numId)!;
    const abstract = all(numbering, 'abstractNum').find((a) => wval(a, 'abstractNumId') === wval(all(num, 'abstractNumId')[0]))!;
    const lvl = (i: number) => all(abstract, 'lvl').find((l) => wval(l, 'ilvl') === String(i))!;
    const override = (i: number) => all(num, 'lvlOverride').find((o) => wval(o, 'ilvl') === String(i));
    const start = (i: number) => Number(wval(all(override(i) ?? lvl(i), 'startOverride')[0]) || wval(all(lvl(i), 'start')[0]) || 1);
    const c = counters.get(numId) ?? [];
    c.length = ilvl + 1;
    c[ilvl] = c[ilvl] === undefined ? start(ilvl) : c[ilvl] + 1;
    counters.set(numId, c);
    const format = (i: number) => {
      const n = c[i] ?? start(i);
      const f = wval(all(lvl(i), 'numFmt')[0]);
      return f === 'lowerLetter' ? String.fromCharCode(96 + n) : f === 'bullet' ? '' : String(n);
    };
    if (wval(all(lvl(ilvl), 'numFmt')[0]) === 'bullet') continue;
    const label = wval(all(lvl(ilvl), 'lvlText')[0]).replace(/%(\d)/g, (_, d: string) => format(Number(d) - 1));
    out.push(`${label} ${all(p, 't').map((t) => t.textContent).join('')}`);
  }
  return out;
}

/** The list lines of a PDF's text, in order. */
const listLines = (text: string) => text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => EXPECTED.some((e) => l === e || l.endsWith(e.slice(e.indexOf(' ') + 1)) && /^[0-9a-z]+\. /.test(l)));

let dir: string;
let docxFile: string;
let pdfText: string;

beforeAll(async () => {
  dir = tempDir();
  const file = path.join(dir, 'decision.md');
  fs.writeFileSync(file, `---\ntype: decision\ndecisionMaker: Cabinet\nmeeting: { date: 2026-04-14 }\ntitle: Lists\nresolved: [${RESOLVED.map((r) => JSON.stringify(r)).join(', ')}]\nreasons: Order.\npublished: 2026-04-15\n---\n${BODY}`);
  const r = await buildSource(file, { config: defaultConfig(), outDir: path.join(dir, 'out'), cwd: dir, formats: ['pdf', 'docx'] });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  docxFile = path.join(r.outputDir!, 'decision.docx');
  pdfText = (await readPdf(fs.readFileSync(path.join(r.outputDir!, 'decision.pdf')))).text;
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('ordered lists in the DOCX', () => {
  it('number as the PDF does: each list from 1', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(docxFile));
    const numbers = wordNumbers(await zip.file('word/document.xml')!.async('string'), await zip.file('word/numbering.xml')!.async('string'));
    expect(numbers.filter((n) => EXPECTED.includes(n))).toEqual(EXPECTED);
    expect(listLines(pdfText)).toEqual(EXPECTED);
  });

  const bin = soffice();
  (bin ? it : it.skip)('number so in LibreOffice\'s rendering of the DOCX', async () => {
    const [pdf] = convertWithLibreOffice(bin!, [docxFile], path.join(dir, 'lo'));
    const text = (await readPdf(fs.readFileSync(pdf!))).text;
    expect(listLines(text)).toEqual(EXPECTED);
  }, 240_000);
  if (!bin) it('skips LibreOffice: soffice is not installed', () => console.log('skipped: soffice (LibreOffice) is not installed'));
});

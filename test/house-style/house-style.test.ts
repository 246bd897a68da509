import * as fs from 'node:fs';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { buildReport } from '../../src/pipeline/build-report';
import { buildSource } from '../../src/pipeline/build-source';
import { defaultConfig } from '../../src/config/load';
import { contrastRatio } from '../../src/render/contrast';
import { fitColumns } from '../../src/render/column-widths';
import { readDocx, type DocxRead } from '../support/docx';
import { readPdf } from '../support/pdf';
import { cabinet } from '../support/cli';
import { ROOT, reportFile, tempDir } from '../report/fixtures';

/** A 300 x 150 pixel PNG, all one colour: 225 x 112.5 points at 96 dpi. */
function png(file: string): void {
  const image = new PNG({ width: 300, height: 150 });
  image.data.fill(0x80);
  fs.writeFileSync(file, PNG.sync.write(image));
}

const noPlan = { workbooks: '', appendices: '' };
const drawings = (xml: string) => [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]);

async function build(dir: string, body: string, settings: (c: ReturnType<typeof defaultConfig>) => void = () => {}, formats: ('pdf' | 'docx')[] = ['pdf', 'docx']) {
  const config = defaultConfig();
  settings(config);
  const r = await buildReport(reportFile(dir, noPlan, body), { config, outDir: path.join(dir, 'out'), cwd: dir, formats });
  const read = async (f: string) => (r.outputDir && fs.existsSync(path.join(r.outputDir, f)) ? fs.readFileSync(path.join(r.outputDir, f)) : undefined);
  const docxBytes = await read('report.docx');
  const pdfBytes = await read('report.pdf');
  return { r, docx: docxBytes ? await readDocx(docxBytes) : undefined, pdf: pdfBytes ? await readPdf(pdfBytes) : undefined, pdfBytes };
}

describe('house style from settings: logo, brand colour, page size', () => {
  let dir: string;
  let docx: DocxRead;
  let out: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    dir = tempDir();
    png(path.join(dir, 'logo.png'));
    out = await build(dir, '## Summary\n\nText.\n\n| Ref | Status |\n| --- | --- |\n| 1 | Done |\n', (c) => {
      c.render.logo = { path: 'logo.png', alt: 'Testshire County Council logo' };
      c.render.brandColour = '#6A1B9A';
      c.render.pageSize = 'Letter';
    });
    docx = out.docx!;
  }, 60000);

  it('puts the logo with its alt text at the top of the front sheet and in the running header', () => {
    expect(drawings(docx.documentXml)[0]).toBe('Testshire County Council logo');
    // Before the council name and title: the first paragraph of the body holds the drawing.
    expect(docx.documentXml.indexOf('<w:drawing>')).toBeLessThan(docx.documentXml.indexOf('Test report'));
    expect(docx.headers.length).toBeGreaterThan(0);
    for (const header of docx.headers) expect(drawings(header)).toEqual(['Testshire County Council logo']);
    // 300 x 150 px fits the 110 x 26pt header box at 26pt high: 52 x 26pt, which Word gets in whole pixels
    // at 96 dpi (69 x 35 px = 657225 x 333375 EMU).
    expect(docx.headers[0]).toMatch(/<wp:extent cx="657225" cy="333375"\/>/);
  });

  it('colours headings and table header rows with the brand colour', () => {
    expect(docx.stylesXml).toMatch(/<w:style [^>]*w:styleId="Heading2"[\s\S]*?<w:color w:val="6A1B9A"\/>/);
    // #6A1B9A with white text is 9.4:1, so the header row keeps the brand colour itself.
    expect(docx.documentXml).toMatch(/<w:tblHeader\/>[\s\S]*?w:fill="6A1B9A"[\s\S]*?<w:color w:val="FFFFFF"\/>[\s\S]*?Ref/);
  });

  it('sets the page size in both formats (Letter: 612 x 792 points, 12240 x 15840 twips)', () => {
    expect(out.pdf!.sizes[0]).toEqual([612, 792]);
    expect(docx.documentXml).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
  });

  it('draws the logo in the PDF too', () => {
    expect(Buffer.from(out.pdfBytes!).toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
  });
});

describe('an SVG logo (the Rivermouth sample)', () => {
  it('goes into the Word header as SVG with a PNG fallback, 240 x 64 px shown at 26pt high', async () => {
    const dir = tempDir();
    const { docx } = await build(dir, '## Summary\n\nText.\n', (c) => (c.render.logo = { path: path.join(ROOT, 'data/councils/rivermouth/logo.svg'), alt: 'Rivermouth Borough Council logo' }), ['docx']);
    expect(drawings(docx!.headers[0]!)).toEqual(['Rivermouth Borough Council logo']);
    expect(docx!.headers[0]).toContain('asvg:svgBlip');
    expect(docx!.files.filter((f) => f.startsWith('word/media/')).map((f) => path.extname(f)).sort()).toEqual(['.png', '.svg']);
    // 240 x 64 px = 180 x 48pt, fitted to 26pt high: 97.5 x 26pt = 130 x 35 px (whole pixels) = 1238250 x 333375 EMU.
    expect(docx!.headers[0]).toMatch(/<wp:extent cx="1238250" cy="333375"\/>/);
  }, 60000);
});

describe('brand colours that would be hard to read', () => {
  it('darkens a light brand colour to 4.5:1 and warns naming it', async () => {
    const dir = tempDir();
    const { r, docx } = await build(dir, '## Summary\n\n| Ref | Complete |\n| --- | --- |\n| 1 | Yes |\n', (c) => (c.render.brandColour = '#FFC000'), ['docx']);
    const warnings = r.diagnostics.filter((d) => d.code === 'brand-colour-contrast');
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^render\.brandColour #FFC000 on white has contrast 1\.\d:1, below 4\.5:1: headings use #[0-9A-F]{6} instead$/),
    ]);
    const used = warnings[0]!.message.match(/headings use (#[0-9A-F]{6})/)![1]!;
    expect(contrastRatio(used, '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
    expect(docx!.stylesXml).toContain(`<w:color w:val="${used.slice(1)}"/>`);
    // The amber fill itself reads well enough with black text (12.8:1), so table headers keep it.
    expect(docx!.documentXml).toContain('w:fill="FFC000"');
  }, 60000);
});

describe('an unreadable logo', () => {
  it('stops every command with exit 2, naming the setting', () => {
    const dir = tempDir();
    const settings = path.join(dir, 'settings.yaml');
    fs.writeFileSync(path.join(dir, 'not-an-image.png'), 'hello');
    for (const [logo, reason] of [['missing.png', 'file not found'], [path.join(dir, 'not-an-image.png'), 'is not a PNG, JPEG or SVG image']] as const) {
      fs.writeFileSync(settings, `render:\n  logo: { path: ${JSON.stringify(logo)}, alt: Logo }\n`);
      const r = cabinet(['build', 'data/reports/wf-cabinet-2023-09-12.md', '--config', settings, '--out', path.join(dir, 'out')]);
      expect(r.code).toBe(2);
      expect(r.stdout + r.stderr).toContain('render.logo.path');
      expect(r.stdout + r.stderr).toContain(reason);
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    // The agenda and the board pack stop the same way, before anything is written.
    fs.writeFileSync(settings, `render:\n  logo: { path: missing.svg, alt: Logo }\nboardPack:\n  historyDir: ${JSON.stringify(path.join(dir, 'history'))}\n`);
    for (const args of [['agenda', 'data/meetings/cabinet-2023-09-12.yaml'], ['board-pack', '--month', '2024-03', 'data/monthly/2024-03/wf-improvement-plan.xlsx']]) {
      const r = cabinet([...args, '--config', settings, '--out', path.join(dir, 'out')]);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stdout + r.stderr).toContain('render.logo.path: "missing.svg" file not found');
    }
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'history'))).toBe(false);
  }, 120000);
});

describe('Markdown images as figures', () => {
  it('makes a figure with alt text and a numbered caption, sized to its file', async () => {
    const dir = tempDir();
    png(path.join(dir, 'chart.png'));
    const { r, docx, pdf } = await build(dir, '## Summary\n\nSee the chart.\n\n![Bar chart: 12 actions complete, 3 late](chart.png "Actions by status")\n');
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(drawings(docx!.documentXml)).toEqual(['Bar chart: 12 actions complete, 3 late']);
    // 300 x 150 px = 225 x 112.5pt = 2857500 x 1428750 EMU.
    expect(docx!.documentXml).toMatch(/<wp:extent cx="2857500" cy="1428750"\/>/);
    expect(docx!.paragraphs).toContainEqual({ style: 'Note', text: 'Figure 1: Actions by status' });
    expect(pdf!.text).toContain('Figure 1: Actions by status');
    // The alt text is not printed as body text (it was, as a numbered paragraph, before).
    expect(docx!.text).not.toContain('Bar chart: 12 actions complete');
  }, 60000);

  it('warns about an image without alt text, at its line, and still builds', async () => {
    const dir = tempDir();
    png(path.join(dir, 'chart.png'));
    const { r, docx } = await build(dir, '## Summary\n\nText.\n\n![](chart.png)\n', undefined, ['docx']);
    const file = path.join(dir, 'report.md');
    const line = fs.readFileSync(file, 'utf8').split('\n').indexOf('![](chart.png)') + 1;
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'image-without-alt', line, file })]);
    expect(docx!.paragraphs).toContainEqual({ style: 'Note', text: 'Figure 1' });
  }, 60000);

  it('stops on a missing image file with an error at its line', async () => {
    const dir = tempDir();
    const { r } = await build(dir, '## Summary\n\nText.\n\n![A map of the wards](maps/wards.png)\n');
    const file = path.join(dir, 'report.md');
    const line = fs.readFileSync(file, 'utf8').split('\n').indexOf('![A map of the wards](maps/wards.png)') + 1;
    expect(r.files).toEqual([]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'image-unreadable', line, file })]);
    expect(r.diagnostics[0]!.message).toContain('maps/wards.png');
    expect(r.diagnostics[0]!.message).toContain('file not found');
  }, 60000);
});

describe('figures in a decision record', () => {
  it('are figures as in a report, and a missing one stops the build at its line', async () => {
    const dir = tempDir();
    png(path.join(dir, 'map.png'));
    const record = (img: string) => `---\ntype: decision\ndecisionMaker: Cabinet\nmeeting: { date: 2026-04-14 }\ntitle: Item\nresolved: [Approve.]\nreasons: R\npublished: 2026-04-15\n---\nThe area:\n\n${img}\n`;
    fs.writeFileSync(path.join(dir, 'd.md'), record('![Map of the two wards affected](map.png "Wards affected")'));
    const ok = await buildSource(path.join(dir, 'd.md'), { config: defaultConfig(), outDir: path.join(dir, 'out'), cwd: dir, formats: ['docx'] });
    const docx = await readDocx(fs.readFileSync(path.join(ok.outputDir!, 'decision.docx')));
    expect(drawings(docx.documentXml)).toEqual(['Map of the two wards affected']);
    expect(docx.paragraphs).toContainEqual({ style: 'Note', text: 'Figure 1: Wards affected' });
    fs.writeFileSync(path.join(dir, 'e.md'), record('![Map](nowhere.png)'));
    const bad = await buildSource(path.join(dir, 'e.md'), { config: defaultConfig(), outDir: path.join(dir, 'out2'), cwd: dir, formats: ['docx'] });
    // Line 12: front matter on lines 1-9 (with its --- lines), "The area:" on 10, a blank line, then the image.
    expect(bad.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'image-unreadable', line: 12 })]);
    expect(bad.files).toEqual([]);
  }, 60000);
});

describe('table columns wide enough for their header words', () => {
  it('gives "Complete" at 11pt bold its 50.1pt plus cell margins (hand-counted from Arial Bold widths)', () => {
    // C 722 + o 611 + m 889 + p 611 + l 278 + e 556 + t 333 + e 556 = 4556/1000 em x 11pt = 50.1pt; + 13.8pt margins.
    const table = {
      kind: 'table' as const, role: 'data' as const, summary: 's',
      columns: [{ header: 'Section', width: 4 }, ...['Red', 'Amber', 'Green', 'Complete'].map((h) => ({ header: h, width: 0.5 })), { header: 'Total', width: 1 }],
      rows: [],
    };
    const widths = fitColumns(table, 483, 11);
    expect(widths[4]).toBeGreaterThanOrEqual(63.9);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(483, 0);
    // The wide column gives up what the narrow ones need; proportions otherwise kept.
    expect(widths[0]).toBeGreaterThan(widths[5]!);
  });

  it('keeps short cell words (references, dates) whole too, but lets prose wrap', () => {
    // "30/04/2024" in bold 11pt: 8 digits x 556 + 2 slashes x 278 = 5004/1000 em = 55.0pt; + 13.8pt margins.
    const table = {
      kind: 'table' as const, role: 'data' as const, summary: 's',
      columns: [{ header: 'Ref', width: 0.3 }, { header: 'Action', width: 8 }, { header: 'Due', width: 0.3 }],
      rows: [[{ runs: [{ text: 'RB3.1' }] }, { runs: [{ text: 'Respond to every recommendation of the peer challenge' }] }, { runs: [{ text: '30/04/2024' }] }]],
    };
    const widths = fitColumns(table, 483, 11);
    expect(widths[2]).toBeGreaterThanOrEqual(68.8);
    // "RB3.1": R 722 + B 722 + 3 556 + . 278 + 1 556 = 2834/1000 em x 11 = 31.2pt; + 13.8pt.
    expect(widths[0]).toBeGreaterThanOrEqual(45);
    expect(widths[1]).toBeGreaterThan(300);
    // A short value stays on one line: "11 (65%)" = 1 1 space ( 6 5 % ) = 556+556+278+333+556+556+889+333 = 4057 -> 44.6pt + 13.8pt.
    const counts = { ...table, columns: [{ header: 'Section', width: 6 }, { header: 'Blue', width: 0.5 }], rows: [[{ runs: [{ text: 'A. Impact of leaders' }] }, { runs: [{ text: '11 (65%)' }] }]] };
    expect(fitColumns(counts, 483, 11)[1]).toBeGreaterThanOrEqual(58.4);
  });

  it('keeps the Shropshire summary\'s "Complete" header whole in the DOCX', async () => {
    const r = await buildReport(path.join(ROOT, 'data/reports/shropshire-cabinet-2024-03-13.md'), { config: defaultConfig(), outDir: tempDir(), cwd: ROOT, formats: ['docx'] });
    const docx = await readDocx(fs.readFileSync(path.join(r.outputDir!, 'report.docx')));
    const summary = docx.documentXml.split('<w:tbl>').find((t) => t.includes('>Complete<') && t.includes('>Amber<'))!;
    const header = summary.split('</w:tr>')[0]!;
    const cells = [...header.matchAll(/<w:tc>[\s\S]*?<w:tcW w:type="dxa" w:w="(\d+)"\/>[\s\S]*?<\/w:tc>/g)].map((m) => ({ width: Number(m[1]), text: m[0].replace(/<[^>]+>/g, '') }));
    const complete = cells.find((c) => c.text === 'Complete')!;
    expect(complete.width).toBeGreaterThanOrEqual(1278);
  }, 60000);
});

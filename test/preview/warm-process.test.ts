import * as fs from 'node:fs';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { startPreview, type RunningPreview } from '../../src/preview/preview';
import { privateOutDir } from '../../src/pipeline/build-context';
import type { Snapshot } from '../../src/preview/session';
import { readPdf } from '../support/pdf';
import { saveLikeAnEditor, wfFolder } from './fixture';

const FONTS = '/usr/share/fonts/truetype/croscore';

function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const p = new PNG({ width, height, colorType: 2 });
  for (let i = 0; i < width * height; i++) p.data.set([...rgb, 255], i * 4);
  return PNG.sync.write(p, { colorType: 2 });
}

/** The next build the running preview completes (PDF, DOCX and checks). */
function nextBuild(preview: RunningPreview): Promise<Snapshot> {
  return new Promise((resolve) => {
    const stop = preview.session.onBuild((s) => {
      if (s.complete) {
        stop();
        resolve(s);
      }
    });
  });
}

const reportPdf = (s: Snapshot) => Buffer.from(s.build.documents.find((d) => d.name === 'report')!.pdf!);
/** Each image's /Width and /Height in the PDF's image objects. */
const imageSizes = (pdf: Buffer) => [...pdf.toString('latin1').matchAll(/\/Subtype \/Image[^>]*?\/Width (\d+)[^>]*?\/Height (\d+)|\/Height (\d+)[^>]*?\/Subtype \/Image[^>]*?\/Width (\d+)/g)].map((m) => (m[1] ? `${m[1]}x${m[2]}` : `${m[4]}x${m[3]}`));

const haveFonts = fs.existsSync(path.join(FONTS, 'Tinos-Regular.ttf')) && fs.existsSync(path.join(FONTS, 'Cousine-Regular.ttf'));
if (!haveFonts) console.warn('SKIPPED (font part): fonts-croscore is not installed (apt-get install -y fonts-croscore)');

describe('a warm preview process stays right: templates, logo and fonts are read again after an edit', () => {
  jest.setTimeout(120000);
  const wf = wfFolder();
  const council = path.join(wf.dir, 'council-templates');
  const settings = path.join(wf.dir, 'data', 'cabinet.config.yaml');
  let preview: RunningPreview;

  beforeAll(async () => {
    fs.mkdirSync(council);
    fs.copyFileSync(path.join(__dirname, '..', '..', 'templates', 'report.yaml'), path.join(council, 'report.yaml'));
    fs.writeFileSync(path.join(wf.dir, 'logo.png'), png(120, 40, [200, 0, 0]));
    if (haveFonts) fs.copyFileSync(path.join(FONTS, 'Tinos-Regular.ttf'), path.join(wf.dir, 'council.ttf'));
    // The logo and font paths are relative to the folder cabinet runs in, which is not this process's.
    const extra = `  logo: { path: logo.png, alt: Council logo }\n${haveFonts ? '  fontFiles: { regular: council.ttf }\n' : ''}`;
    fs.writeFileSync(settings, fs.readFileSync(settings, 'utf8').replace(/^render:\n/m, `render:\n${extra}`));
    preview = await startPreview({ kind: 'report', file: wf.report }, { cwd: wf.dir, templatesDir: 'council-templates', outDir: privateOutDir('cabinet-preview-warm-'), formats: ['pdf', 'docx'] }, { host: '127.0.0.1', port: 0 }, { watch: { debounceMs: 100 } });
    if (!preview.session.current?.complete) await nextBuild(preview);
  });
  afterAll(() => preview?.close());

  it('starts with the council template, logo and font', async () => {
    const s = preview.session.current!;
    expect(s.build.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const pdf = reportPdf(s);
    expect((await readPdf(pdf)).text).toContain('Cabinet – 12 September 2023');
    expect((await readPdf(pdf)).text).not.toContain('Quokka');
    expect(imageSizes(pdf)).toContain('120x40');
    if (haveFonts) expect((await readPdf(pdf)).fonts).toContain('Tinos');
  });

  it('an edited template: the new wording', async () => {
    const file = path.join(council, 'report.yaml');
    const built = nextBuild(preview);
    // The running header's wording, which every page after the first carries.
    saveLikeAnEditor(file, fs.readFileSync(file, 'utf8').replace(/^runningHeader: "/m, 'runningHeader: "Quokka '));
    const text = (await readPdf(reportPdf(await built))).text;
    expect(text).toContain('Quokka Cabinet – 12 September 2023');
  });

  it('a replaced logo: the new picture', async () => {
    const built = nextBuild(preview);
    saveLikeAnEditor(path.join(wf.dir, 'logo.png'), png(90, 60, [0, 0, 200]));
    const sizes = imageSizes(reportPdf(await built));
    expect(sizes).toContain('90x60');
    expect(sizes).not.toContain('120x40');
  });

  (haveFonts ? it : it.skip)('a replaced font file: text set in the new font', async () => {
    const built = nextBuild(preview);
    saveLikeAnEditor(path.join(wf.dir, 'council.ttf'), fs.readFileSync(path.join(FONTS, 'Cousine-Regular.ttf')));
    const fonts = (await readPdf(reportPdf(await built))).fonts;
    expect(fonts).toContain('Cousine');
    expect(fonts).not.toContain('Tinos');
  });

  it('a deleted logo is the unreadable-file message naming the setting; it recovers when the file is back', async () => {
    const logo = path.join(wf.dir, 'logo.png');
    const bytes = fs.readFileSync(logo);
    let built = nextBuild(preview);
    fs.rmSync(logo);
    const failed = await built;
    expect(failed.build.ok).toBe(false);
    expect(failed.build.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', code: 'unreadable', file: 'render.logo.path', message: expect.stringContaining('"logo.png"') }));
    // The last good pages are kept.
    expect(preview.session.lastGood!.build.documents.length).toBe(2);
    built = nextBuild(preview);
    fs.writeFileSync(logo, bytes);
    expect((await built).build.ok).toBe(true);
  });
});

import { openWordTemplate } from '../../src/readers/word-template/package';
import { readTemplateLook } from '../../src/readers/word-template/look';
import type { TemplateLook } from '../../src/readers/word-template/types';
import { fontChoice } from '../../src/render/fonts/substitutes';
import { templateFontWarnings } from '../../src/render/paginate/font-book';
import { paragraphFormats } from '../../src/render/paginate/formats';
import { withWordTemplate } from '../../src/render/paginate/template-style';
import { paginate } from '../../src/render/paginate/paginate';
import { drawPdf } from '../../src/writers/pdf/render-pdf';
import { heading, layoutDocument, para } from '../support/layout-fixtures';
import { templateFile } from './councils';
import { pdfRuns } from './pdf-runs';

describe('fonts a template names', () => {
  it('are set in their metric-compatible twins', () => {
    expect(fontChoice('Arial', false)).toEqual({ family: 'arimo' });
    expect(fontChoice('Calibri', false)).toEqual({ family: 'carlito' });
    expect(fontChoice('Cambria', false)).toEqual({ family: 'caladea' });
    expect(fontChoice('Times New Roman', false)).toEqual({ family: 'tinos' });
    expect(fontChoice('Courier New', true)).toEqual({ family: 'cousine' });
  });

  it('without a twin use render.fontFiles, or else warn naming the font and what it is set in', () => {
    expect(fontChoice('Gill Sans MT', true)).toEqual({});
    const sans = fontChoice('Gill Sans MT', false, 'swiss');
    expect(sans.family).toBe('arimo');
    expect(sans.warning).toMatch(/"Gill Sans MT".*set in Arimo/);
    expect(fontChoice('Garamond', false, 'roman').warning).toMatch(/"Garamond".*set in Tinos/);
  });
});

function eastshire(change: (look: TemplateLook) => void) {
  const look = readTemplateLook(openWordTemplate(templateFile('eastshire')));
  change(look);
  const doc = layoutDocument([{ orientation: 'portrait', header: {}, blocks: [heading('Summary', 'summary', 2), para('Body text.')] }]);
  return { ...doc, style: withWordTemplate(doc.style, look) };
}

it('draws a Cambria heading in Caladea beside Calibri body text in Carlito', async () => {
  const doc = eastshire((look) => {
    look.styles.byId.Heading2!.run.font = 'Cambria';
  });
  const { runs } = await pdfRuns(await drawPdf(doc, paginate(doc)));
  expect(runs.find((r) => r.text === 'Summary')!.font).toBe('Caladea-Bold');
  expect(runs.find((r) => r.text === 'Body text.')!.font).toBe('Carlito-Regular');
  expect(templateFontWarnings(doc.style, paragraphFormats(doc.style))).toEqual([]);
});

it('warns once about a template font with no twin and no font files, and sets it in the substitute', async () => {
  const doc = eastshire((look) => {
    for (const s of Object.values(look.styles.byId)) if (s.run.font === 'Calibri') s.run.font = 'Gill Sans MT';
    look.styles.fontFamilies['Gill Sans MT'] = 'swiss';
  });
  expect(templateFontWarnings(doc.style, paragraphFormats(doc.style))).toEqual([expect.stringMatching(/"Gill Sans MT".*render\.fontFiles.*Arimo/)]);
  const { runs } = await pdfRuns(await drawPdf(doc, paginate(doc)));
  expect(runs.find((r) => r.text === 'Body text.')!.font).toBe('Arimo-Regular');
});

it('keeps our formats for kinds the template has no style for, in the template\'s body font and size', () => {
  const doc = eastshire(() => undefined);
  const f = paragraphFormats(doc.style);
  // The Eastshire template has no TOC or table styles: ours, in Calibri 11pt.
  expect(f.toc1).toMatchObject({ font: 'Calibri', size: 11 });
  expect(f.tableText).toMatchObject({ font: 'Calibri', size: 11, after: 0 });
  expect(f.lead).toMatchObject({ font: 'Calibri', size: 11, face: 'bold' });
  // And the template's own where it has them.
  expect(f.caption).toMatchObject({ font: 'Calibri', size: 11, face: 'italic', colour: '#404040', before: 4, after: 8 });
  expect(f.h1).toMatchObject({ size: 16, face: 'bold', colour: '#1F4E79', before: 18, after: 4, keepNext: true });
});

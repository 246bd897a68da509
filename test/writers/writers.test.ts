import { renderDocument } from '../../src/pipeline/render-document';
import { sampleDocument } from '../support/layout-fixtures';
import { readDocx, type DocxRead } from '../support/docx';
import { readPdf, type PdfRead } from '../support/pdf';

let pdf: PdfRead;
let docx: DocxRead;
let pagination: Awaited<ReturnType<typeof renderDocument>>['pagination'];
let bytes: Awaited<ReturnType<typeof renderDocument>>;

beforeAll(async () => {
  bytes = await renderDocument(sampleDocument(), ['pdf', 'docx']);
  pagination = bytes.pagination;
  pdf = await readPdf(bytes.pdf!);
  docx = await readDocx(bytes.docx!);
});

const squash = (s: string) => s.replace(/\s+/g, '');

describe('PDF writer', () => {
  it('carries title, language, the title in the title bar, and embedded Arimo', () => {
    expect(pdf.info.Title).toBe('Test document');
    expect(pdf.info.Author).toBe('Test Author');
    expect(pdf.lang).toBe('en-GB');
    expect(pdf.displayDocTitle).toBe(true);
    expect(pdf.fonts).toEqual(expect.arrayContaining(['Arimo-Regular', 'Arimo-Bold']));
  });

  it('has bookmarks that follow the headings and their levels', () => {
    expect(pdf.outline).toEqual([
      { title: 'Test report', level: 1 },
      { title: '1. Executive Summary', level: 2 },
      { title: '2. Recommendations', level: 2 },
      { title: 'Appendix A: Action plan', level: 2 },
    ]);
  });

  it('prints numbered paragraphs with their numbers, in order', () => {
    expect(pdf.pages[0]).toMatch(/1\. Executive Summary[\s\S]*1\.1 First paragraph[\s\S]*1\.2 Second[\s\S]*2\. Recommendations[\s\S]*2\.1 Approve the plan\./);
  });

  it('lists the contents with the page each heading starts on', () => {
    expect(pagination!.headingPages).toEqual({ title: 1, 'executive-summary': 1, recommendations: 1, 'appendix-a': 2 });
    // Entries may have dot leaders before their page number, as the DOCX's contents do.
    expect(pdf.pages[0]!.replace(/ ?\.{3,} ?/g, ' ')).toContain('Appendix A: Action plan 2');
  });

  it('turns landscape sections sideways and repeats the table header on every page of a long table', () => {
    expect(pdf.sizes[0]).toEqual([595, 842]);
    const appendixPages = pdf.pages.slice(1);
    expect(appendixPages.length).toBeGreaterThan(1);
    pdf.sizes.slice(1).forEach((s) => expect(s).toEqual([842, 595]));
    appendixPages.forEach((p) => expect(p).toContain('Ref Action Status'));
  });

  it('prints the exempt marking on every page of an exempt section only, and Page X of Y on every page', () => {
    expect(pdf.pages[0]).not.toContain('NOT FOR PUBLICATION');
    pdf.pages.slice(1).forEach((p) => expect(p).toContain('NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1 of Schedule 12A'));
    pdf.pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pdf.pageCount}`));
  });

  it('keeps markup-looking text literal', () => {
    expect(squash(pdf.text)).toContain(squash('{{constructor}} and <b>x</b> and **x** kept literally'));
  });

  it('gives the same bytes twice', async () => {
    const again = await renderDocument(sampleDocument(), ['pdf']);
    expect(Buffer.compare(Buffer.from(again.pdf!), Buffer.from(bytes.pdf!))).toBe(0);
  });
});

describe('DOCX writer', () => {
  it('uses real heading styles with bookmarks', () => {
    const headings = docx.paragraphs.filter((p) => p.style?.startsWith('Heading'));
    // Numbered headings get their number from Word numbering, not from their text.
    expect(headings.map((h) => `${h.style}: ${h.text}`)).toEqual([
      'Heading1: Test report',
      'Heading2: Executive Summary',
      'Heading2: Recommendations',
      'Heading2: Appendix A: Action plan',
    ]);
    expect(docx.documentXml).toMatch(/<w:bookmarkStart w:name="_Toc4_appendix_a"/);
  });

  it('pre-fills a real TOC field with the page numbers, and asks Word for no update', () => {
    // The instruction as Word reads it: the quotes may be written as &quot;.
    expect(docx.documentXml.replace(/&quot;/g, '"')).toContain('TOC \\o "1-2" \\h \\z \\u');
    const toc = docx.paragraphs.filter((p) => p.style?.startsWith('TOC') && p.style !== 'TOCHeading').map((p) => p.text);
    expect(toc).toEqual(['Test report\t1', '1. Executive Summary\t1', '2. Recommendations\t1', 'Appendix A: Action plan\t2']);
    expect(docx.documentXml).not.toContain('w:dirty');
    expect(docx.documentXml).toMatch(/<w:hyperlink [^>]*w:anchor="_Toc4_appendix_a"/);
  });

  it('uses Word numbering that reproduces the layout numbers', () => {
    // Replay Word's counting: each numbered paragraph advances its level and resets the deeper ones.
    const sequence = [...docx.documentXml.matchAll(/<w:numPr><w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/g)].map((m) => Number(m[1]));
    const ours = docx.numberingXml.match(/<w:abstractNum [^>]*>(?:(?!<\/w:abstractNum>)[\s\S])*%1\.%2[\s\S]*?<\/w:abstractNum>/)![0];
    const lvlText = [...ours.matchAll(/<w:lvlText w:val="([^"]+)"\/>/g)].slice(0, 2).map((m) => m[1]);
    expect(lvlText).toEqual(['%1.', '%1.%2']);
    const counters = [0, 0];
    const numbers = sequence.slice(0, 5).map((level) => {
      counters[level]!++;
      if (level === 0) counters[1] = 0;
      return lvlText[level]!.replace('%1', String(counters[0])).replace('%2', String(counters[1]));
    });
    expect(numbers).toEqual(['1.', '1.1', '1.2', '2.', '2.1']);
  });

  it('marks table header rows to repeat, rows not to split, and describes the table', () => {
    expect(docx.documentXml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(docx.documentXml.match(/<w:cantSplit\/>/g)).toHaveLength(61);
    expect(docx.documentXml).toContain('<w:tblCaption w:val="Actions with their status"/>');
    expect(docx.tables[0]![0]).toEqual(['Ref', 'Action', 'Status']);
    expect(docx.documentXml).toMatch(/<w:shd [^>]*w:fill="C00000"/);
  });

  it('has a landscape section with its own header and the exempt marking, and Page X of Y fields', () => {
    expect(docx.documentXml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(docx.headers.some((h) => h.includes('NOT FOR PUBLICATION'))).toBe(true);
    expect(docx.headers.some((h) => h.includes('Agenda Item 7') && !h.includes('NOT FOR PUBLICATION'))).toBe(true);
    expect(docx.footers[0]).toMatch(/Page [\s\S]*PAGE[\s\S]* of [\s\S]*NUMPAGES/);
  });

  it('sets core properties and language with the dates from the data', () => {
    expect(docx.coreXml).toContain('<dc:title>Test document</dc:title>');
    expect(docx.coreXml).toContain('>2023-09-12T09:00:00Z</dcterms:created>');
    expect(docx.stylesXml).toContain('w:lang w:val="en-GB"');
  });

  it('escapes markup-looking text and gives the same bytes twice', async () => {
    expect(docx.text).toContain('{{constructor}} and <b>x</b> and **x** kept literally');
    const again = await renderDocument(sampleDocument(), ['docx']);
    expect(Buffer.compare(Buffer.from(again.docx!), Buffer.from(bytes.docx!))).toBe(0);
  });
});

describe('one layout, two writers', () => {
  it('say the same words in the same order', () => {
    const words = (s: string) => s.replace(/\s+/g, '');
    const body = docx.paragraphs.filter((p) => !p.style?.startsWith('TOC')).map((p) => p.text).join('');
    const pdfBody = pdf.pages.map((p) => p.replace(/Cabinet – 12 September 2023 (Agenda Item 7|Appendix A)|NOT FOR PUBLICATION[^\n]*|Page \d+ of \d+|Contents[\s\S]*?Action plan 2\s*/g, '')).join('');
    // Table headers repeat on each PDF page; compare each DOCX paragraph appears in PDF order.
    let at = 0;
    const flat = words(pdfBody);
    for (const p of docx.paragraphs.filter((x) => x.text && !x.style?.startsWith('TOC'))) {
      const found = flat.indexOf(words(p.text), at);
      expect({ text: p.text, found: found >= 0 }).toEqual({ text: p.text, found: true });
      at = found;
    }
    expect(body.length).toBeGreaterThan(100);
  });
});

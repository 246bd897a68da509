import * as path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');

/**
 * The three sample councils' templates and what their .fodt sources say, written out by hand (cm and pt as
 * in the .fodt; 1cm = 28.3465pt): what the tests expect the readers and the PDF to show.
 */
export const COUNCILS = [
  {
    council: 'eastshire', name: 'Eastshire County Council', font: 'Calibri', pdfFont: 'Carlito', body: 11, h1: 16, h2: 13, colour: '#1f4e79',
    marking: 'OFFICIAL', footer: 'Eastshire County Council',
    // 2.54cm all round; header and footer 1.27cm from the edge.
    margins: { top: 72, right: 72, bottom: 72, left: 72 }, header: 36, footerDistance: 36,
  },
  {
    council: 'lowfield', name: 'Lowfield City Council', font: 'Arial', pdfFont: 'Arimo', body: 11, h1: 18, h2: 14, colour: '#6a2c70',
    marking: 'OFFICIAL – SENSITIVE', footer: 'Lowfield City Council · Democratic Services',
    // top 2.2cm, right 1.8cm, bottom 2cm, left 1.8cm (LibreOffice writes 1020 twips, 51pt); header and footer 1cm.
    margins: { top: 62.36, right: 51.02, bottom: 56.69, left: 51.02 }, header: 28.35, footerDistance: 28.35,
  },
  {
    council: 'hillbrook', name: 'Hillbrook District Council', font: 'Times New Roman', pdfFont: 'Tinos', body: 12, h1: 20, h2: 15, colour: '#8b1a1a',
    marking: 'OFFICIAL', footer: 'Hillbrook District Council',
    // top 3cm, right 2.5cm, bottom 2.5cm, left 3cm; header 1.5cm, footer 1.2cm.
    margins: { top: 85.04, right: 70.87, bottom: 70.87, left: 85.04 }, header: 42.52, footerDistance: 34.02,
  },
] as const;

export const templateFile = (council: string) => path.join(ROOT, 'data', 'councils', council, 'word-template', 'template.dotx');

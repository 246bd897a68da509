/** The DOCX writer's own zip: parts deflated in pieces read back whole, with their CRCs, under one fixed date. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { PartSink, bytesEntry, textEntry, zipBytes } from '../../src/writers/docx/zip-write';
import { tempDir } from '../report/fixtures';

describe('zip writer', () => {
  it('writes parts larger than one piece that read back byte for byte, CRC-checked, with the fixed date', async () => {
    const sink = new PartSink('word/document.xml');
    const line = '<w:p><w:r><w:t>Gŵyl Llŷr – paragraph</w:t></w:r></w:p>';
    let expected = '';
    for (let i = 0; i < 20000; i++) {
      const piece = `${line}${i}`;
      sink.write(piece);
      expected += piece;
    }
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]);
    const bytes = zipBytes([textEntry('[Content_Types].xml', '<Types/>'), sink.close(), bytesEntry('word/media/image1.png', png)], new Date('2023-09-12T09:00:00Z'));
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(['[Content_Types].xml', 'word/document.xml', 'word/media/image1.png']);
    expect(Buffer.byteLength(expected)).toBeGreaterThan(1024 * 1024);
    expect(await zip.file('word/document.xml')!.async('string')).toBe(expected);
    expect(Buffer.from(await zip.file('word/media/image1.png')!.async('uint8array')).equals(png)).toBe(true);
    expect(zip.file('word/document.xml')!.date.toISOString()).toBe('2023-09-12T09:00:00.000Z');
    const again = zipBytes([textEntry('[Content_Types].xml', '<Types/>'), bytesEntry('word/media/image1.png', png)], new Date('2023-09-12T09:00:00Z'));
    expect(Buffer.from(again).equals(Buffer.from(zipBytes([textEntry('[Content_Types].xml', '<Types/>'), bytesEntry('word/media/image1.png', png)], new Date('2023-09-12T09:00:00Z'))))).toBe(true);
  });

  const unzip = spawnSync('unzip', ['-v'], { encoding: 'utf8' }).status === 0;
  (unzip ? it : it.skip)('passes Info-ZIP\'s own integrity test', () => {
    const dir = tempDir();
    const file = path.join(dir, 'x.docx');
    const sink = new PartSink('word/document.xml');
    for (let i = 0; i < 30000; i++) sink.write(`<w:p>${i}</w:p>`);
    fs.writeFileSync(file, zipBytes([textEntry('[Content_Types].xml', '<Types/>'), sink.close()], new Date('2024-01-01T00:00:00Z')));
    const r = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(r.stdout).toContain('No errors detected');
    fs.rmSync(dir, { recursive: true, force: true });
  });
  if (!unzip) it('skips the Info-ZIP test: unzip is not installed', () => console.log('skipped: unzip is not installed'));
});

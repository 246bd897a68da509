import * as fs from 'node:fs';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { fitWithin, ImageFileError, loadImage } from '../../src/render/image-file';
import { tempDir } from '../report/fixtures';

describe('reading image files for logos and figures', () => {
  const dir = tempDir();
  const write = (name: string, data: Buffer | string) => {
    fs.writeFileSync(path.join(dir, name), data);
    return path.join(dir, name);
  };

  it('knows a PNG by its bytes and reads its size (64 x 48 px = 48 x 36pt)', () => {
    const image = loadImage(write('a.png', PNG.sync.write(new PNG({ width: 64, height: 48 }))));
    expect([image.format, image.width, image.height]).toEqual(['png', 48, 36]);
  });

  it('reads a JPEG size from its start-of-frame marker, after an APP0 segment', () => {
    // SOI, APP0 (length 16), SOF0 (length 17): precision 8, height 0x0078 = 120, width 0x00A0 = 160.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0,
      0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x78, 0x00, 0xa0, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xd9]);
    const image = loadImage(write('b.jpg', jpeg));
    expect([image.format, image.width, image.height]).toEqual(['jpeg', 120, 90]);
  });

  it('reads an SVG size from width and height, else its viewBox, and draws a PNG of it', () => {
    const a = loadImage(write('c.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#C00000"/></svg>'));
    expect([a.format, a.width, a.height]).toEqual(['svg', 150, 75]);
    const png = PNG.sync.read(Buffer.from(a.fallbackPng!));
    expect([png.width, png.height]).toEqual([400, 200]);
    // Drawn, not blank: the centre pixel is the rectangle's red.
    const i = (100 * png.width + 200) * 4;
    expect([png.data[i], png.data[i + 1], png.data[i + 2]]).toEqual([0xc0, 0, 0]);
    const b = loadImage(write('d.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"/>'));
    expect([b.width, b.height]).toEqual([30, 15]);
  });

  it('says what is wrong with a file that is not an image', () => {
    const reason = (file: string) => {
      try {
        loadImage(file);
        return 'loaded';
      } catch (e) {
        return e instanceof ImageFileError ? e.message : `threw ${String(e)}`;
      }
    };
    expect(reason(path.join(dir, 'none.png'))).toBe('file not found');
    expect(reason(dir)).toBe('is a folder, not a document; only regular files are read');
    // A device is refused by name before it is opened, never read until memory runs out.
    expect(reason('/dev/zero')).toMatch(/^is a system or device file/);
    expect(reason(write('e.png', ''))).toBe('is empty');
    expect(reason(write('f.png', 'GIF89a....'))).toBe('is not a PNG, JPEG or SVG image');
    expect(reason(write('g.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('is an SVG without a width and height or viewBox, so its shape is unknown');
  });

  it('shrinks to fit a box, never enlarges, and keeps the shape', () => {
    expect(fitWithin({ width: 480, height: 360 }, 240, 1000)).toEqual({ width: 240, height: 180 });
    expect(fitWithin({ width: 100, height: 50 }, 483, 560)).toEqual({ width: 100, height: 50 });
    expect(fitWithin({ width: 180, height: 48 }, 110, 26)).toEqual({ width: 97.5, height: 26 });
  });
});

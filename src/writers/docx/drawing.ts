import type { ImageBlock } from '../../render/layout';
import { esc } from './xml-write';
import type { PartContext } from './part-context';

type Picture = Pick<ImageBlock, 'format' | 'data' | 'fallbackPng' | 'width' | 'height' | 'alt'>;

/**
 * Points to EMU through whole pixels at 96 dpi, as Word stores a picture's size (and as our earlier files
 * did, so pictures keep their sizes): 1 px = 9525 EMU.
 */
const emu = (pt: number) => Math.round((pt * 96) / 72) * 9525;

const SVG_EXT = '{96DAC541-7B7A-43D3-8B79-37D633B846F1}';

/**
 * One picture as an inline drawing run, with its alt text as the drawing's description (what screen
 * readers read). SVG goes in as SVG (Word 2016+ draws it as vectors) with the PNG fallback older readers show.
 */
export function drawingRun(picture: Picture, name: string, part: PartContext): string {
  let blip: string;
  if (picture.format === 'svg') {
    if (!picture.fallbackPng) throw new Error(`the SVG image "${name}" has no PNG fallback: the layout step must supply one`);
    const png = part.image('png', picture.fallbackPng);
    const svg = part.image('svg', picture.data);
    blip = `<a:blip r:embed="${png}"><a:extLst><a:ext uri="${SVG_EXT}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="${svg}"/></a:ext></a:extLst></a:blip>`;
  } else blip = `<a:blip r:embed="${part.image(picture.format, picture.data)}"/>`;
  const id = part.ids.nextDrawing();
  const cx = emu(picture.width);
  const cy = emu(picture.height);
  const n = esc(name);
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${id}" name="${n}" descr="${esc(picture.alt)}" title="${n}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="${id}" name="${n}"/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>` +
    `<pic:blipFill>${blip}<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
  );
}

/**
 * A small council Word template (.dotx) written part by part, as Word lays one out: its own style ids
 * (a localised "heading 2" with id Kop2), Calibri, Letter paper with its own margins, a header with a logo
 * and a PAGE field, a different first-page header, a footer, numbering and a theme-less settings part.
 * `extras` adds what must not be carried: a linked image, an INCLUDETEXT field, a bound content control.
 */
import JSZip from 'jszip';
import { PNG } from 'pngjs';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS = `xmlns:w="${W}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" mc:Ignorable="w14"`;
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const LOGO = PNG.sync.write(Object.assign(new PNG({ width: 4, height: 2 }), {}));

const rels = (items: [string, string, string, boolean?][]) =>
  `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.map(([id, type, target, ext]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"${ext ? ' TargetMode="External"' : ''}/>`).join('')}</Relationships>`;

const style = (type: string, id: string, name: string, inner = '') => `<w:style w:type="${type}" w:styleId="${id}"><w:name w:val="${name}"/>${inner}</w:style>`;

function picture(rel: string, attr: 'embed' | 'link'): string {
  return `<w:r><w:drawing><wp:inline><wp:extent cx="381000" cy="190500"/><wp:docPr id="1" name="Logo" descr="Council logo"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:${attr}="${rel}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="381000" cy="190500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
}

export async function councilTemplate(options: { extras?: boolean; macroType?: boolean } = {}): Promise<Buffer> {
  const zip = new JSZip();
  const main = options.macroType ? 'application/vnd.ms-word.template.macroEnabledTemplate.main+xml' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml';
  const wml = (kind: string) => `application/vnd.openxmlformats-officedocument.wordprocessingml.${kind}+xml`;
  zip.file(
    '[Content_Types].xml',
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>` +
      `<Override PartName="/word/document.xml" ContentType="${main}"/><Override PartName="/word/styles.xml" ContentType="${wml('styles')}"/><Override PartName="/word/numbering.xml" ContentType="${wml('numbering')}"/>` +
      `<Override PartName="/word/settings.xml" ContentType="${wml('settings')}"/><Override PartName="/word/fontTable.xml" ContentType="${wml('fontTable')}"/><Override PartName="/word/header1.xml" ContentType="${wml('header')}"/>` +
      `<Override PartName="/word/header2.xml" ContentType="${wml('header')}"/><Override PartName="/word/footer1.xml" ContentType="${wml('footer')}"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
  );
  zip.file('_rels/.rels', rels([['rId1', 'officeDocument', 'word/document.xml'], ['rId2', '../package/2006/relationships/metadata/core-properties', 'docProps/core.xml']]).replace(`${REL}/../package/2006/relationships/metadata/core-properties`, 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties'));
  zip.file('docProps/core.xml', `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Hillbrook report template</dc:title><dc:creator>Hillbrook Comms</dc:creator></cp:coreProperties>`);
  const extras = options.extras
    ? `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> INCLUDETEXT "\\\\\\\\server\\\\share\\\\boilerplate.docx" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Fetched words</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
      `<w:sdt><w:sdtPr><w:dataBinding w:xpath="/root/author" w:storeItemID="{11111111-2222-3333-4444-555555555555}"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Bound author</w:t></w:r></w:p></w:sdtContent></w:sdt>` +
      `<w:p>${picture('rIdExt', 'link')}</w:p>`
    : '';
  zip.file(
    'word/header1.xml',
    `${DECL}<w:hdr ${NS}><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>${picture('rId1', 'embed')}<w:r><w:t xml:space="preserve">Hillbrook District Council  </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>${extras}</w:hdr>`,
  );
  zip.file('word/_rels/header1.xml.rels', rels([['rId1', 'image', 'media/logo.png'], ...(options.extras ? [['rIdExt', 'image', 'http://example.org/logo.png', true] as [string, string, string, boolean]] : [])]));
  zip.file('word/header2.xml', `${DECL}<w:hdr ${NS}><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t>HILLBROOK FIRST PAGE</w:t></w:r></w:p></w:hdr>`);
  zip.file('word/footer1.xml', `${DECL}<w:ftr ${NS}><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t>OFFICIAL</w:t></w:r></w:p></w:ftr>`);
  zip.file('word/media/logo.png', LOGO);
  zip.file(
    'word/document.xml',
    `${DECL}<w:document ${NS}><w:body><w:p w14:paraId="12345678"><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Replace this placeholder title</w:t></w:r></w:p>` +
      '<w:sectPr><w:headerReference w:type="default" r:id="rId7"/><w:headerReference w:type="first" r:id="rId8"/><w:footerReference w:type="default" r:id="rId9"/>' +
      '<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1134" w:right="1701" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/><w:cols w:space="708"/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr></w:body></w:document>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    rels([['rId1', 'styles', 'styles.xml'], ['rId2', 'numbering', 'numbering.xml'], ['rId3', 'settings', 'settings.xml'], ['rId4', 'fontTable', 'fontTable.xml'], ['rId7', 'header', 'header1.xml'], ['rId8', 'header', 'header2.xml'], ['rId9', 'footer', 'footer1.xml']]),
  );
  const rPr = (inner: string) => `<w:rPr>${inner}</w:rPr>`;
  zip.file(
    'word/styles.xml',
    `${DECL}<w:styles ${NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
      '<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="376"><w:lsdException w:name="Normal" w:uiPriority="0" w:qFormat="1"/></w:latentStyles>' +
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
      style('paragraph', 'Heading1', 'heading 1', `<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="0"/><w:outlineLvl w:val="0"/></w:pPr>${rPr('<w:b/><w:color w:val="2E6B30"/><w:sz w:val="36"/>')}`) +
      style('paragraph', 'Kop2', 'heading 2', `<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="0"/><w:outlineLvl w:val="1"/></w:pPr>${rPr('<w:b/><w:color w:val="2E6B30"/><w:sz w:val="28"/>')}`) +
      style('paragraph', 'Title', 'Title', `<w:basedOn w:val="Normal"/>${rPr('<w:sz w:val="48"/>')}`) +
      style('paragraph', 'Header', 'header', '<w:basedOn w:val="Normal"/>') +
      style('paragraph', 'Footer', 'footer', '<w:basedOn w:val="Normal"/>') +
      style('table', 'TableGrid', 'Table Grid', '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr>') +
      '</w:styles>',
  );
  zip.file(
    'word/numbering.xml',
    `${DECL}<w:numbering ${NS}><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
  );
  zip.file('word/settings.xml', `${DECL}<w:settings ${NS}><w:defaultTabStop w:val="709"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`);
  zip.file('word/fontTable.xml', `${DECL}<w:fonts ${NS}><w:font w:name="Calibri"><w:panose1 w:val="020F0502020204030204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

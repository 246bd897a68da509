import type { LayoutDocument } from '../../render/layout';
import { DOCUMENT_OPEN, ourSectPr, type TargetPackage } from './target';
import { contentTwips } from '../../render/paginate/page-size';
import { fontTableXml } from './font-table';
import { themeXml } from './theme';
import { DocxNumbering, numberingXml } from './numbering';
import { appXml, CONTENT_TYPE, contentTypesXml, coreXml, IMAGE_TYPE, packageRelsXml, settingsXml } from './package-parts';
import { PartRelationships, REL_TYPE } from './relationships';
import { OUR_STYLE_IDS } from './style-ids';
import { stylesXml } from './styles';
import { W_ROOT_NS, XML_DECLARATION } from './xml-write';
import { textEntry, type ZipEntry } from './zip-write';

/** Our own package around the body: styles, numbering, settings and font table from the house style (or our house template). */
export function ourPackage(doc: LayoutDocument, asTemplate = false): TargetPackage {
  const documentRels = new PartRelationships();
  documentRels.add('Styles', REL_TYPE.styles, 'styles.xml');
  documentRels.add('Numbering', REL_TYPE.numbering, 'numbering.xml');
  documentRels.add('Settings', REL_TYPE.settings, 'settings.xml');
  documentRels.add('FontTable', REL_TYPE.fontTable, 'fontTable.xml');
  documentRels.add('Theme', REL_TYPE.theme, 'theme/theme1.xml');
  const numbering = new DocxNumbering(doc);
  return {
    styles: OUR_STYLE_IDS,
    numbering,
    documentRels,
    taken: new Set(),
    // A template of our house style has no running parts: a council's own would replace ours, so ours stay ours.
    ourHeader: !asTemplate,
    ourFooter: !asTemplate,
    mainPart: 'word/document.xml',
    documentOpen: DOCUMENT_OPEN,
    sectPr: (section, refs) => ourSectPr(doc, section, refs),
    contentWidth: (orientation) => contentTwips(doc.style, orientation),
    finish({ entries, media, running }) {
      const overrides = new Map<string, string>([
        ['word/document.xml', asTemplate ? CONTENT_TYPE.template : CONTENT_TYPE.document],
        ['word/styles.xml', CONTENT_TYPE.styles],
        ['word/numbering.xml', CONTENT_TYPE.numbering],
        ['word/settings.xml', CONTENT_TYPE.settings],
        ['word/fontTable.xml', CONTENT_TYPE.fontTable],
        ['word/theme/theme1.xml', CONTENT_TYPE.theme],
        ['docProps/core.xml', CONTENT_TYPE.core],
        ['docProps/app.xml', CONTENT_TYPE.app],
      ]);
      for (const r of running) overrides.set(r.name, r.type === 'header' ? CONTENT_TYPE.header : CONTENT_TYPE.footer);
      const defaults = new Map<string, string>([['rels', CONTENT_TYPE.rels], ['xml', CONTENT_TYPE.xml]]);
      for (const f of [...media.formats].sort()) defaults.set(f, IMAGE_TYPE[f]!);
      const parts: ZipEntry[] = [
        ...entries,
        ...media.zipEntries(),
        textEntry('word/_rels/document.xml.rels', documentRels.xml()),
        textEntry('word/styles.xml', stylesXml(doc.style, doc.meta.language)),
        textEntry('word/numbering.xml', `${XML_DECLARATION}${numberingXml(numbering, W_ROOT_NS)}`),
        textEntry('word/settings.xml', settingsXml()),
        textEntry('word/fontTable.xml', fontTableXml([doc.style.font])),
        textEntry('word/theme/theme1.xml', themeXml(doc.style.font, doc.style.headingColour)),
        textEntry('docProps/core.xml', coreXml(doc.meta)),
        textEntry('docProps/app.xml', appXml()),
        textEntry('_rels/.rels', packageRelsXml('word/document.xml')),
        textEntry('[Content_Types].xml', contentTypesXml(defaults, overrides)),
      ];
      return parts;
    },
  };
}

import { renderDocx } from '../../src/writers/docx';
import { layoutDocument, longTable, heading } from '../support/layout-fixtures';
import JSZip from 'jszip';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { SaxesParser } from 'saxes';
import { writeFileSync } from 'fs';
it('perf', async () => {
  const doc = layoutDocument([{ orientation: 'landscape', header: {}, blocks: [heading('A', 'a'), longTable(5000), heading('B', 'b'), longTable(5000)] }]);
  const bytes = await renderDocx(doc);
  const z = await JSZip.loadAsync(bytes); const x = await z.file('word/document.xml')!.async('string');
  writeFileSync('/tmp/e-big-document.xml', x);
  let t = Date.now(); const d = new DOMParser().parseFromString(x, 'text/xml'); console.log('xmldom parse', Date.now() - t);
  t = Date.now(); const n = d.getElementsByTagName('*').length; console.log('walk', n, Date.now() - t);
  t = Date.now(); new XMLSerializer().serializeToString(d); console.log('xmldom serialise', Date.now() - t);
  t = Date.now(); const p = new SaxesParser({ xmlns: true }); p.write(x).close(); console.log('saxes', Date.now() - t);
}, 300000);

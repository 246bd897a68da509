import { esc, XML_DECLARATION } from './xml-write';

/**
 * A minimal Office theme (word/theme/theme1.xml) whose fonts are the house font and whose colours start
 * from the brand colour: Word's theme font and colour pickers then offer the house style to an author
 * editing a paper or restyling our template. Our styles name their fonts and colours directly, so nothing
 * we write depends on it.
 */
export function themeXml(font: string, brand: string): string {
  const f = esc(font);
  const srgb = (c: string) => `<a:srgbClr val="${c.replace('#', '')}"/>`;
  const colours: [string, string][] = [
    ['dk1', '000000'], ['lt1', 'FFFFFF'], ['dk2', brand], ['lt2', 'E7E6E6'], ['accent1', brand], ['accent2', 'ED7D31'], ['accent3', 'A5A5A5'],
    ['accent4', 'FFC000'], ['accent5', '5B9BD5'], ['accent6', '70AD47'], ['hlink', '1F3864'], ['folHlink', '954F72'],
  ];
  const fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
  const line = '<a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>';
  const effect = '<a:effectStyle><a:effectLst/></a:effectStyle>';
  return (
    `${XML_DECLARATION}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="cabinet-reports"><a:themeElements>` +
    `<a:clrScheme name="cabinet-reports">${colours.map(([n, c]) => `<a:${n}>${srgb(c)}</a:${n}>`).join('')}</a:clrScheme>` +
    `<a:fontScheme name="cabinet-reports"><a:majorFont><a:latin typeface="${f}"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="${f}"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>` +
    `<a:fmtScheme name="cabinet-reports"><a:fillStyleLst>${fill}${fill}${fill}</a:fillStyleLst><a:lnStyleLst>${line}${line}${line}</a:lnStyleLst>` +
    `<a:effectStyleLst>${effect}${effect}${effect}</a:effectStyleLst><a:bgFillStyleLst>${fill}${fill}${fill}</a:bgFillStyleLst></a:fmtScheme>` +
    '</a:themeElements></a:theme>'
  );
}

import { Table, type IContext, type ITableOptions, type IXmlableObject } from 'docx';

/**
 * A table that carries its description for assistive technology (w:tblCaption and w:tblDescription,
 * Word's Table Properties > Alt Text). docx has no option for them, so they are added to this table's own
 * properties in docx's object tree just before docx serialises it: the description belongs to the table
 * object itself, never paired with a table by position, and docx escapes the value as it does all text.
 */
export class DescribedTable extends Table {
  constructor(options: ITableOptions, private readonly description: string) {
    super(options);
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    const xml = super.prepForXml(context);
    const children: unknown = xml?.['w:tbl'];
    if (!Array.isArray(children)) return xml;
    const tblPr = children.find((c): c is { 'w:tblPr': unknown[] } => typeof c === 'object' && c !== null && Array.isArray((c as Record<string, unknown>)['w:tblPr']));
    // CT_TblPr's sequence ends with tblCaption then tblDescription (only tblPrChange may follow, and
    // our tables have no tracked changes): appending keeps the schema order.
    if (!tblPr) throw new Error('docx wrote a table without w:tblPr; cannot attach its description');
    tblPr['w:tblPr'].push({ 'w:tblCaption': { _attr: { 'w:val': this.description } } }, { 'w:tblDescription': { _attr: { 'w:val': this.description } } });
    return xml;
  }
}

/**
 * Status fills are read by colour family (status-family.ts), not by distance to the key's exact RGB: a
 * council that fills its status cells from Excel's palette (theme colours, their tints and shades, the
 * standard colours) beside a key in other shades of the same colours gets no false warnings. The palette is
 * written out by hand from what Excel's fill picker shows with the Office 2013-2022 theme.
 */
import { familyOfColour, type Family } from '../../src/model/normalise/status-family';
import { readPlan } from '../../src/model/read-plan';
import { xlsx } from '../../src/bench/hostile-inputs';

/** Each theme column: the colour, then Lighter 80%, 60%, 40%, then Darker 25%, 50% (as Excel lists them). */
const THEME: Record<string, { family: Family; colours: string[] }> = {
  'Blue, Accent 1': { family: 'blue', colours: ['4472C4', 'D9E1F2', 'B4C6E7', '8EA9DB', '305496', '203764'] },
  'Orange, Accent 2': { family: 'amber', colours: ['ED7D31', 'FCE4D6', 'F8CBAD', 'F4B084', 'C65911', '833C0C'] },
  'Gray, Accent 3': { family: 'grey', colours: ['A5A5A5', 'EDEDED', 'DBDBDB', 'C9C9C9', '7B7B7B', '525252'] },
  'Gold, Accent 4': { family: 'amber', colours: ['FFC000', 'FFF2CC', 'FFE699', 'FFD966', 'BF8F00', '806000'] },
  'Blue, Accent 5': { family: 'blue', colours: ['5B9BD5', 'DDEBF7', 'BDD7EE', '9BC2E6', '2F75B5', '1F4E78'] },
  'Green, Accent 6': { family: 'green', colours: ['70AD47', 'E2EFDA', 'C6E0B4', 'A9D08E', '548235', '375623'] },
  // Excel names it Blue-Gray: its hue is blue and its saturation just enough to read as blue, not grey.
  'Blue-Gray, Text 2': { family: 'blue', colours: ['44546A', 'D6DCE4', 'ADB9CA', '8497B0', '333F4F', '222B35'] },
  // White's column runs darker: 5% (F2F2F2) is too pale to be a status, as white is; 15% to 50% are grey.
  'White, Background 1': { family: 'grey', colours: ['D9D9D9', 'BFBFBF', 'A6A6A6', '808080'] },
  'Black, Text 1': { family: 'grey', colours: ['000000', '7F7F7F', '595959', '404040', '262626', '0D0D0D'] },
  'Gray, Background 2': { family: 'grey', colours: ['E7E6E6', 'D0CECE', 'AEAAAA', '757171', '3B3838', '161616'] },
};

/** The ten standard colours under the theme colours, in Excel's order; purple names no family. */
const STANDARD: [string, string, Family | undefined][] = [
  ['Dark Red', 'C00000', 'red'],
  ['Red', 'FF0000', 'red'],
  ['Orange', 'FFC000', 'amber'],
  ['Yellow', 'FFFF00', 'amber'],
  ['Light Green', '92D050', 'green'],
  ['Green', '00B050', 'green'],
  ['Light Blue', '00B0F0', 'blue'],
  ['Blue', '0070C0', 'blue'],
  ['Dark Blue', '002060', 'blue'],
  ['Purple', '7030A0', undefined],
];

/** Excel's Good, Bad and Neutral cell styles, which plans also use for status. */
const CELL_STYLES: [string, string, Family][] = [
  ['Good', 'C6EFCE', 'green'],
  ['Bad', 'FFC7CE', 'red'],
  ['Neutral', 'FFEB9C', 'amber'],
];

describe("Excel's palette by family", () => {
  const themeCases = Object.entries(THEME).flatMap(([column, { family, colours }]) => colours.map((c) => [column, c, family] as const));
  it.each(themeCases)('%s #%s reads as %s', (_column, colour, family) => expect(familyOfColour(`#${colour}`)).toBe(family));
  it.each(STANDARD)('standard %s #%s reads as %s', (_name, colour, family) => expect(familyOfColour(`#${colour}`)).toBe(family));
  it.each(CELL_STYLES)('cell style %s #%s reads as %s', (_name, colour, family) => expect(familyOfColour(`#${colour}`)).toBe(family));
  it('white and White 5% darker are no status at all', () => {
    expect(familyOfColour('#FFFFFF')).toBeUndefined();
    expect(familyOfColour('#F2F2F2')).toBeUndefined();
  });
});

/** A plan whose status cells are filled: [status word, fill] per action, beside the standard key colours. */
function filledPlan(statuses: [string, string][]): Buffer {
  const fills = [...new Set(statuses.map(([, f]) => f))];
  const styles = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="${fills.length + 2}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills
    .map((f) => `<fill><patternFill patternType="solid"><fgColor rgb="FF${f}"/><bgColor indexed="64"/></patternFill></fill>`)
    .join('')}</fills><borders count="1"><border/></borders><cellXfs count="${fills.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>${fills.map((_, i) => `<xf numFmtId="0" fontId="0" fillId="${i + 2}" borderId="0" applyFill="1"/>`).join('')}</cellXfs></styleSheet>`;
  const text = (ref: string, v: string, s = 0) => `<c r="${ref}" t="inlineStr"${s ? ` s="${s}"` : ''}><is><t>${v}</t></is></c>`;
  const rows = [`<row r="1">${text('A1', 'Improvement Plan 2023-24')}</row>`, `<row r="3">${text('A3', 'Ref')}${text('B3', 'Action')}${text('C3', 'By when')}${text('D3', 'Status')}</row>`];
  statuses.forEach(([word, fill], i) => {
    const r = i + 4;
    rows.push(`<row r="${r}">${text(`A${r}`, `1.${i + 1}`)}${text(`B${r}`, `Action ${i + 1}`)}${text(`C${r}`, 'March 2024')}${text(`D${r}`, word, fills.indexOf(fill) + 1)}</row>`);
  });
  return xlsx([{ name: 'Plan', rows: [], sheetDataXml: rows.join('') }], { stylesXml: styles });
}

describe('status fills against the key', () => {
  it('theme colours and tints of the key\'s families raise no status-fill-contradicts', () => {
    const statuses: [string, string][] = [
      ['Green', '70AD47'], // issue 17: was "filled #70AD47 like Grey"
      ['Blue', '5B9BD5'],
      ['Blue', '4472C4'],
      ['Green', 'C6E0B4'],
      ['Amber', 'FFD966'],
      ['Amber', 'ED7D31'],
      ['Red', 'FF0000'],
      ['Red', 'FFC7CE'],
      ['Grey', 'D9D9D9'],
      ['Green', 'FFFFFF'], // a white fill is no statement about status
    ];
    const { diagnostics } = readPlan(filledPlan(statuses), { fileName: 'theme-fills.xlsx' });
    expect(diagnostics.filter((d) => d.code === 'status-fill-contradicts')).toEqual([]);
  });

  it('a fill of another family still contradicts the word, naming the key entry the fill belongs to', () => {
    const { diagnostics } = readPlan(filledPlan([['Green', 'FF0000'], ['Blue', 'FFC000'], ['Green', '70AD47']]), { fileName: 'wrong-fills.xlsx' });
    const found = diagnostics.filter((d) => d.code === 'status-fill-contradicts').map((d) => [d.cell, d.message]);
    expect(found).toEqual([
      ['D4', expect.stringMatching(/^"Green" is filled #FF0000 like "Red": expected the key's colour for "Green"/)],
      ['D5', expect.stringMatching(/^"Blue" is filled #FFC000 like "Amber"/)],
    ]);
  });

  it('a status given by a theme fill alone reads as its family', () => {
    const { plan } = readPlan(filledPlan([['', '70AD47'], ['', 'BDD7EE'], ['', 'FFE699']]), { fileName: 'fill-only.xlsx' });
    expect(plan!.sections.flatMap((s) => s.themes.flatMap((t) => t.actions.map((a) => a.status?.label)))).toEqual(['Green', 'Blue', 'Amber']);
  });
});

import { formatDiagnostic, summaryLine } from '../../src/diagnostics/reporter';
import { error, warning } from '../../src/diagnostics/diagnostic';

describe('diagnostic reporter', () => {
  it('reads like a compiler line with sheet and cell', () => {
    const d = error('unknown-status', '"Purple" is not in this plan\'s legend (Grey, Blue, Green, Amber, Red)', {
      file: 'plan.xlsx',
      sheet: 'Actions',
      cell: 'E41',
    });
    expect(formatDiagnostic(d)).toBe(
      'plan.xlsx: Actions!E41: error[unknown-status]: "Purple" is not in this plan\'s legend (Grey, Blue, Green, Amber, Red)',
    );
  });

  it('uses the line for text files', () => {
    expect(formatDiagnostic(warning('x', 'y', { file: 'r.md', line: 4 }))).toBe('r.md: line 4: warning[x]: y');
  });

  it('summarises with plurals', () => {
    const ds = [error('a', 'b'), error('a', 'b'), warning('c', 'd')];
    expect(summaryLine(ds, 3)).toBe('2 errors, 1 warning in 3 files');
    expect(summaryLine([], 1)).toBe('0 errors, 0 warnings in 1 file');
  });
});

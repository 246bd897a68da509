import { plainProblem, withoutPaths } from '../../src/board-pack/plain-problems';
import { error } from '../../src/diagnostics/diagnostic';

describe('problems in a board member’s words', () => {
  it('names the sheet and cell, then what is wrong, with no code', () => {
    expect(plainProblem(error('unknown-status', '"Purple" is not in this plan\'s legend (Grey, Blue)', { file: '/srv/plans/x.xlsx', sheet: 'Actions', cell: 'F5' })))
      .toBe('Sheet “Actions”, cell F5: "Purple" is not in this plan\'s legend (Grey, Blue).');
  });

  it('says a workbook that could not be opened could not be opened, and never shows a server path', () => {
    expect(plainProblem(error('unreadable', 'file not found', { file: 'nope.xlsx' }))).toBe('The workbook could not be opened: file not found.');
    expect(plainProblem(error('unreadable', '/srv/cabinet/plans/2024-03/plan.xlsx is outside the folders this build may read (paths.readRoots: /srv/x)')))
      .toBe('The workbook could not be opened: plan.xlsx is outside the folders this build may read (paths.readRoots: x).');
  });

  it('leaves words with slashes that are not paths alone', () => {
    expect(withoutPaths('due 31/03/2024, Q3 2023/24, and/or')).toBe('due 31/03/2024, Q3 2023/24, and/or');
    expect(withoutPaths('C:\\Users\\clerk\\plan.xlsx is locked')).toBe('plan.xlsx is locked');
  });
});

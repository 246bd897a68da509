import { cabinet } from '../support/cli';

describe('cabinet check', () => {
  it('exits 0 on a clean workbook and prints the summary', () => {
    const r = cabinet(['check', 'data/broken/../wf-improvement-plan-tracker.xlsx']);
    expect(r.stdout).toContain('0 errors, 2 warnings in 1 file');
    expect(r.code).toBe(0);
  });

  it('exits 1 with --strict when there are warnings', () => {
    expect(cabinet(['check', '--strict', 'data/wf-improvement-plan-tracker.xlsx']).code).toBe(1);
  });

  it('exits 1 on data errors and prints file: Sheet!Cell: error[code]: message', () => {
    const r = cabinet(['check', 'data/broken/unknown-status.xlsx']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`data/broken/unknown-status.xlsx: Actions!F5: error[unknown-status]: "Purple" is not in this plan's legend (Grey, Blue, Green, Amber, Red)`);
    expect(r.stdout.trim().split('\n').pop()).toBe('1 error, 0 warnings in 1 file');
  });

  it('exits 2 on an unreadable file with one clear line and no stack trace, but still checks the others', () => {
    const r = cabinet(['check', 'data/broken/encrypted.xlsx', 'data/broken/unknown-status.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('data/broken/encrypted.xlsx: error[unreadable]: the workbook is password-protected');
    expect(r.stdout).toContain('error[unknown-status]');
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on usage errors, pointing at --help', () => {
    const r = cabinet(['check', '--sideways', 'x.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option --sideways\..*cabinet check --help/);
    expect(cabinet(['check']).code).toBe(2);
    expect(cabinet(['check', 'report.docx']).stderr).toContain('cannot check report.docx');
  });

  it('prints the same diagnostics as JSON with --json', () => {
    const r = cabinet(['check', '--json', 'data/broken/duplicate-action-id.xlsx']);
    const json = JSON.parse(r.stdout) as { files: { file: string; diagnostics: { code: string; cell: string }[] }[] };
    expect(json.files[0]!.diagnostics).toEqual([expect.objectContaining({ code: 'duplicate-action-id', sheet: 'Actions', cell: 'A6', severity: 'error' })]);
  });

  it('honours --max-size', () => {
    const r = cabinet(['check', '--max-size', '0.001', 'data/wf-improvement-plan-2023-24.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/over the limit of 1\.0 KB/);
  });

  it('has --help listing every flag', () => {
    const r = cabinet(['check', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--strict', '--json', '--max-size']) expect(r.stdout).toContain(flag);
  });
});

describe('cabinet inspect', () => {
  it('summarises sections, themes, actions and status counts', () => {
    const r = cabinet(['inspect', 'data/wf-improvement-plan-2023-24.xlsx']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('A. Impact of leaders on social work practice: 4 themes, 17 actions');
    expect(r.stdout).toContain('1. Providing strategic leadership: 1.1 1.2 1.3 1.4 1.5 1.6');
    expect(r.stdout).toMatch(/64 actions: Grey \d+, Blue \d+, Green \d+, Amber \d+, Red \d+/);
  });

  it('prints {plan, diagnostics} with --json', () => {
    const r = cabinet(['inspect', '--json', 'data/wf-improvement-plan-tracker.csv']);
    const json = JSON.parse(r.stdout) as { plan: { sections: unknown[] }; diagnostics: unknown[] };
    expect(json.plan.sections).toHaveLength(4);
    expect(json.diagnostics).toHaveLength(2);
  });

  it('exits 1 and prints no plan when there is no plan table', () => {
    const r = cabinet(['inspect', 'data/broken/no-plan-table.xlsx']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error[no-plan-table]');
  });

  it('exits 2 for a missing file', () => {
    const r = cabinet(['inspect', 'nope.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('nope.xlsx: file not found');
  });
});

/** Usage mistakes get a sentence that says what to do: "did you mean", no parser advice, no ENOENT. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cabinetAsync } from './run';
import { ROOT } from '../support/cli';
import { tempDir } from '../report/fixtures';

const run = (args: string[], cwd = ROOT) => cabinetAsync(args, { cwd }).done;

describe('unknown commands and options', () => {
  it('cabinet chek: did you mean check?', async () => {
    const r = await run(['chek']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("cabinet: unknown command 'chek': did you mean check? Run 'cabinet --help' for the list.\n");
  });

  it('a command nothing like ours: the list, no guess', async () => {
    const r = await run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("cabinet: unknown command 'frobnicate'. Run 'cabinet --help' for the list.\n");
  });

  it('--fromat pdf: did you mean --format?, without the parser’s words about -- and quotes', async () => {
    const r = await run(['build', 'data/reports/shropshire-cabinet-2024-03-13.md', '--fromat', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("cabinet build: unknown option --fromat: did you mean --format? Run 'cabinet build --help' for usage.\n");
    expect(r.stderr).not.toMatch(/positional|'--'|place it at the end/);
  });

  it('--fromat=pdf and a misspelt switch are caught the same way', async () => {
    expect((await run(['board-pack', '--month', '2024-03', '--fromat=pdf'])).stderr).toContain('unknown option --fromat: did you mean --format?');
    expect((await run(['inspect', 'data/shropshire-improvement-plan-2024.xlsx', '--jsno'])).stderr).toContain('unknown option --jsno: did you mean --json?');
  });

  it('an option without its value, and a switch given one', async () => {
    const missing = await run(['build', '--format']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cabinet build: --format needs a value (--format VALUE).');
    const valued = await run(['build', '--quiet=yes']);
    expect(valued.code).toBe(2);
    expect(valued.stderr).toContain('cabinet build: --quiet is a switch and takes no value, found "yes".');
  });
});

describe('inspect reads plan workbooks only', () => {
  it('refuses a report and says which command reads it', async () => {
    const r = await run(['inspect', 'data/reports/shropshire-cabinet-2024-03-13.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("data/reports/shropshire-cabinet-2024-03-13.md is a report or decision record: check it with 'cabinet check data/reports/shropshire-cabinet-2024-03-13.md' or build it with 'cabinet build data/reports/shropshire-cabinet-2024-03-13.md'");
    expect(r.stdout).not.toContain('no-plan-table');
  });

  it('refuses a meeting file and a PDF, naming what they are', async () => {
    expect((await run(['inspect', 'data/meetings/cabinet-2023-09-12.yaml'])).stderr).toContain("a meeting or settings file: check it with 'cabinet check data/meetings/cabinet-2023-09-12.yaml'; a meeting's papers are built with 'cabinet agenda data/meetings/cabinet-2023-09-12.yaml'");
    const pdf = await run(['inspect', 'report.pdf']);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('report.pdf is a document we write, not a plan workbook');
  });
});

describe('samples from another folder', () => {
  it('says where to run it, with no ENOENT or scandir', async () => {
    const dir = tempDir();
    const r = await run(['samples'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`there is no data folder in ${fs.realpathSync(dir)}: run cabinet samples from the cabinet-reports folder (where data/ is), or name the samples folder with --data DIR`);
    expect(r.stderr).not.toMatch(/ENOENT|scandir/);
  });

  it('--data naming a folder that is not there', async () => {
    const r = await run(['samples', '--data', 'nowhere'], tempDir());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--data nowhere is not a folder: name the folder that holds the samples');
  });
});

describe('help lists the options', () => {
  it('agenda --help lists every option it takes', async () => {
    const r = await run(['agenda', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--out DIR', '--format LIST', '--templates DIR', '--config FILE', '--quiet', '--help']) expect(r.stdout).toContain(`\n  ${flag}`);
    expect(r.stdout).toContain('Exit codes:');
  });

  it('inspect prints counts with the right plural ("1 theme, 2 actions")', async () => {
    const r = await run(['inspect', path.join('data', 'shropshire-improvement-plan-2024.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  Quality of Practice and Quality Assurance: 1 theme, 2 actions\n');
    expect(r.stdout).toContain('  Resources: 1 theme, 1 action\n');
    expect(r.stdout).not.toMatch(/\b1 (themes|actions|risks)\b/);
  });
});

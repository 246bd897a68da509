import * as path from 'node:path';
import type { Command } from '../command';
import { EXIT_OK, EXIT_USAGE, UsageError } from '../command';
import { parseCommandArgs } from '../args';
import { settingsOrReport } from '../options';

const HELP = `Usage: cabinet template export FILE.dotx [--config FILE]

Writes our house style (from the settings: font, size, brand colour, page size) as a Word template a
council can open in Word, restyle (Home > Styles > Modify) and hand back as render.wordTemplate. It holds
one paragraph in each style we write, named by its Word style; a paper written into it drops that text.
Add a header and footer in Word to use them instead of ours.

Options:
  --config FILE      settings file (default data/cabinet.config.yaml if present)
  --help             show this help

Exit codes: 0 written, 2 usage or unwritable file. The same settings give byte-identical files.`;

export const templateCommand: Command = {
  name: 'template',
  summary: 'write our house style as a Word template (.dotx) a council can restyle',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { config: { type: 'string' } });
    const [action, file, ...rest] = positionals;
    if (action !== 'export') throw new UsageError(action ? `unknown action "${action}": expected "export"` : 'say what to do: cabinet template export FILE.dotx');
    if (!file) throw new UsageError('name the template to write: cabinet template export FILE.dotx');
    if (rest.length) throw new UsageError(`one file at a time, found also "${rest.join('", "')}"`);
    if (path.extname(file).toLowerCase() !== '.dotx') throw new UsageError(`a Word template is written as .dotx, found "${file}"`);
    const config = settingsOrReport(values.config, io);
    if (!config) return EXIT_USAGE;
    const { houseStyle } = await import('../../render/style');
    const { houseTemplateLayout } = await import('../../writers/docx/house-template');
    const { renderDocx } = await import('../../writers/docx');
    const { writeFileAtomic } = await import('../../io/atomic-write');
    const { wordTemplate: _ignored, ...render } = config.render;
    const epoch = Number(process.env.SOURCE_DATE_EPOCH);
    const created = new Date(Number.isFinite(epoch) && epoch > 0 ? epoch * 1000 : Date.UTC(2024, 0, 1)).toISOString();
    const bytes = await renderDocx(houseTemplateLayout(houseStyle(render), config.render.council, created), undefined, { asTemplate: true });
    const target = path.resolve(io.cwd, file);
    writeFileAtomic(target, bytes);
    io.stdout(`wrote ${path.relative(io.cwd, target) || target}\n`);
    return EXIT_OK;
  },
};

import type { Command } from './command';

/**
 * The commands, by name, each loaded only when it runs: `cabinet --help` and `cabinet dates` then load
 * neither docx, pdfkit, handlebars nor xlsx. The one-line summaries are repeated here for the main help so
 * it needs no command module; test/cli/registry.test.ts checks they match the modules' own.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'inspect', summary: 'show what a plan workbook contains, as text or JSON', load: () => import('./commands/inspect').then((m) => m.inspectCommand) },
  { name: 'check', summary: 'check workbooks cell by cell and list every problem', load: () => import('./commands/check').then((m) => m.checkCommand) },
  { name: 'build', summary: 'build reports and their appendices as DOCX and PDF', load: () => import('./commands/build').then((m) => m.buildCommand) },
  { name: 'preview', summary: 'show a paper in the browser, rebuilt on every save, with its problems located', load: () => import('./commands/preview').then((m) => m.previewCommand) },
  { name: 'dates', summary: 'print the statutory timetable for a meeting (agenda, key decision notice, call-in)', load: () => import('./commands/dates').then((m) => m.datesCommand) },
  { name: 'agenda', summary: 'build the agenda and the public and restricted reports packs for a meeting', load: () => import('./commands/agenda').then((m) => m.agendaCommand) },
  { name: 'board-pack', summary: 'build the monthly board pack (RAG summary, exceptions, changes since last month)', load: () => import('./commands/board-pack').then((m) => m.boardPackCommand) },
  { name: 'send', summary: 'email generated PDFs to a distribution list, safely', load: () => import('./commands/send').then((m) => m.sendCommand) },
  { name: 'monthly', summary: 'scheduled run: board pack for last month, sent to the board list', load: () => import('./commands/monthly').then((m) => m.monthlyCommand) },
  { name: 'template', summary: 'write our house style as a Word template (.dotx) a council can restyle', load: () => import('./commands/template').then((m) => m.templateCommand) },
  { name: 'samples', summary: 'build every sample in data/ into output/', load: () => import('./commands/samples').then((m) => m.samplesCommand) },
];

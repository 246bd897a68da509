import type { Command } from '../command';

// Placeholder until this command's issue lands: it says so plainly instead of pretending to work.
export const agendaCommand: Command = {
  name: 'agenda',
  summary: 'not yet available',
  help: 'Usage: cabinet agenda\n\nNot yet available in this version.',
  async run(_argv, io) {
    io.stderr('cabinet agenda: not yet available in this version\n');
    return 2;
  },
};

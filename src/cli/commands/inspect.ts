import type { Command } from '../command';

// Placeholder until this command's issue lands: it says so plainly instead of pretending to work.
export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'not yet available',
  help: 'Usage: cabinet inspect\n\nNot yet available in this version.',
  async run(_argv, io) {
    io.stderr('cabinet inspect: not yet available in this version\n');
    return 2;
  },
};

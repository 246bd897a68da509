import type { Command } from '../command';

// Placeholder until this command's issue lands: it says so plainly instead of pretending to work.
export const boardPackCommand: Command = {
  name: 'board-pack',
  summary: 'not yet available',
  help: 'Usage: cabinet board-pack\n\nNot yet available in this version.',
  async run(_argv, io) {
    io.stderr('cabinet board-pack: not yet available in this version\n');
    return 2;
  },
};

import type { Command } from '../command';

// Placeholder until this command's issue lands: it says so plainly instead of pretending to work.
export const buildCommand: Command = {
  name: 'build',
  summary: 'not yet available',
  help: 'Usage: cabinet build\n\nNot yet available in this version.',
  async run(_argv, io) {
    io.stderr('cabinet build: not yet available in this version\n');
    return 2;
  },
};

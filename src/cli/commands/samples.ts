import type { Command } from '../command';

// Builds everything in data/; filled in as each capability lands.
export const samplesCommand: Command = {
  name: 'samples',
  summary: 'build every sample in data/ into output/',
  help: 'Usage: cabinet samples\n\nBuilds every sample in data/ into output/.',
  async run(_argv, io) {
    io.stdout('No samples to build yet.\n');
    return 0;
  },
};

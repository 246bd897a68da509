import * as path from 'node:path';

/**
 * Whether this process is the command line itself (dist/cli/main.js run by node), not a library user or a
 * test importing main: only then are V8's flags and the code cache set up for the whole process.
 */
export const isCommandLine = require.main?.filename === path.join(__dirname, 'main.js');

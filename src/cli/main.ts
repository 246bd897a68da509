#!/usr/bin/env node
// First V8's flags, then the code cache npm run build made under them, so every module after compiles from it.
import './v8-tuning';
import './code-cache';
import { type CommandIO, EXIT_USAGE, UsageError } from './command';
import { UnreadableInputError } from '../diagnostics/diagnostic';
import { COMMANDS } from './registry';
import { nearestWord } from '../text/edit-distance';


function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: cabinet <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'cabinet <command> --help' for a command's options.\n`;
}

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp());
    return name ? 0 : EXIT_USAGE;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    const near = nearestWord(name, COMMANDS.map((c) => c.name));
    io.stderr(`cabinet: unknown command '${name}'${near ? `: did you mean ${near}?` : '.'} Run 'cabinet --help' for the list.\n`);
    return EXIT_USAGE;
  }
  // Only the command that runs is loaded, with the libraries it needs (see registry.ts).
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help.endsWith('\n') ? command.help : command.help + '\n');
    return 0;
  }
  const debug = rest.includes('--debug');
  try {
    return await command.run(rest, io);
  } catch (e) {
    return reportFailure(name, e, debug, io);
  }
}

/** No stack traces for users: one line that says what went wrong; --debug adds the trace. */
function reportFailure(name: string, e: unknown, debug: boolean, io: CommandIO): number {
  if (e instanceof UsageError) {
    io.stderr(`cabinet ${name}: ${e.message}${/[.?!]$/.test(e.message) ? '' : '.'} Run 'cabinet ${name} --help' for usage.\n`);
  } else if (e instanceof UnreadableInputError) {
    io.stderr(`${e.file}: ${e.reason}\n`);
  } else {
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`cabinet ${name}: ${message}${debug ? '' : ' (run with --debug for details)'}\n`);
  }
  if (debug && e instanceof Error && e.stack) io.stderr(e.stack + '\n');
  return EXIT_USAGE;
}

if (require.main === module) {
  // `cabinet inspect plan.xlsx | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const io: CommandIO = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY) && !process.argv.includes('--quiet'),
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`cabinet: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}

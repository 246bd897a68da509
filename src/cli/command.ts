/** One CLI command: `cabinet <name> …`. Commands are thin: parse arguments, call the library, report. */
export interface Command {
  name: string;
  /** One line for `cabinet --help`. */
  summary: string;
  /** Full `--help` text: usage line and every flag. */
  help: string;
  /** Returns the exit code: 0 ok, 1 data errors, 2 usage or unreadable input. */
  run(argv: string[], io: CommandIO): Promise<number>;
}

export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when progress lines are wanted (stderr is a TTY and --quiet not given). */
  isTTY: boolean;
  cwd: string;
}

export const EXIT_OK = 0;
export const EXIT_DATA_ERRORS = 1;
export const EXIT_USAGE = 2;

/** A usage mistake: printed as one line with a pointer to --help, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

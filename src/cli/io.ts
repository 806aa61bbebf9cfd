// What a command sees of the outside world. The binary wires it to the process;
// tests use `captureIo` and read what was written.

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (for `scan -`). */
  readStdin: () => Promise<string>;
  /** True when stdout is an interactive terminal (colour, progress, prompts). */
  isTTY: boolean;
  /**
   * Resolves when the user interrupts (SIGINT/SIGTERM). Long-running commands
   * (dev-server) call it; handlers are installed only then, so every other
   * command keeps the default Ctrl-C behaviour.
   */
  interrupted?: () => Promise<string>;
  /**
   * Set only when stdin and stdout are both terminals: the streams the
   * interactive `migrate` session draws on and reads keys from.
   */
  terminal?: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream; debug?: boolean };
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full --help text. */
  help: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

export function captureIo(overrides: Partial<CliIo> = {}): CliIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    cwd: process.cwd(),
    env: {},
    readStdin: async () => "",
    isTTY: false,
    ...overrides,
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    out: () => out,
    err: () => err,
  };
}

/** Colour only for a TTY and when NO_COLOR is unset (https://no-color.org). */
export function useColour(io: CliIo): boolean {
  return io.isTTY && !("NO_COLOR" in io.env && io.env.NO_COLOR !== "") && io.env.TERM !== "dumb";
}

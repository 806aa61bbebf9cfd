import { spawn } from "node:child_process";
import { constants } from "node:os";
import { UsageError } from "../errors.js";

// Starts the program `vaultshift run` wraps, as `env(1)`/`exec` would: no
// shell unless asked, standard streams inherited, signals passed on, and its
// exit status returned as a shell reports it (128 + n for death by signal n).

/**
 * Signals passed on to the child. SIGINT from a terminal reaches the whole
 * foreground process group, the child included; forwarding it too is what npm
 * and dotenv-cli do (the child sees it twice; a `kill -INT` of vaultshift's
 * pid alone would otherwise never reach it).
 */
export const FORWARDED_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGWINCH"] as const;

export interface ChildOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Run `command` (and args, joined with spaces) through /bin/sh -c. */
  shell?: boolean;
}

/** Exit codes of env(1), nohup, timeout, chroot: the command could not be run. */
export const EXIT_NOT_EXECUTABLE = 126;
export const EXIT_NOT_FOUND = 127;

/**
 * Run the command and resolve with the status a shell would report. A
 * command that cannot start resolves to 127 (not found) or 126 (not
 * executable) after `onError` has said why.
 */
export function runChild(argv: string[], options: ChildOptions, onError: (message: string) => void): Promise<number> {
  if (argv.length === 0) throw new UsageError("No command to run.", { hint: "Put it after `--`: vaultshift run -- npm test" });
  const [file, args] = options.shell ? ["/bin/sh", ["-c", argv.join(" ")]] : [argv[0]!, argv.slice(1)];
  return new Promise<number>((resolve) => {
    const child = spawn(file, args, { stdio: "inherit", env: options.env, cwd: options.cwd });
    const forward = new Map<NodeJS.Signals, () => void>();
    for (const signal of FORWARDED_SIGNALS) {
      const handler = () => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      };
      forward.set(signal, handler);
      process.on(signal, handler);
    }
    let finished = false;
    // Node may emit 'exit' after 'error' (or not): the first one decides.
    const done = (status: number) => {
      if (finished) return;
      finished = true;
      for (const [signal, handler] of forward) process.off(signal, handler);
      resolve(status);
    };
    child.once("error", (error: NodeJS.ErrnoException) => {
      const shown = argv[0]!;
      if (error.code === "ENOENT") {
        onError(`command not found: ${shown} (not on PATH${shown.includes("/") ? ", or no such file" : ""}). Check its spelling; a package's binary runs from an npm script, or with npx.`);
        done(EXIT_NOT_FOUND);
      } else if (error.code === "EACCES" || error.code === "EISDIR" || error.code === "ENOEXEC") {
        onError(`cannot execute ${shown} (${error.code}). Make it executable (chmod +x) or run it through its interpreter.`);
        done(EXIT_NOT_EXECUTABLE);
      } else {
        onError(`could not start ${shown}: ${error.code ?? error.message}.`);
        done(EXIT_NOT_EXECUTABLE);
      }
    });
    child.once("exit", (code, signal) => {
      if (signal !== null) done(128 + (constants.signals[signal] ?? 0));
      else done(code ?? 1);
    });
  });
}

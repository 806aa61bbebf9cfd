import { isatty } from "node:tty";
import { main } from "./main.js";
import type { CliIo } from "./io.js";

// Wires the CLI to the real process: streams, stdin, signals.
export async function runProcess(argv: string[]): Promise<number> {
  let interruptedPromise: Promise<string> | undefined;
  const interrupted = () =>
    (interruptedPromise ??= new Promise<string>((resolve) => {
      for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve(signal));
    }));
  const io: CliIo = {
    cwd: process.cwd(),
    env: process.env,
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
    isTTY: Boolean(process.stdout.isTTY),
    interrupted,
    // isatty(0) rather than process.stdin.isTTY: the getter builds stdin's
    // stream (fs streams for a file or /dev/null, as git gives a hook: ~2-5 ms
    // of a pre-commit scan) that only an interactive session reads.
    ...(isatty(0) && process.stdout.isTTY ? { terminal: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr } } : {}),
  };
  try {
    return await main(argv, io);
  } catch (error) {
    process.stderr.write(`vaultshift: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
    return 2;
  }
}

import { VaultshiftError, UsageError } from "../errors.js";
import type { CliIo, CommandResult } from "./io.js";
import { captureIo } from "./io.js";
import { commands } from "./commands/index.js";

// The CLI is a thin shell: pick the command, run it, map errors to exit code 2.

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n");
  return `vaultshift — find secrets, move them into HashiCorp Vault, keep the codebase clean

Usage: vaultshift <command> [options]

Commands:
${list}

Run \`vaultshift <command> --help\` for a command's options.
Exit codes: 0 nothing found / success, 1 findings (or a verdict that is not "zero secrets"), 2 usage or runtime error.
`;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? rest[0] : undefined;
    const entry = topic ? commands.find((c) => c.name === topic) : undefined;
    io.stdout(entry ? (await entry.load()).help : usage());
    return name === undefined ? EXIT_ERROR : EXIT_CLEAN;
  }
  if (name === "--version" || name === "-v") {
    const { version } = await import("../version.js");
    io.stdout(`${version}\n`);
    return EXIT_CLEAN;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`vaultshift: unknown command "${name}".\n\n${usage()}`);
    return EXIT_ERROR;
  }
  const command = await entry.load();
  // Only vaultshift's own arguments: what follows `--` belongs to another program (`run -- cmd --help`).
  const own = rest.includes("--") ? rest.slice(0, rest.indexOf("--")) : rest;
  if (own.includes("--help") || own.includes("-h")) {
    io.stdout(command.help);
    return EXIT_CLEAN;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof VaultshiftError) {
      io.stderr(`vaultshift ${name}: ${error.message}\n`);
      if (error.hint) io.stderr(`  ${error.hint}\n`);
      if (error instanceof UsageError) io.stderr(`  See \`vaultshift ${name} --help\`.\n`);
      return EXIT_ERROR;
    }
    throw error;
  }
}

/** Run the CLI in-process and collect what it wrote (for tests). */
export async function runCli(argv: string[], options: Partial<CliIo> = {}): Promise<CommandResult> {
  const io = captureIo(options);
  const exitCode = await main(argv, io);
  return { exitCode, stdout: io.out(), stderr: io.err() };
}

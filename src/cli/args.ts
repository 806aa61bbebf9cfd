import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../errors.js";

// node:util parseArgs with errors that point at --help.

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export function parseCommandArgs(argv: string[], options: OptionSpec, command: string): ParsedArgs {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true }) as ParsedArgs;
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, ""), {
      cause: error,
      hint: `Run \`vaultshift ${command} --help\` to see the options.`,
    });
  }
}

/** A string option's value, or undefined. */
export function stringOpt(values: ParsedArgs["values"], name: string): string | undefined {
  const v = values[name];
  return typeof v === "string" ? v : undefined;
}

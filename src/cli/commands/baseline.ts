import type { Command } from "../io.js";
import { VaultshiftError } from "../../errors.js";

export const baselineCommand: Command = {
  name: "baseline",
  summary: "Write or refresh a baseline of accepted findings",
  help: "Usage: vaultshift baseline\n\nWrite or refresh a baseline of accepted findings\n",
  async run() {
    throw new VaultshiftError("`vaultshift baseline` is not implemented yet.");
  },
};

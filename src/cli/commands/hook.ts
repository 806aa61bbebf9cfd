import type { Command } from "../io.js";
import { VaultshiftError } from "../../errors.js";

export const hookCommand: Command = {
  name: "hook",
  summary: "Install or remove the git pre-commit hook",
  help: "Usage: vaultshift hook\n\nInstall or remove the git pre-commit hook\n",
  async run() {
    throw new VaultshiftError("`vaultshift hook` is not implemented yet.");
  },
};

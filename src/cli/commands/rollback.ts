import type { Command } from "../io.js";
import { VaultshiftError } from "../../errors.js";

export const rollbackCommand: Command = {
  name: "rollback",
  summary: "Undo an applied plan: files and Vault versions",
  help: "Usage: vaultshift rollback\n\nUndo an applied plan: files and Vault versions\n",
  async run() {
    throw new VaultshiftError("`vaultshift rollback` is not implemented yet.");
  },
};

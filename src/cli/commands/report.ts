import type { Command } from "../io.js";
import { VaultshiftError } from "../../errors.js";

export const reportCommand: Command = {
  name: "report",
  summary: "Write the compliance report (md, json, html, sarif)",
  help: "Usage: vaultshift report\n\nWrite the compliance report (md, json, html, sarif)\n",
  async run() {
    throw new VaultshiftError("`vaultshift report` is not implemented yet.");
  },
};

import type { Command } from "../io.js";
import { scanCommand } from "./scan.js";
import { baselineCommand } from "./baseline.js";
import { hookCommand } from "./hook.js";
import { devServerCommand } from "./dev-server.js";
import { planCommand } from "./plan.js";
import { applyCommand } from "./apply.js";
import { verifyCommand } from "./verify.js";
import { reportCommand } from "./report.js";
import { rollbackCommand } from "./rollback.js";
import { migrateCommand } from "./migrate.js";
import { demoCommand } from "./demo.js";

// Every command, in the order `vaultshift --help` lists them.
export const commands: Command[] = [
  scanCommand,
  baselineCommand,
  hookCommand,
  migrateCommand,
  planCommand,
  applyCommand,
  verifyCommand,
  reportCommand,
  rollbackCommand,
  devServerCommand,
  demoCommand,
];

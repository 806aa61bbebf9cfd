#!/usr/bin/env node
import { runProcess } from "../dist/src/cli/process.js";

process.exitCode = await runProcess(process.argv.slice(2));

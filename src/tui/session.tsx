import { Box, Text, useInput } from "ink";
import { useEffect, useRef, useState } from "react";
import { VaultshiftError } from "../errors.js";
import type { Decisions } from "../plan/decisions.js";
import type { ApplyResult, Plan, ProgressEvent, Verification } from "../plan/types.js";
import { Footer } from "./footer.js";
import { Review } from "./review.js";

// The interactive `vaultshift migrate`: connect → scan and plan → overview →
// review → confirm → apply → verify → report. A thin shell over the library
// (src/migrate/index.ts), reached through SessionDeps so that tests can drive
// it; nothing is written before the user confirms on the Confirm screen.

/** What the session needs from the pipeline; src/tui/run.tsx binds it to the library. */
export interface SessionDeps {
  root: string;
  address: string;
  /** Absolute path of the plan file written on "save" and "apply". */
  planFile: string;
  /** Health and token checks; throws a VaultshiftError saying what failed. */
  connect(): Promise<{ version: string }>;
  plan(onProgress: (e: ProgressEvent) => void): Promise<Plan>;
  replan(decisions: Decisions): Promise<Plan>;
  savePlan(plan: Plan): void;
  apply(plan: Plan, onProgress: (e: ProgressEvent) => void, onStep: (step: number, id: string) => void): Promise<ApplyResult>;
  verify(plan: Plan, onProgress: (e: ProgressEvent) => void): Promise<Verification>;
  report(plan: Plan, verification: Verification): Promise<string[]>;
}

/** How the session ended: the exit code and the lines to print once the UI is gone. */
export interface SessionOutcome {
  code: number;
  /** Printed to stderr after the UI closes (errors, how to resume). */
  message?: string;
}

export const EXIT_QUIT = 3;
export const EXIT_INTERRUPTED = 130;

type Screen =
  | { name: "connect" }
  | { name: "plan"; version: string }
  | { name: "overview"; plan: Plan }
  | { name: "review"; plan: Plan }
  | { name: "confirm"; plan: Plan }
  | { name: "apply"; plan: Plan }
  | { name: "done"; plan: Plan; verification: Verification; reports: string[] };

export interface SessionProps {
  deps: SessionDeps;
  colour: boolean;
  onExit: (outcome: SessionOutcome) => void;
}

export function errorText(error: unknown): string {
  if (error instanceof VaultshiftError) return `${error.message}${error.hint ? `\n  ${error.hint}` : ""}`;
  return `unexpected error: ${(error as Error)?.message ?? String(error)}`;
}

export function Session({ deps, colour, onExit }: SessionProps) {
  const [screen, setScreen] = useState<Screen>({ name: "connect" });
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const exited = useRef(false);
  const exit = (o: SessionOutcome) => {
    if (exited.current) return;
    exited.current = true;
    onExit(o);
  };
  const fail = (error: unknown) => exit({ code: 2, message: errorText(error) });
  const quit = () => exit({ code: EXIT_QUIT, message: "Quit: nothing was written to Vault or to the project." });

  useEffect(() => {
    deps.connect().then(
      ({ version }) => setScreen({ name: "plan", version }),
      fail,
    );
  }, []);

  useEffect(() => {
    if (screen.name !== "plan") return;
    deps.plan(setProgress).then((plan) => setScreen({ name: "overview", plan }), fail);
  }, [screen.name]);

  useInput((input, key) => {
    if (key.ctrl && input === "c") {
      if (screen.name !== "apply" && screen.name !== "done") quit();
      return;
    }
    if (screen.name === "review") return; // the Review screen reads its own keys
    if ((input === "q" || key.escape) && screen.name !== "apply" && screen.name !== "done") quit();
    else if (screen.name === "overview" && key.return) setScreen({ name: "review", plan: screen.plan });
  });

  const accent = colour ? { color: "cyan" } : {};
  let body;
  let keys: [string, string][] = [["q", "quit"]];
  switch (screen.name) {
    case "connect":
      body = <Text>Connecting to Vault at {deps.address}…</Text>;
      break;
    case "plan":
      body = (
        <Box flexDirection="column">
          <Text>Vault {screen.version} at {deps.address}: connected.</Text>
          <Text wrap="truncate-end" {...accent}>
            Scanning and planning{progress ? ` [${progress.stage}${progress.total > 1 ? ` ${progress.step}/${progress.total}` : ""}] ${progress.message}` : "…"}
          </Text>
        </Box>
      );
      break;
    case "overview":
      body = <Text>Plan: {screen.plan.secrets.length} secrets.</Text>;
      keys = [["Enter", "review"], ["q", "quit"]];
      break;
    case "review":
      return <Review plan={screen.plan} root={deps.root} replan={deps.replan} onAccept={(plan) => setScreen({ name: "confirm", plan })} onQuit={quit} />;
    default:
      body = <Text>{screen.name}</Text>;
  }
  return (
    <Box flexDirection="column">
      {body}
      <Footer keys={keys} colour={colour} />
    </Box>
  );
}

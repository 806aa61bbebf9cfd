import { Box, Text, useInput } from "ink";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { VaultshiftError } from "../errors.js";
import type { Decisions } from "../plan/decisions.js";
import type { ApplyResult, Plan, ProgressEvent, Verification } from "../plan/types.js";
import type { DeniedWrite } from "./connect.js";
import { Footer } from "./footer.js";
import { overview, plural } from "./overview.js";
import { Review } from "./review.js";
import { wrap } from "./review-model.js";
import { MIN_SIZE, tooSmall, useTerminalSize } from "./terminal-size.js";

// The interactive `vaultshift migrate`: connect → scan and plan → overview →
// review → confirm → apply → verify → report. A thin shell over the library
// (src/migrate/index.ts), reached through SessionDeps so that tests can drive
// it. Nothing is written, not even the plan file, before the user chooses on
// the Confirm screen. Every string drawn comes from the plan, progress events
// and errors, none of which holds a value (src/plan/types.ts).

/** What the session needs from the pipeline; src/tui/run.tsx binds it to the library. */
export interface SessionDeps {
  /** The project, absolute. */
  root: string;
  /** The project as the user named it (relative to where they are, or absolute). */
  shownRoot: string;
  address: string;
  /** Absolute path of the plan file written on "save" and "apply". */
  planFile: string;
  /** How the user runs a command on that plan file from where they are (`vaultshift apply app/vaultshift.plan.json`). */
  planArg: string;
  /** Health and token checks; throws a VaultshiftError saying what failed. */
  connect(): Promise<{ version: string }>;
  /** The plan's Vault writes the token may not make (asked when Confirm opens; an error there is not shown: apply says what is wrong). */
  deniedWrites(plan: Plan): Promise<DeniedWrite[]>;
  plan(onProgress: (e: ProgressEvent) => void): Promise<Plan>;
  replan(decisions: Decisions): Promise<Plan>;
  /** Writes the plan file, and the review's decisions to the project config when there are any; returns the config file written (as shown), if one was. */
  savePlan(plan: Plan): string | undefined;
  apply(plan: Plan, onProgress: (e: ProgressEvent) => void, onStep: (step: number, id: string) => void): Promise<ApplyResult>;
  verify(plan: Plan, onProgress: (e: ProgressEvent) => void): Promise<Verification>;
  /** Writes the reports; resolves to their paths as the user should read them. */
  report(plan: Plan, verification: Verification): Promise<string[]>;
}

/** How the session ended. */
export interface SessionOutcome {
  code: number;
}

/** Quit on purpose before anything was written (q, Esc, Ctrl-C before apply). */
export const EXIT_QUIT = 3;
/** Ctrl-C during apply: stopped between two journaled steps; `vaultshift apply` resumes. */
export const EXIT_INTERRUPTED = 130;

type Screen =
  | { name: "connect" }
  | { name: "plan"; version: string }
  | { name: "overview"; plan: Plan }
  | { name: "review"; plan: Plan }
  | { name: "confirm"; plan: Plan; choice: number }
  | { name: "apply"; plan: Plan }
  | { name: "done"; plan: Plan; verification: Verification; reports: string[] }
  | { name: "end"; code: number; title: string; lines: string[]; error?: boolean };

const STEPS = ["Connect", "Plan", "Review", "Confirm", "Apply", "Report"] as const;
const STEP_OF: Record<Screen["name"], number> = { connect: 0, plan: 1, overview: 1, review: 2, confirm: 3, apply: 4, done: 5, end: -1 };

export interface SessionProps {
  deps: SessionDeps;
  colour: boolean;
  onExit: (outcome: SessionOutcome) => void;
  /**
   * Ctrl-Z (raw mode delivers it as a key, not as SIGTSTP): suspend the process as a shell job,
   * calling `resumed` once it runs again (run.tsx `suspender`). Absent: Ctrl-Z does nothing.
   */
  onSuspend?: (resumed: () => void) => void;
}

/** What an error says on screen: message and hint, never a stack. */
export function errorLines(error: unknown): string[] {
  if (error instanceof VaultshiftError) return [error.message, ...(error.hint ? [error.hint] : [])];
  return [`Unexpected error: ${(error as Error)?.message ?? String(error)}`, "This is a bug in vaultshift: please report it with the command you ran."];
}

class Interrupted extends VaultshiftError {
  override name = "Interrupted";
}

type ApplyPhase = "applying" | "verifying" | "reporting";

const CHOICES = [
  { key: "a", label: "Apply now" },
  { key: "s", label: "Save the plan and quit" },
  { key: "q", label: "Quit without writing anything" },
] as const;

export function Session({ deps, colour, onExit, onSuspend }: SessionProps) {
  const size = useTerminalSize();
  const rows = Math.max(12, size.rows);
  const [screen, setScreen] = useState<Screen>({ name: "connect" });
  const [log, setLog] = useState<string[]>([]);
  const [planLog, setPlanLog] = useState<ProgressEvent[]>([]);
  const [phase, setPhase] = useState<ApplyPhase>("applying");
  const [stopping, setStopping] = useState(false);
  const [denied, setDenied] = useState<{ plan: Plan; writes: DeniedWrite[] } | null>(null);
  // After a suspension: the header says so until the next key, which also makes the frame differ
  // from the one ink last drew, so that it is drawn again in full.
  const [resumed, setResumed] = useState(false);
  const interrupted = useRef(false);
  const lastStep = useRef<{ step: number; id: string } | null>(null);
  const ended = useRef(false);

  const end = (code: number, title: string, lines: string[], error = false) => {
    if (ended.current) return;
    ended.current = true;
    setScreen({ name: "end", code, title, lines, error });
  };
  // The final screen is drawn first, then the session ends: it stays on the terminal.
  useEffect(() => {
    if (screen.name === "end") onExit({ code: screen.code });
    else if (screen.name === "done") onExit({ code: screen.verification.verdict === "zero-secrets" ? 0 : 1 });
  }, [screen.name]);

  const at = deps.shownRoot === "." ? "" : ` ${deps.shownRoot}`;
  const cmd = {
    rollback: `vaultshift rollback${at} --yes`,
    verify: `vaultshift verify ${deps.planArg}`,
    report: `vaultshift report${at}`,
  };
  const quit = () => end(EXIT_QUIT, "Quit.", ["Nothing was written to Vault or to the project."]);
  // A plan that moves no secret has nothing to apply: applying it wrote an
  // empty policy, the plan file and reports, then said the app reads its
  // secrets from Vault now. Quitting it is the migration's success (exit 0).
  const nothingToMigrate = () => end(0, "Nothing to migrate.", ["The plan moves no secret: nothing was written to Vault or to the project."]);
  const fail = (error: unknown) => end(2, "Error", errorLines(error), true);

  useEffect(() => {
    deps.connect().then(({ version }) => setScreen({ name: "plan", version }), fail);
  }, []);

  useEffect(() => {
    if (screen.name !== "plan") return;
    deps.plan((e) => {
      setPlanLog((l) => [...l.slice(-50), e]);
    }).then((plan) => {
      if (!ended.current) setScreen({ name: "overview", plan });
    }, fail);
  }, [screen.name]);

  // What the token may not write, asked once per plan shown on Confirm.
  useEffect(() => {
    if (screen.name !== "confirm" || screen.plan.secrets.length === 0 || denied?.plan === screen.plan) return;
    const plan = screen.plan;
    deps.deniedWrites(plan).then(
      (writes) => setDenied({ plan, writes }),
      () => undefined,
    );
  }, [screen.name === "confirm" ? screen.plan : null]);

  const addLog = (line: string) => setLog((l) => [...l.slice(-200), line]);
  const onProgress = (e: ProgressEvent) => {
    addLog(`${e.stage}${e.total > 1 ? ` ${e.step}/${e.total}` : ""}  ${e.message}`);
  };

  const runApply = async (plan: Plan) => {
    setScreen({ name: "apply", plan });
    let saved = false;
    try {
      deps.savePlan(plan);
      saved = true;
      await deps.apply(plan, onProgress, (step, id) => {
        if (interrupted.current) throw new Interrupted(`Interrupted before step ${step}.`);
        lastStep.current = { step, id };
      });
    } catch (error) {
      const last = lastStep.current;
      const resume = ["The journal records every step done. To resume where it stopped:", `  vaultshift apply ${deps.planArg} --yes`, "or to undo what was applied:", `  ${cmd.rollback}`];
      if (error instanceof Interrupted) {
        const done = last ? `Stopped before step ${last.step + 1}: steps 1–${last.step} are done (the last: ${last.id}).` : "Stopped before the first step: nothing was written.";
        return end(EXIT_INTERRUPTED, "Interrupted.", [done, ...(last ? resume : [])]);
      }
      if (!last) {
        // Refused before its first step (a file or value changed since the plan, no such mount…): nothing to resume or undo.
        const wrote = saved ? `nothing was written to Vault or to the project but the plan file ${deps.planArg}` : "nothing was written";
        return end(2, "Apply failed", [...errorLines(error), `No step ran: ${wrote}. Once this is fixed, run \`vaultshift migrate${at}\` again.`], true);
      }
      return end(2, "Apply failed", [...errorLines(error), `Step ${last.step} (${last.id}) did not finish; the steps before it are done.`, ...resume], true);
    }
    if (interrupted.current) {
      return end(EXIT_INTERRUPTED, "Interrupted after apply.", ["The plan was applied in full; it was not verified. To finish:", `  ${cmd.verify}`, `  ${cmd.report}`, "or to undo it:", `  ${cmd.rollback}`]);
    }
    let verification: Verification;
    let reports: string[];
    try {
      setPhase("verifying");
      verification = await deps.verify(plan, onProgress);
      setPhase("reporting");
      reports = await deps.report(plan, verification);
    } catch (error) {
      return end(2, "Verification failed", [...errorLines(error), "The plan was applied in full. Once this is fixed, finish with:", `  ${cmd.verify}`, "or undo it:", `  ${cmd.rollback}`], true);
    }
    if (!ended.current) setScreen({ name: "done", plan, verification, reports });
  };

  const choose = (plan: Plan, i: number) => {
    const c = CHOICES[i]!.key;
    if (c === "a") void runApply(plan);
    else if (c === "s") {
      let config: string | undefined;
      try {
        config = deps.savePlan(plan);
      } catch (error) {
        return fail(error);
      }
      end(0, "Plan saved.", [config ? `Wrote ${deps.planArg}, and your decisions to ${config} (migrate.decisions); nothing else was written.` : `Wrote ${deps.planArg}; nothing else was written.`, `Apply it later with \`vaultshift apply ${deps.planArg}\` (it asks before writing; --yes does not).`]);
    } else quit();
  };

  // Keys are read through refs: a key typed right after a screen is drawn can
  // reach the handler of the render before (ink subscribes it in an effect).
  const small = tooSmall(size);
  const current = useRef({ screen, phase, small });
  current.current = { screen, phase, small };
  useInput((input, key) => {
    const { screen, phase, small } = current.current;
    if (screen.name === "end" || screen.name === "done" || ended.current) return;
    if (key.ctrl && input === "z" && onSuspend) return onSuspend(() => setResumed(true));
    setResumed(false);
    if (key.ctrl && input === "c") {
      if (screen.name !== "apply") return quit();
      if (phase === "applying") {
        interrupted.current = true;
        setStopping(true);
        return;
      }
      // Verification and reports only read: stop here.
      return end(EXIT_INTERRUPTED, "Interrupted.", ["The plan was applied in full; verification did not finish. To finish:", `  ${cmd.verify}`, `  ${cmd.report}`, "or to undo it:", `  ${cmd.rollback}`]);
    }
    // Too small a terminal shows no screen to act on: only Ctrl-C (above) is read.
    if (small || screen.name === "review" || screen.name === "apply") return; // the Review screen reads its own keys
    if (screen.name === "confirm") {
      const to = (next: Screen) => {
        current.current = { screen: next, phase, small };
        setScreen(next);
      };
      if (key.escape || input === "b") to({ name: "review", plan: screen.plan });
      else if (screen.plan.secrets.length === 0) {
        if (input === "q" || key.return) nothingToMigrate();
      } else if (input === "q") quit();
      else if (key.upArrow || key.downArrow) {
        const n = CHOICES.length;
        to({ ...screen, choice: (screen.choice + (key.upArrow ? n - 1 : 1)) % n });
      } else if (key.return) choose(screen.plan, screen.choice);
      else if (input === "a" || input === "s") choose(screen.plan, CHOICES.findIndex((c) => c.key === input));
      return;
    }
    if (input === "q" || key.escape) return screen.name === "overview" && screen.plan.secrets.length === 0 ? nothingToMigrate() : quit();
    if (screen.name === "overview" && key.return) {
      const next: Screen = { name: "review", plan: screen.plan };
      current.current = { screen: next, phase, small };
      setScreen(next);
    }
  });

  const accent = colour ? { color: "cyan" } : {};
  const good = colour ? { color: "green" } : {};
  const bad = colour ? { color: "red" } : {};
  const warn = colour ? { color: "yellow" } : {};
  const strong = colour ? { bold: true } : {};
  const line = (text: string, props: object = {}, k?: string | number) => (
    <Text key={k} wrap="truncate-end" {...props}>
      {text}
    </Text>
  );

  // Below MIN_SIZE: what is wrong and how to go on, until a resize makes room. The Review screen stays
  // mounted (hidden, its keys off), so its cursor, filter and decisions are there when it comes back;
  // the other screens are drawn from the session's state. The last screens are drawn whatever the
  // size: the session ends on them and they stay in the terminal's scrollback.
  const smallNotice = small && screen.name !== "end" && screen.name !== "done" && (
    <Box flexDirection="column">
      <Text wrap="wrap" {...warn} {...strong}>{`Terminal too small: ${size.columns}×${size.rows}; this session needs ${MIN_SIZE.columns}×${MIN_SIZE.rows}.`}</Text>
      <Text wrap="wrap">{`Enlarge the window to go on (nothing is lost); Ctrl-C ${screen.name === "apply" ? "stops after the current step" : "quits"}.`}</Text>
    </Box>
  );

  if (screen.name === "review") {
    return (
      <Box flexDirection="column">
        {smallNotice || null}
        <Box flexDirection="column" display={small ? "none" : "flex"}>
          <Header step={STEP_OF.review} colour={colour} resumed={resumed} />
          <Review plan={screen.plan} root={deps.root} replan={deps.replan} onAccept={(plan) => setScreen({ name: "confirm", plan, choice: 0 })} onQuit={quit} colour={colour} active={!small} />
        </Box>
      </Box>
    );
  }
  if (smallNotice) return smallNotice;

  let body: ReactNode;
  let keys: [string, string][] = [["q/Esc", "quit, nothing written"]];
  switch (screen.name) {
    case "connect":
      body = line(`Connecting to Vault at ${deps.address}…`);
      break;
    case "plan": {
      // Each stage's last event; the stages before the current one are done.
      const stages: ProgressEvent[] = [];
      for (const e of planLog) {
        if (stages.at(-1)?.stage === e.stage) stages[stages.length - 1] = e;
        else stages.push(e);
      }
      const room = Math.max(3, rows - 9);
      body = (
        <>
          {line(`Vault ${screen.version ? `${screen.version} ` : ""}at ${deps.address}: connected, token accepted.`, good)}
          {line(`Scanning ${deps.shownRoot} and planning…`)}
          {stages.slice(-room).map((e, i, all) => line(`  ${i === all.length - 1 ? "…" : "✓"} ${e.stage}${e.total > 1 ? ` ${e.step}/${e.total}` : ""}  ${e.message}`, i === all.length - 1 ? accent : {}, i))}
        </>
      );
      break;
    }
    case "overview": {
      const o = overview(screen.plan);
      const p = screen.plan;
      const envs = o.environments.length > 0;
      body = (
        <>
          {line(`${plural(o.secrets, "secret")} found in ${plural(o.sourceFiles, "file")}, ${plural(o.environments.length, "environment")}`, strong)}
          {envs ? line(`  environments: ${o.environments.join(", ")}`) : null}
          {o.secrets > 0 ? line(`  → ${plural(o.targets, "Vault path")} under ${p.mount}/ at ${deps.address}`) : null}
          {o.secrets > 0 ? line(`  → read by the app with the policy ${p.policy.name}`) : null}
          {line(`  ${plural(o.config, "config value")} ${o.config === 1 ? "stays where it is" : "stay where they are"} (not secret, or public)`)}
          {line(`  ${plural(o.filesChanged + o.filesCreated, "file")} to change (${o.filesChanged} edited, ${o.filesCreated} created)`)}
          {line(`  ${plural(p.warnings.length, "warning")}: ${o.warnings.high} high, ${o.warnings.medium} medium, ${o.warnings.low} low`, o.warnings.high > 0 ? warn : {})}
          {o.historyOnly + o.inGitHistory > 0 ? (
            <>
              {line(`  Rotate ${plural(o.historyOnly + o.inGitHistory, "secret")}: git history keeps their values${o.historyOnly > 0 ? ` (${o.historyOnly} only there)` : ""};`, bad)}
              {line(o.secrets > 0 ? "  change them at their provider once the app reads them from Vault." : "  change them at their provider.", bad)}
            </>
          ) : (
            line("  No secret found in git history.")
          )}
          {o.secrets === 0 ? line("Nothing to migrate: no secret is left in the tree (none was found, or it was migrated).", good) : null}
        </>
      );
      keys = [["Enter", "review the plan"], ["q/Esc", o.secrets === 0 ? "quit, nothing to migrate" : "quit, nothing written"]];
      break;
    }
    case "confirm": {
      const p = screen.plan;
      if (p.secrets.length === 0) {
        body = (
          <>
            {line("Nothing to apply: the plan moves no secret.", strong)}
            {line(p.config.length > 0 ? "Is a value kept as config a secret? b back, then s on it in the config tab." : "No variable or hard-coded secret was found in the project.")}
            <Box marginTop={1}>{line("› [q] Quit: nothing to migrate, nothing written", { ...accent, ...strong })}</Box>
          </>
        );
        keys = [["Enter/q", "quit"], ["b/Esc", "back"]];
        break;
      }
      body = (
        <>
          {line("Nothing has been written yet. Applying will:", strong)}
          {line(`  write ${plural(p.secrets.length, "secret")} to ${plural(p.targets.length, "Vault path")} under ${p.mount}/ at ${deps.address}`)}
          {line(`  write the ACL policy ${p.policy.name}`)}
          {line(`  change ${plural(p.files.length, "file")} in ${deps.shownRoot} (originals kept for rollback)`)}
          {line(`  save the plan as ${deps.planArg}`)}
          {denied?.plan === p && denied.writes.length > 0 ? (
            <Box marginTop={1} flexDirection="column">
              {line(`The token may not write ${denied.writes.length} of the ${p.targets.length + 1} Vault locations this plan writes:`, { ...bad, ...strong })}
              {line("applying would stop at the first of them.", { ...bad, ...strong })}
              {denied.writes.slice(0, 3).map((d, i) => line(`  ${d.path} (the token may: ${d.capabilities.join(", ") || "nothing"})`, bad, `d${i}`))}
              {denied.writes.length > 3 ? line(`  … and ${denied.writes.length - 3} more`, bad) : null}
              {line("Ask for a policy granting create and update there, or use another VAULT_TOKEN.")}
            </Box>
          ) : null}
          <Box marginTop={1} flexDirection="column">
            {CHOICES.map((c, i) => line(`${i === screen.choice ? "›" : " "} [${c.key}] ${c.label}`, i === screen.choice ? { ...accent, ...strong } : {}, c.key))}
          </Box>
        </>
      );
      keys = [["↑↓ Enter", "choose"], ["a", "apply"], ["s", "save"], ["b/Esc", "back"], ["q", "quit"]];
      break;
    }
    case "apply": {
      const room = Math.max(3, rows - 10);
      const title = phase === "applying" ? "Applying the plan" : phase === "verifying" ? "Verifying (read-back, policy, re-scan)" : "Writing the reports";
      body = (
        <>
          {line(`${title}…`, strong)}
          {log.slice(-room).map((l, i) => line(`  ${l}`, {}, i))}
          {stopping ? line("Stopping after the current step (the journal keeps what was done)…", warn) : null}
        </>
      );
      keys = phase === "applying" ? [["Ctrl-C", "stop after the current step (resume with vaultshift apply)"]] : [["Ctrl-C", "stop (the plan is applied; verify later)"]];
      break;
    }
    case "done": {
      const v = screen.verification;
      const ok = v.secrets.filter((s) => s.status === "ok").length;
      const readable = v.secrets.filter((s) => s.readableByPolicy === true).length;
      // Why the policy was not checked is what to fix: wrapped, not cut.
      // A check that could not run says why and what to do (the verdict is then "unchecked").
      const todo = (check: "policy" | "rescan") => (v.unchecked ?? []).filter((u) => u.check === check).map((u) => ` What to do: ${u.next}.`).join("");
      const policy = wrap(v.policy.checked ? `${readable}/${v.secrets.length} readable with the policy ${v.policy.name}` : `policy ${v.policy.name} not checked${v.policy.message ? `: ${v.policy.message}` : ""}.${todo("policy")}`, size.columns - 4);
      const notRead = wrap((v.unchecked ?? []).filter((u) => u.check === "rescan").map((u) => `But ${u.reason}.${todo("rescan")}`).join(" "), size.columns - 4).filter((l) => l.length > 0);
      // Below the terminal's height: ink clears the whole screen for a frame as tall as it.
      // What to do next, wrapped too (it was cut at "VAULT_ADDR and …" below 78 columns).
      const next = wrap(`The app reads its secrets from Vault now: run it with VAULT_ADDR and a token holding the policy ${screen.plan.policy.name}.`, size.columns - 1);
      const kept = v.kept ?? [];
      const keptLost = kept.filter((k) => k.status !== "ok" || k.readableByPolicy === false).map((k) => k.name);
      const keptNote = kept.length === 0 ? "" : keptLost.length === 0 ? `; ${kept.length} kept from earlier migrations still in Vault` : `; kept from earlier migrations but gone from Vault or unreadable: ${[...new Set(keptLost)].join(", ")} (see vaultshift verify)`;
      const readBack = wrap(`${ok}/${v.secrets.length} secrets read back from Vault and matched their fingerprints${keptNote}`, size.columns - 4);
      const room = Math.max(2, rows - 17 - Math.max(0, screen.reports.length - 4) - (policy.length - 1) - notRead.length - (next.length - 2) - (readBack.length - 1));
      body = (
        <>
          {line(`Verdict: ${v.verdict}`, v.verdict === "zero-secrets" ? { ...good, ...strong } : v.verdict === "unchecked" ? { ...warn, ...strong } : { ...bad, ...strong })}
          {readBack.map((l, i) => line(`${i === 0 ? "  " : "    "}${l}`, {}, `b${i}`))}
          {policy.map((l, i) => line(`${i === 0 ? "  " : "    "}${l}`, {}, `p${i}`))}
          {line(`  re-scan: ${plural(v.rescan.findings.length, "secret")} left in the tree`, v.rescan.findings.length > 0 ? bad : {})}
          {notRead.map((l, i) => line(`    ${l}`, warn, `u${i}`))}
          {v.rescan.findings.slice(0, room).map((f, i) => line(`    ${f.file}:${f.line} ${f.kind} ${f.redacted}`, {}, `f${i}`))}
          {v.rescan.findings.length > room ? line(`    … and ${v.rescan.findings.length - room} more (see the report)`) : null}
          {line("Reports:")}
          {screen.reports.map((r, i) => line(`  ${r}`, {}, `r${i}`))}
          {next.map((l, i) => line(l, {}, `n${i}`))}
          {line(`Undo everything: ${cmd.rollback}`)}
        </>
      );
      keys = [];
      break;
    }
    case "end":
      body = (
        <>
          {line(screen.title, screen.error ? { ...bad, ...strong } : strong)}
          {screen.lines.map((l, i) => (
            <Box key={i} paddingLeft={2}>
              <Text wrap="wrap">{l}</Text>
            </Box>
          ))}
        </>
      );
      keys = [];
      break;
  }
  return (
    <Box flexDirection="column">
      <Header step={STEP_OF[screen.name]} colour={colour} resumed={resumed} />
      {body}
      {keys.length > 0 ? <Footer keys={keys} colour={colour} /> : null}
    </Box>
  );
}

function Header({ step, colour, resumed = false }: { step: number; colour: boolean; resumed?: boolean }) {
  const parts = STEPS.map((s, i) => (i === step ? `[${s}]` : s)).join(" · ");
  // The row under the title is blank, or says that the session was suspended and resumed (Ctrl-Z, fg).
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" {...(colour ? { color: "cyan" } : {})}>
        vaultshift migrate  {step >= 0 ? parts : ""}
      </Text>
      <Text wrap="truncate-end">{resumed ? "Resumed." : " "}</Text>
    </Box>
  );
}

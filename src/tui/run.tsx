import { render } from "ink";
import { relative, resolve } from "node:path";
import { VaultStore } from "../apply/vault-store.js";
import { apply, writeReportFiles } from "../migrate/index.js";
import { saveDecisions } from "../config/save.js";
import type { Decisions } from "../plan/decisions.js";
import { DEFAULT_PLAN_FILE, writePlan } from "../plan/plan-file.js";
import type { ProgressEvent, VaultConnection } from "../plan/types.js";
import { buildReportInput } from "../verify/report-input.js";
import { checkVault, deniedWrites } from "./connect.js";
import { planThread } from "./plan-thread.js";
import { Session, type SessionDeps } from "./session.js";

// Binds the session to the library and to a terminal. Imported only when
// `vaultshift migrate` opens the session: ink and react stay off every other path.

export interface Terminal {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /**
   * ink's debug mode: every frame written whole, unthrottled, even where ink
   * thinks it runs in CI (is-in-ci reads CI at import). For tests.
   */
  debug?: boolean;
}

export interface SessionOptions {
  root: string;
  /** Where the user runs vaultshift: paths on screen are relative to it. */
  cwd: string;
  vault: VaultConnection;
  env: NodeJS.ProcessEnv;
  app?: string;
  mount?: string;
  history: boolean;
  colour: boolean;
}

/**
 * The library behind the session, over one Vault client for the whole
 * session (closed by the caller, with `stop()` for plans still running).
 * Plans are made on a worker thread (plan-thread.ts), with their own client.
 */
export function libraryDeps(o: SessionOptions, store: VaultStore): SessionDeps & { stop(): void } {
  const root = resolve(o.root);
  const planFile = resolve(root, DEFAULT_PLAN_FILE);
  const common = { root, vault: o.vault, env: o.env, history: o.history, ...(o.app ? { app: o.app } : {}), ...(o.mount ? { mount: o.mount } : {}) };
  const base = { ...common, store };
  const threads = planThread();
  const makePlan = ({ onProgress, decisions }: { onProgress?: (e: ProgressEvent) => void; decisions?: Decisions }) =>
    threads.plan({ ...common, ...(decisions ? { decisions } : {}) }, onProgress ?? (() => {}));
  let decided: Decisions | undefined;
  const shown = (file: string) => {
    const rel = relative(o.cwd, file);
    return rel === "" || rel.startsWith("..") ? file : rel;
  };
  return {
    root,
    shownRoot: relative(o.cwd, root) === "" ? "." : shown(root),
    address: store.address,
    planFile,
    planArg: shown(planFile),
    connect: () => checkVault(store),
    deniedWrites: (p) => deniedWrites(store, p),
    stop: () => threads.stop(),
    plan: (onProgress) => makePlan({ onProgress }),
    // The review's decisions: planned with at once, stored in the config
    // (migrate.decisions) only with the plan, so that quitting writes nothing
    // and a later `vaultshift plan` gives the plan that was accepted.
    replan: (decisions) => {
      decided = decisions;
      return makePlan({ decisions });
    },
    savePlan: (p) => {
      const config = decided !== undefined ? shown(saveDecisions(root, decided)) : undefined;
      writePlan(p, planFile);
      return config;
    },
    apply: (p, onProgress, onStep) => apply(p, { ...base, onProgress, onStep }),
    verify: (p, onProgress) => threads.verify(p, { root, vault: o.vault, env: o.env }, onProgress),
    report: async (p, v) => (await writeReportFiles(buildReportInput(p, v, { root, address: store.address }), resolve(root, "reports"))).map(shown),
  };
}

/**
 * Ctrl-Z as a shell job expects it. In raw mode the terminal sends Ctrl-Z to the session as a key
 * instead of stopping it (SIGTSTP), so the session does what the terminal would have: the frame is
 * erased, raw mode left and the cursor shown (the shell gets its terminal as it gave it), and the
 * process stops itself with SIGTSTP (no listener: the default action, stop). On SIGCONT (`fg`, `bg`)
 * raw mode and the hidden cursor come back, and the terminal's height in blank lines gives ink room:
 * it erases the lines of the frame it last drew before drawing the next one, which are then those
 * blank lines, not the shell's output. `resumed` makes that next frame differ, so it is drawn.
 */
export function suspender(clear: () => void, terminal: Terminal, signals: { once(event: "SIGCONT", f: () => void): unknown; stop(): void } = { once: (e, f) => process.once(e, f), stop: () => process.kill(process.pid, "SIGTSTP") }) {
  return (resumed: () => void): void => {
    const { stdin, stdout } = terminal;
    clear();
    stdin.setRawMode?.(false);
    stdout.write("\u001b[?25h");
    signals.once("SIGCONT", () => {
      stdin.setRawMode?.(true);
      stdout.write(`\u001b[?25l${"\n".repeat(Math.max(1, stdout.rows || 24))}`);
      resumed();
    });
    signals.stop();
  };
}

/** Draw the session on a terminal until it ends; resolves to the exit code. */
export async function renderSession(deps: SessionDeps, colour: boolean, terminal: Terminal, signals?: Parameters<typeof suspender>[2]): Promise<number> {
  let code = 2;
  let done!: () => void;
  const ended = new Promise<void>((r) => (done = r));
  const suspend = suspender(() => instance.clear(), terminal, signals);
  const instance = render(<Session deps={deps} colour={colour} onExit={(x) => ((code = x.code), done())} onSuspend={suspend} />, {
    stdin: terminal.stdin,
    stdout: terminal.stdout,
    stderr: terminal.stderr,
    exitOnCtrlC: false,
    patchConsole: false,
    debug: terminal.debug === true,
  });
  await ended;
  // Asked for before the unmount: ink installs a beforeExit listener when waitUntilExit is first called
  // and removes it on unmount, so asking after would leave one listener per session behind.
  const exited = instance.waitUntilExit().catch(() => undefined);
  instance.unmount();
  await exited;
  return code;
}

/** Run the session on a terminal until it ends; returns the exit code. */
export async function runSession(o: SessionOptions, terminal: Terminal): Promise<number> {
  const store = new VaultStore(o.vault, { env: o.env });
  const deps = libraryDeps(o, store);
  try {
    return await renderSession(deps, o.colour, terminal);
  } finally {
    deps.stop();
    store.close();
  }
}

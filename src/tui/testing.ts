import { EventEmitter } from "node:events";
import { stripVTControlCharacters } from "node:util";
import { VaultStore } from "../apply/vault-store.js";
import type { ApplyResult, MigrateOptions, MigrateResult, Plan, ProgressEvent, Verification } from "../plan/types.js";
import { buildReportInput } from "../verify/report-input.js";
import { libraryDeps, renderSession, type SessionOptions, type Terminal } from "./run.js";
import type { DeniedWrite } from "./connect.js";
import type { SessionDeps } from "./session.js";

// A fake terminal for the session's tests: 80×24 by default, keys typed into
// stdin, every frame ink writes kept (canary checks read all of them), and
// waits on a frame's content with a bounded timeout instead of sleeps.

class FakeStdin extends EventEmitter {
  isTTY = true;
  #data: string | null = null;
  write(data: string): void {
    this.#data = data;
    this.emit("readable");
    this.emit("data", data);
  }
  read(): string | null {
    const d = this.#data;
    this.#data = null;
    return d;
  }
  setEncoding(): void {}
  /** Every setRawMode(x) call, in order. */
  rawModes: boolean[] = [];
  setRawMode(on: boolean): void {
    this.rawModes.push(on);
  }
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

class FakeStdout extends EventEmitter {
  isTTY = true;
  frames: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write(chunk: string | Uint8Array, ...rest: unknown[]): boolean {
    this.frames.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const cb = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    cb?.();
    return true;
  }
}

export const KEYS = { enter: "\r", escape: "\u001b", up: "\u001b[A", down: "\u001b[B", ctrlC: "\u0003", tab: "\t" } as const;

export interface FakeTerminal {
  terminal: Terminal;
  /** Every frame written, as written. */
  frames(): string[];
  /** The frame on screen now, without ANSI sequences. */
  screen(): string;
  /** Every frame and every stderr write so far, without ANSI sequences. */
  everything(): string;
  press(key: string): void;
  /** The terminal is resized (as on SIGWINCH): its size changes and stdout emits "resize". */
  resize(columns: number, rows: number): void;
  /** Resolves with the screen once it contains `text` (or matches it); rejects after `timeoutMs` showing the last frame. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
}

export function fakeTerminal(columns = 80, rows = 24): FakeTerminal {
  const stdin = new FakeStdin();
  const stdout = new FakeStdout(columns, rows);
  const stderr = new FakeStdout(columns, rows);
  // The last frame with something on it (unmounting writes an empty one).
  const screen = () => stripVTControlCharacters(stdout.frames.findLast((f) => stripVTControlCharacters(f).trim() !== "") ?? "");
  return {
    terminal: { stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream, stderr: stderr as unknown as NodeJS.WriteStream, debug: true },
    screen,
    frames: () => [...stdout.frames],
    everything: () => stripVTControlCharacters([...stdout.frames, ...stderr.frames].join("\n")),
    press: (key) => stdin.write(key),
    resize(columns, rows) {
      stdout.columns = columns;
      stdout.rows = rows;
      stdout.emit("resize");
    },
    async waitFor(text, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      const has = (s: string) => (typeof text === "string" ? s.includes(text) : text.test(s));
      for (;;) {
        const s = screen();
        if (has(s)) {
          // A frame is written when React renders; the screen's key handlers
          // subscribe in effects, which run just after: let them, so that
          // the next key reaches the screen drawn.
          for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
          return s;
        }
        if (Date.now() > deadline) throw new Error(`the session did not show ${String(text)} within ${timeoutMs} ms; the screen was:\n${s}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}

/** The key that accepts the plan on the Review screen (src/tui/review.tsx). */
export const REVIEW_ACCEPT = KEYS.enter;

export interface Started {
  t: FakeTerminal;
  /** Resolves to the session's exit code. */
  code: Promise<number>;
  /** What the library returned to the session, for the assertions. */
  seen: { plan?: Plan; denied?: DeniedWrite[]; apply?: ApplyResult; verification?: Verification; reports?: string[]; log: string };
  /** Job control, faked: Ctrl-Z counts a stop (the test process is never stopped); `cont()` is SIGCONT. */
  job: { stops: number; cont(): void };
}

/** The session over the library (as `vaultshift migrate` runs it) on a fake terminal, results recorded. */
/** `hooks.verified` may change the verification the session is given (cases the dev server does not make). */
export function startSession(o: SessionOptions, t: FakeTerminal = fakeTerminal(), hooks: { onStep?: (step: number, id: string) => void; verified?: (v: Verification) => Verification } = {}): Started {
  const store = new VaultStore(o.vault, { env: o.env });
  const deps = libraryDeps(o, store);
  const seen: Started["seen"] = { log: "" };
  const logged = (f: (e: ProgressEvent) => void) => (e: ProgressEvent) => {
    seen.log += `${e.stage} ${e.step}/${e.total} ${e.message}\n`;
    f(e);
  };
  const spy: SessionDeps = {
    ...deps,
    plan: async (p) => (seen.plan = await deps.plan(logged(p))),
    deniedWrites: async (p) => (seen.denied = await deps.deniedWrites(p)),
    apply: async (p, onProgress, onStep) =>
      (seen.apply = await deps.apply(p, logged(onProgress), (step, id) => {
        hooks.onStep?.(step, id);
        onStep(step, id);
      })),
    verify: async (p, onProgress) => {
      const v = await deps.verify(p, logged(onProgress));
      return (seen.verification = hooks.verified ? hooks.verified(v) : v);
    },
    report: async (p, v) => (seen.reports = await deps.report(p, v)),
  };
  let onCont: (() => void) | undefined;
  const job: Started["job"] = {
    stops: 0,
    cont: () => {
      const f = onCont;
      onCont = undefined;
      f?.();
    },
  };
  const signals = { once: (_: "SIGCONT", f: () => void) => (onCont = f), stop: () => void job.stops++ };
  const code = renderSession(spy, o.colour, t.terminal, signals).finally(() => {
    deps.stop();
    store.close();
  });
  return { t, code, seen, job };
}

/** Connect → overview → review → Confirm, by keys, waiting for each screen; nothing is chosen there. */
export async function toConfirm(t: FakeTerminal): Promise<void> {
  await t.waitFor("Enter review the plan");
  t.press(KEYS.enter);
  await t.waitFor("[Review]");
  t.press(REVIEW_ACCEPT);
  await t.waitFor("[a] Apply now");
}

/** Connect → overview → review → confirm → apply, by keys, waiting for each screen. */
export async function migrateThroughUi(s: Started): Promise<number> {
  await toConfirm(s.t);
  s.t.press("a");
  return s.code;
}

/** A MigrateWith (src/e2e/harness.ts) that migrates through the session; the terminal is handed to `onTerminal`. */
export function uiMigrate(onTerminal: (t: FakeTerminal) => void) {
  return async (options: MigrateOptions): Promise<MigrateResult> => {
    const s = startSession({ root: options.root, cwd: options.root, vault: options.vault, env: options.env ?? {}, history: options.history !== false, colour: false, ...(options.app ? { app: options.app } : {}), ...(options.mount ? { mount: options.mount } : {}) });
    onTerminal(s.t);
    const code = await migrateThroughUi(s);
    const { plan, apply, verification, reports } = s.seen;
    if (!plan || !apply || !verification || !reports) throw new Error(`the session ended (exit ${code}) before the migration finished; the screen was:\n${s.t.screen()}`);
    for (const line of s.seen.log.split("\n")) if (line) options.onProgress?.({ stage: "report", step: 1, total: 1, message: line });
    return { plan, apply, verification, reports, report: buildReportInput(plan, verification, { root: options.root, address: options.vault.address }) };
  };
}

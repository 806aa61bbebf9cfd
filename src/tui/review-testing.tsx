import { render } from "ink";
import { execFileSync } from "node:child_process";
import { stripVTControlCharacters } from "node:util";
import { plan as makePlan } from "../plan/planner.js";
import type { Decisions } from "../plan/decisions.js";
import type { Plan } from "../plan/types.js";
import { writeTree } from "../migrate/testing.js";
import { Review } from "./review.js";
import { columns as columnsOf } from "./review-model.js";
import { fakeTerminal, type FakeTerminal } from "./testing.js";

// Helpers for the review screens' tests: a project with planted canary values,
// the Review rendered alone on the session's fake 80×24 terminal with the
// library's own plan() behind replan, and the plan it hands over on accept.

export const CANARY = {
  db: "CANARY_db_Xk9mP2vL8qR4nZ7wQe",
  prodDb: "CANARY_prod_Rt5Yu8Io2Pq9ZxAs",
  api: "CANARY_api_Hd3Jk6Lz9Qw2Er5Ty",
  literal: "sk_live_CANARYa4eC39HqLyjWDarjtT1zdp7dc9Q", // vaultshift:allow
  browser: "sk_live_CANARYbrowserZ8xW2vQ9pL4mN7kJ3", // vaultshift:allow
} as const;

/** True when `text` holds a canary or a long piece of one. */
export function leaks(text: string): string | undefined {
  for (const c of Object.values(CANARY)) {
    if (text.includes(c) || text.includes(c.slice(8, 22))) return c.slice(0, 10);
  }
  return undefined;
}

/**
 * A small app: .env and .env.production secrets, config values, a hard-coded
 * key, code reading them, things to warn about; `extraSecrets` more .env secrets (long lists) and
 * `longFile` lines of code reading one (a long diff). A git repository with
 * .env committed when `git` is set (a secret in history).
 */
export function reviewApp(dir: string, options: { extraSecrets?: number; longFile?: number; git?: boolean } = {}): string {
  const extra = Array.from({ length: options.extraSecrets ?? 0 }, (_, i) => `SERVICE_${String(i).padStart(2, "0")}_TOKEN=CANARYx${i}Tq8Lm3Zp7Wv2Rk9Ys4Nb6Hd${i}`);
  const root = writeTree(dir, {
    "package.json": '{"name":"shop","type":"module"}\n',
    // NEXT_PUBLIC_ makes a browser-exposed warning (high), the second name for DB_PASSWORD's value a duplicate-value one (low).
    ".env": [`DB_PASSWORD=${CANARY.db}`, `PAYMENT_API_KEY=${CANARY.api}`, "APP_REGION=eu-west-1", "LOG_LEVEL=debug", `NEXT_PUBLIC_STRIPE_SECRET_KEY=${CANARY.browser}`, `SMTP_PASSWORD=${CANARY.db}`, ...extra, ""].join("\n"),
    ".env.production": `DB_PASSWORD=${CANARY.prodDb}\nAPP_REGION=us-east-1\n`,
    "index.js": `export const c = [process.env.DB_PASSWORD, process.env.PAYMENT_API_KEY, process.env.APP_REGION, process.env.LOG_LEVEL${extra.map((_, i) => `, process.env.SERVICE_${String(i).padStart(2, "0")}_TOKEN`).join("")}];\nconst which = "DB_PASSWORD";\nexport const dynamic = process.env[which];\n`,
    "pay.js": `const stripeKey = "${CANARY.literal}";\nexport default stripeKey;\n`,
    ...(options.longFile ? { "long.js": Array.from({ length: options.longFile }, (_, i) => `export const read${i} = () => process.env.DB_PASSWORD + ${i};\n`).join("") } : {}),
  });
  if (options.git) {
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: root, stdio: "ignore" });
    git("init", "-q");
    git("add", "-A", "-f");
    git("commit", "-qm", "init");
  }
  return root;
}

export const planWith = (root: string, decisions?: Decisions): Promise<Plan> => makePlan({ root, env: {}, history: false, ...(decisions ? { decisions } : {}) });

/** A plan without what differs on every run (salt, fingerprints, id, time). */
export function comparable(p: Plan): unknown {
  const { id: _id, createdAt: _c, salt: _s, ...rest } = p;
  return JSON.parse(JSON.stringify(rest, (k, v) => (k === "fingerprint" ? undefined : k === "keys" && typeof v === "object" ? Object.keys(v).sort() : v)));
}

export interface ReviewRun extends FakeTerminal {
  /** Resolves with the plan handed to onAccept. */
  accepted: Promise<Plan>;
  quit: Promise<void>;
  /** The decisions of every replan call, in order. */
  replans: Decisions[];
  /** Every frame as written (with escape codes). */
  raw(): string[];
  unmount(): void;
}

/** `colour`: on, off (the default here), or `from-env` (the Review's own default: off under NO_COLOR). */
/** `replan`: given, it is passed as it is (the Review keys its memory of decisions on it) and `replans` stays empty. */
export function renderReview(root: string, plan: Plan, options: { colour?: boolean | "from-env"; columns?: number; rows?: number; reviewRows?: number; replan?: (d: Decisions) => Promise<Plan> } = {}): ReviewRun {
  const t = fakeTerminal(options.columns ?? 80, options.rows ?? 24);
  let accept!: (p: Plan) => void;
  let quit!: () => void;
  const accepted = new Promise<Plan>((r) => (accept = r));
  const quitted = new Promise<void>((r) => (quit = r));
  const replans: Decisions[] = [];
  const replan =
    options.replan ??
    ((d: Decisions) => {
      replans.push(d);
      return planWith(root, d);
    });
  const instance = render(<Review plan={plan} root={root} replan={replan} onAccept={accept} onQuit={quit} {...(options.colour === "from-env" ? {} : { colour: options.colour ?? false })} {...(options.reviewRows ? { rows: options.reviewRows } : {})} />, {
    stdin: t.terminal.stdin,
    stdout: t.terminal.stdout,
    stderr: t.terminal.stderr,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const frames = (t.terminal.stdout as unknown as { frames: string[] }).frames;
  return { ...t, accepted, quit: quitted, replans, raw: () => frames.slice(), unmount: () => instance.unmount() };
}

/** Every frame fits the terminal: at most rows - 1 lines, none wider than columns. */
export function oversized(run: ReviewRun, columns = 80, rows = 24): string | undefined {
  for (const frame of run.raw()) {
    const lines = stripVTControlCharacters(frame).replace(/\n$/, "").split("\n");
    if (lines.length > rows - 1) return `a frame of ${lines.length} lines:\n${lines.join("\n")}`;
    const wide = lines.find((l) => columnsOf(l) > columns);
    if (wide !== undefined) return `a line of ${columnsOf(wide)} columns: ${wide}`;
  }
  return undefined;
}

/** Press `key` `n` times, letting ink read each one. */
export async function pressTimes(run: ReviewRun, key: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const before = run.raw().length;
    run.press(key);
    // ink handles each readable event in turn; wait for it to draw (bounded), so no key is merged with the next.
    const deadline = Date.now() + 2_000;
    while (run.raw().length === before && Date.now() < deadline) await new Promise((r) => setImmediate(r));
  }
}

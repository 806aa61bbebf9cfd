import { Box, Text, useInput, type Key } from "ink";
import { useRef, useState } from "react";
import { loadConfig } from "../config/load.js";
import { VaultshiftError } from "../errors.js";
import { targetProblem, type Decisions } from "../plan/decisions.js";
import type { Plan } from "../plan/types.js";
import { Footer } from "./footer.js";
import { useTerminalSize } from "./terminal-size.js";
import {
  apply,
  configKey,
  editField,
  filterLabel,
  filtersOf,
  keepCursor,
  keepDecision,
  migrateDecision,
  parseTarget,
  secretKey,
  secretRows,
  severityOf,
  targetDecision,
  targetDraft,
  textField,
  windowStart,
  wrap,
  type TextField,
} from "./review-model.js";
import { Caret, ConfigList, configReasonRows, diffLines, secretLines, secretListRows, FileList, Lines, scrollNote, SecretList, secretDetails, warningLines, type Line } from "./review-views.js";

// The Review screen of `vaultshift migrate`: the secrets (where each goes),
// what stays as config, the warnings and the file changes of a plan, and the
// user's decisions about it (keep, migrate, target, undo). Each decision
// re-plans through `replan`, so what is shown is always what the library
// plans with those decisions (src/plan/decisions.ts), and a decision the
// planner refuses (a target collision) is shown and dropped. Only the plan is
// shown: labels and redacted diffs, never a value.

export interface ReviewProps {
  plan: Plan;
  root: string;
  /** Plan again with the user's decisions; resolves to the plan to show next. */
  replan: (decisions: Decisions) => Promise<Plan>;
  onAccept: (plan: Plan) => void;
  onQuit: () => void;
  /** Colours (default: on unless NO_COLOR is set, https://no-color.org). */
  colour?: boolean;
  /** Read keys (default true): off while the session hides the screen (a terminal too small for it). */
  active?: boolean;
  /**
   * Terminal rows the review may fill. Default: the terminal's height less
   * the two rows of the session's header (its step line and the blank row)
   * and one more: ink clears the whole screen at every frame as tall as the
   * terminal (ink's render: outputHeight >= stdout.rows).
   */
  rows?: number;
}

type Tab = "secrets" | "config" | "warnings" | "files";
const TABS: Tab[] = ["secrets", "config", "warnings", "files"];
type View = "list" | "details" | "diff" | "target";

/**
 * The decisions of the last re-plan through each `replan` function. The
 * session keeps one for its whole run and mounts the Review again when the
 * user goes back from Confirm: the review then goes on from the decisions
 * of the plan it showed, which the config holds only once the plan is saved.
 */
const lastDecisions = new WeakMap<ReviewProps["replan"], Decisions>();

/** The decisions already in the project config: a first review starts from them. */
function savedDecisions(root: string): Decisions {
  try {
    return loadConfig(root).config.migrate?.decisions ?? [];
  } catch {
    return []; // the plan was made from this config, so it loads; if not, start empty
  }
}

function errorLines(error: unknown): string {
  if (error instanceof VaultshiftError) return `${error.message}${error.hint ? `\n${error.hint}` : ""}`;
  return `unexpected error: ${(error as Error)?.message ?? String(error)}`;
}

export function Review({ plan: first, root, replan, onAccept, onQuit, colour = process.env.NO_COLOR === undefined || process.env.NO_COLOR === "", rows: given, active = true }: ReviewProps) {
  const size = useTerminalSize();
  const width = Math.max(40, size.columns);
  const rows = Math.max(12, given ?? size.rows - 3);

  const [plan, setPlan] = useState(first);
  const [decisions, setDecisions] = useState<Decisions>(() => lastDecisions.get(replan) ?? savedDecisions(root));
  const [history, setHistory] = useState<Decisions[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [tab, setTab] = useState<Tab>("secrets");
  const [view, setView] = useState<View>("list");
  const [filterIndex, setFilterIndex] = useState(0);
  const [cursor, setCursor] = useState<Record<Tab, number>>({ secrets: 0, config: 0, warnings: 0, files: 0 });
  const [scroll, setScroll] = useState({ text: 0 });
  // The first row each list showed last time: moving the cursor within the window does not scroll it.
  const starts = useRef<Record<string, number>>({});
  const [field, setField] = useState<TextField>(textField(""));
  const draft = field.text;
  const run = useRef(0);

  const filters = filtersOf(plan);
  const filter = filters[Math.min(filterIndex, filters.length - 1)]!;
  const secrets = secretRows(plan, filter);
  const config = plan.config;
  const secret = secrets[cursor.secrets];
  const item = config[cursor.config];
  const file = plan.files[cursor.files];

  // Rows: tabs, status (or a message), the view, and the footer (a blank row and the keys).
  const messageRows = message ? wrap(message.text, width).slice(0, 6) : [];
  const statusRows = Math.max(1, messageRows.length);
  const height = Math.max(3, rows - 1 - statusRows - 2);

  const textLines: Line[] =
    view === "details" && tab === "secrets" && secret ? secretDetails(plan, secret, width) : view === "diff" && file ? diffLines(file.diff, width) : tab === "warnings" ? warningLines(plan, width) : [];
  const textHeight = Math.max(1, height - 1);
  const maxText = Math.max(0, textLines.length - textHeight);

  /** Re-plan with `next`; on success it becomes the plan and the decisions, with the cursors on the same items. */
  const decide = (next: Decisions, what: string) => {
    if (busy) return;
    const id = ++run.current;
    setBusy(true);
    setMessage(null);
    const keys = { secret: secret ? secretKey(secret) : undefined, config: item ? configKey(item) : undefined };
    replan(next).then(
      (p) => {
        if (id !== run.current) return;
        setHistory((h) => [...h, decisions]);
        setDecisions(next);
        lastDecisions.set(replan, next);
        setPlan(p);
        const nextFilters = filtersOf(p);
        const fi = nextFilters.findIndex((f) => f.kind === filter.kind && f.value === filter.value);
        setFilterIndex(fi >= 0 ? fi : 0);
        const nextSecrets = secretRows(p, fi >= 0 ? nextFilters[fi]! : nextFilters[0]!);
        setCursor((c) => ({
          ...c,
          secrets: keepCursor(nextSecrets, secretKey, keys.secret, c.secrets),
          config: keepCursor(p.config, configKey, keys.config, c.config),
          files: Math.min(c.files, Math.max(0, p.files.length - 1)),
        }));
        if (view === "details" && !nextSecrets.some((s) => secretKey(s) === keys.secret)) setView("list");
        setBusy(false);
        setMessage({ text: what, error: false });
      },
      (error: unknown) => {
        if (id !== run.current) return;
        setBusy(false);
        setMessage({ text: `Refused, the plan is unchanged: ${errorLines(error)}`, error: true });
      },
    );
  };

  const undo = () => {
    const previous = history.at(-1);
    if (previous === undefined || busy) {
      if (!busy) setMessage({ text: "Nothing to undo.", error: false });
      return;
    }
    const id = ++run.current;
    setBusy(true);
    setMessage(null);
    const keys = { secret: secret ? secretKey(secret) : undefined, config: item ? configKey(item) : undefined };
    replan(previous).then(
      (p) => {
        if (id !== run.current) return;
        setHistory((h) => h.slice(0, -1));
        setDecisions(previous);
        lastDecisions.set(replan, previous);
        setPlan(p);
        setFilterIndex(0);
        setCursor((c) => ({ ...c, secrets: keepCursor(secretRows(p, filtersOf(p)[0]!), secretKey, keys.secret, c.secrets), config: keepCursor(p.config, configKey, keys.config, c.config) }));
        setBusy(false);
        setMessage({ text: "Undone.", error: false });
      },
      (error: unknown) => {
        if (id !== run.current) return;
        setBusy(false);
        setMessage({ text: `Could not undo: ${errorLines(error)}`, error: true });
      },
    );
  };

  const move = (delta: number, count: number) => {
    if (view === "details" || view === "diff" || (view === "list" && tab === "warnings")) {
      setScroll((s) => ({ ...s, text: Math.max(0, Math.min(maxText, s.text + delta)) }));
      return;
    }
    setCursor((c) => ({ ...c, [tab]: Math.max(0, Math.min(count - 1, c[tab] + delta)) }));
  };
  const count = tab === "secrets" ? secrets.length : tab === "config" ? config.length : tab === "files" ? plan.files.length : 0;

  // ink re-subscribes useInput's handler in an effect, which React runs after
  // the frame is drawn: a key typed in between would reach the previous
  // render's handler (the tab before the switch). The subscribed function only
  // calls the latest render's handler, kept in a ref during render.
  const onKey = useRef<(input: string, key: Key) => void>(() => {});
  // `active` is read through a ref as well: a key typed right after the session hid this screen
  // would otherwise reach it before ink unsubscribes (in an effect, after the frame).
  const activeNow = useRef(active);
  activeNow.current = active;
  useInput((input, key) => activeNow.current && onKey.current(input, key), { isActive: active });
  onKey.current = (input, key) => {
    if (view === "target") {
      if (key.escape) {
        setView("list");
        setMessage(null);
      } else if (key.return) {
        const problem = targetProblem(parseTarget(draft));
        if (problem || !secret) return;
        setView("list");
        decide(apply(decisions, targetDecision(secret, draft)), `${secret.name}: target set to ${draft} (decided by you).`);
      } else {
        const next = editField(field, input, key);
        if (next) setField(next);
      }
      return;
    }
    if (input === "q" || (key.escape && view === "list")) return onQuit();
    if (message && !busy) setMessage(null);
    if (key.escape || key.leftArrow) {
      setView("list");
      return;
    }
    if ((key.return || input === "a") && !busy) return onAccept(plan);
    if (key.tab || /^[1-4]$/.test(input)) {
      const next = key.tab ? TABS[(TABS.indexOf(tab) + (key.shift ? TABS.length - 1 : 1)) % TABS.length]! : TABS[Number(input) - 1]!;
      setTab(next);
      setView("list");
      setScroll({ text: 0 });
      return;
    }
    if (key.upArrow) return move(-1, count);
    if (key.downArrow) return move(1, count);
    if (key.pageUp) return move(-(height - 2), count);
    if (key.pageDown) return move(height - 2, count);
    if (input === "u") return undo();
    if ((input === " " || key.rightArrow) && view === "list") {
      if (tab === "secrets" && secret) setView("details");
      else if (tab === "files" && file) setView("diff");
      setScroll((s) => ({ ...s, text: 0 }));
      return;
    }
    if (input === " " && view !== "list") return setView("list");
    if (tab === "secrets" && input === "f" && view === "list") {
      setFilterIndex((i) => (i + 1) % filters.length);
      setCursor((c) => ({ ...c, secrets: 0 }));
      return;
    }
    if (tab === "secrets" && secret && input === "k") return decide(apply(decisions, keepDecision(secret)), `${secret.name} (${secret.source.file}) stays where it is, as config (decided by you).`);
    if (tab === "secrets" && secret && input === "t") {
      setField(textField(targetDraft(plan, secret)));
      setView("target");
      return;
    }
    if (tab === "config" && item && input === "s") return decide(apply(decisions, migrateDecision(item)), `${item.name} (${item.file}) moves to Vault as a secret (decided by you).`);
  };

  // Tabs and status.
  const tabText = TABS.map((t, i) => {
    const n = t === "secrets" ? plan.secrets.length : t === "config" ? config.length : t === "warnings" ? plan.warnings.length : plan.files.length;
    return `${t === tab ? "[" : " "}${i + 1} ${t} ${n}${t === tab ? "]" : " "}`;
  }).join(" ");
  const high = plan.warnings.filter((w) => severityOf(w) === "high").length;
  let status: string;
  if (busy) status = "Re-planning with your decisions…";
  else if (view === "target") status = `Target for ${secret?.name ?? "?"} (path#key; {environment} {app} {group} are filled in):`;
  else if (tab === "secrets") status = `${secrets.length} of ${plan.secrets.length} secret${plan.secrets.length === 1 ? "" : "s"} · filter: ${filterLabel(filter)}${view === "details" && textLines.length > textHeight ? ` · ${scrollNote(scroll.text, textHeight, textLines.length)}` : ""}`;
  else if (tab === "config") status = config.length === 1 ? "1 value stays where it is (config or public)" : `${config.length} values stay where they are (config or public)`;
  else if (tab === "warnings") status = `${plan.warnings.length} warnings, ${high} high · ${scrollNote(Math.min(scroll.text, maxText), textHeight, textLines.length) || "all shown"}`;
  else status = view === "diff" && file ? `${file.file} (${file.kind}) · ${scrollNote(Math.min(scroll.text, maxText), textHeight, textLines.length) || "whole diff shown"}` : `${plan.files.length} files change (diffs are redacted)`;

  const listStart = (name: string, i: number, n: number, h: number) => (starts.current[name] = windowStart(i, h, n, starts.current[name] ?? 0));
  /** The secret list scrolls by its display rows (group headers included). */
  const secretStart = () => {
    const lines = secretLines(secrets);
    const at = lines.findIndex((l) => "secret" in l && l.index === cursor.secrets);
    return listStart(`secrets ${filterIndex}`, Math.max(0, at), lines.length, secretListRows(height));
  };
  let body;
  if (view === "target") {
    const problem = targetProblem(parseTarget(draft));
    body = (
      <Box flexDirection="column">
        <Caret field={field} width={width} colour={colour} />
        <Text wrap="truncate-end" {...(colour ? { color: problem ? "red" : "green" } : {})}>
          {problem ? `✗ ${problem}` : "✓ Enter to re-plan with this target, Esc to cancel"}
        </Text>
        <Text wrap="truncate-end">{`now: ${secret ? `${secret.target.mount}/${secret.target.path}#${secret.target.key}` : ""}`}</Text>
      </Box>
    );
  } else if (view === "details" || view === "diff" || tab === "warnings") {
    body = <Lines lines={textLines.length > 0 ? textLines : [{ text: "(no warnings)" }]} start={Math.min(scroll.text, maxText)} width={width} height={textHeight} colour={colour} />;
  } else if (tab === "secrets") {
    body = <SecretList rows={secrets} cursor={cursor.secrets} start={secretStart()} width={width} height={height} colour={colour} />;
  } else if (tab === "config") {
    body = <ConfigList rows={config} cursor={cursor.config} start={listStart("config", cursor.config, config.length, height - 1 - configReasonRows(item, width))} width={width} height={height} colour={colour} />;
  } else {
    body = <FileList files={plan.files} cursor={cursor.files} start={listStart("files", cursor.files, plan.files.length, height - 1)} width={width} height={height} colour={colour} />;
  }

  const keys: [string, string][] =
    view === "target"
      ? [["Enter", "apply"], ["Esc", "cancel"], ["←→", "move"], ["^U", "clear"]]
      : view === "details"
        ? [["↑↓", "scroll"], ["k", "keep as config"], ["t", "target"], ["u", "undo"], ["←", "back"], ["a", "accept"], ["q", "quit"]]
        : view === "diff"
          ? [["↑↓ PgUp PgDn", "scroll"], ["←", "back"], ["a", "accept"], ["q", "quit"]]
          : tab === "secrets"
            ? [["↑↓", "move"], ["→", "details"], ["k", "keep"], ["t", "target"], ["f", "filter"], ["u", "undo"], ["Tab", "next"], ["Enter", "accept"], ["q", "quit"]]
            : tab === "config"
              ? [["↑↓", "move"], ["s", "migrate as secret"], ["u", "undo"], ["Tab", "next"], ["Enter", "accept"], ["q", "quit"]]
              : tab === "warnings"
                ? [["↑↓ PgUp PgDn", "scroll"], ["u", "undo"], ["Tab", "next"], ["Enter", "accept"], ["q", "quit"]]
                : [["↑↓", "move"], ["→", "diff"], ["u", "undo"], ["Tab", "next"], ["Enter", "accept"], ["q", "quit"]];

  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" {...(colour ? { bold: true } : {})}>
        {`Review ${tabText}`}
      </Text>
      {message ? (
        <Box flexDirection="column">
          {messageRows.map((l, i) => (
            <Text key={i} wrap="truncate-end" {...(colour ? { color: message.error ? "red" : "green" } : {})}>
              {l}
            </Text>
          ))}
        </Box>
      ) : (
        <Text wrap="truncate-end" {...(colour && busy ? { color: "yellow" } : {})}>
          {status}
        </Text>
      )}
      {body}
      <Footer keys={keys} colour={colour} />
    </Box>
  );
}

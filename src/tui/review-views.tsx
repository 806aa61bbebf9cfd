import { Box, Text } from "ink";
import type { Plan, PlannedConfig, PlannedFileChange, PlannedSecret } from "../plan/types.js";
import { columns, fit, readersOf, severityOf, targetText, warningsBySeverity, wrap, type TextField } from "./review-model.js";

// The review's views, as functions of what to show and how many rows there
// are: each returns exactly the rows it is given or fewer, so the screen stays
// within the terminal (80×24 included). Colour only when asked (NO_COLOR).

export interface ViewProps {
  width: number;
  height: number;
  colour: boolean;
}

function Row({ text, width, selected, colour, color, dim }: { text: string; width: number; selected?: boolean; colour: boolean; color?: string; dim?: boolean }) {
  const style = colour ? { ...(selected ? { inverse: true } : {}), ...(color ? { color } : {}), ...(dim ? { dimColor: true } : {}) } : {};
  return (
    <Text wrap="truncate-end" {...style}>
      {fit(text, width)}
    </Text>
  );
}

/** One screen row of a scrolled text, and its colour when colours are on. */
export interface Line {
  text: string;
  color?: string;
}

/** Rows `start`…`start + height` of `lines`. */
export function Lines({ lines, start, width, height, colour }: ViewProps & { lines: Line[]; start: number }) {
  return (
    <Box flexDirection="column">
      {lines.slice(start, start + height).map((l, i) => (
        <Row key={start + i} text={l.text} width={width} colour={colour} {...(l.color ? { color: l.color } : {})} />
      ))}
    </Box>
  );
}

export function scrollNote(start: number, height: number, total: number): string {
  if (total <= height) return "";
  return `lines ${start + 1}–${Math.min(total, start + height)} of ${total}`;
}

/** The secret list's rows: a header per environment, then its secrets (`index` into the rows of secretRows). */
export type SecretLine = { env: string; count: number } | { secret: PlannedSecret; index: number };

export function secretLines(rows: PlannedSecret[]): SecretLine[] {
  const out: SecretLine[] = [];
  rows.forEach((secret, index) => {
    if (index === 0 || rows[index - 1]!.environment !== secret.environment) out.push({ env: secret.environment, count: rows.filter((r) => r.environment === secret.environment).length });
    out.push({ secret, index });
  });
  return out;
}

/** Rows of the list itself: a column header, the selected secret's whole target below. */
export const secretListRows = (height: number) => Math.max(1, height - 2);

export function SecretList({ rows, cursor, start, width, height, colour }: ViewProps & { rows: PlannedSecret[]; cursor: number; start: number }) {
  // Widths for 80 columns; the environment is the group's header, and the target takes what is left
  // (the selected row's whole target is shown below the list). A wider terminal gives the name and
  // the kind the room their longest need (up to half of what is beyond 80 columns, then the kind's).
  const extra = Math.max(0, width - 80);
  const name = 20 + Math.min(Math.floor(extra / 2), Math.max(0, ...rows.map((s) => columns(s.name) - 20)));
  const kind = 13 + Math.min(Math.max(0, Math.floor(extra / 2) - (name - 20)), Math.max(0, ...rows.map((s) => columns(s.kind) - 13)));
  const red = 15;
  const head = `   ${fit("NAME", name)} ${fit("KIND", kind)} CONF ${fit("VALUE", red)} TARGET (! in git history, * your decision)`;
  const line = (s: PlannedSecret, i: number) =>
    `${i === cursor ? ">" : " "}${s.inGitHistory ? "!" : " "}${s.decidedByUser ? "*" : " "}${fit(s.name, name)} ${fit(s.kind, kind)} ${s.confidence.toFixed(2)} ${fit(s.redacted, red)} ${s.target.path}#${s.target.key}`;
  const lines = secretLines(rows);
  const selected = rows[cursor];
  return (
    <Box flexDirection="column">
      <Row text={head} width={width} colour={colour} dim />
      {rows.length === 0 ? <Row text="  (no secret here)" width={width} colour={colour} /> : null}
      {lines.slice(start, start + secretListRows(height)).map((l, i) =>
        "env" in l ? (
          <Row key={start + i} text={`── ${l.env} (${l.count}) `.padEnd(width, "─")} width={width} colour={colour} {...(colour ? { color: "magenta" } : {})} />
        ) : (
          <Row key={start + i} text={line(l.secret, l.index)} width={width} selected={l.index === cursor} colour={colour} />
        ),
      )}
      {selected ? <Row text={`→ ${targetText(selected)} (${selected.environment}) from ${selected.source.file}:${selected.source.line}`} width={width} colour={colour} {...(colour ? { color: "cyan" } : {})} /> : null}
    </Box>
  );
}

/** Everything about one secret, as rows (scrolled by the caller). */
export function secretDetails(plan: Plan, s: PlannedSecret, width: number): Line[] {
  const readers = readersOf(plan, s);
  // Continuation rows start under the text, not under the label.
  const field = (label: string, text: string): Line[] => wrap(text, width - 13).map((t, i) => ({ text: `${(i === 0 ? label : "").padEnd(13)}${t}` }));
  return [
    ...field("secret", `${s.name} (${s.environment})`),
    ...field("kind", `${s.kind}, confidence ${s.confidence.toFixed(2)}`),
    ...field("value", `${s.redacted} (redacted; the value is never shown)`),
    ...field("goes to", targetText(s)),
    ...field("reason", s.reason),
    ...field("source", `${s.source.file}:${s.source.line}:${s.source.column} (${s.source.type === "dotenv" ? ".env entry" : "hard-coded in source"})`),
    ...field("duplicates", s.duplicates.length === 0 ? "none" : s.duplicates.map((d) => `${d.file}:${d.line}`).join(", ")),
    ...field("read by", readers.length === 0 ? "no code seen reading it by name" : readers.join(", ")),
    ...(s.inGitHistory ? field("git history", "the value was committed: it stays readable in history, rotate it") : []),
    ...(s.decidedByUser ? field("decision", "yours (u undoes the last decision)") : []),
  ];
}

/** Rows under the config list for the selected item's reason (up to two). */
export const configReasonRows = (c: PlannedConfig | undefined, width: number) => (c ? Math.min(2, wrap(`why: ${c.reason}`, width).length) : 0);

export function ConfigList({ rows, cursor, start, width, height, colour }: ViewProps & { rows: PlannedConfig[]; cursor: number; start: number }) {
  // A wider terminal widens the name and the file:line to their longest (up to a third of what is beyond 80 columns each).
  const extra = Math.floor(Math.max(0, width - 80) / 3);
  const name = 24 + Math.min(extra, Math.max(0, ...rows.map((c) => columns(c.name) - 24)));
  const where = 24 + Math.min(extra, Math.max(0, ...rows.map((c) => columns(`${c.file}:${c.line}`) - 24)));
  const head = `   ${fit("NAME", name)} ${fit("FILE", where)} ${fit("KIND", 6)} WHY IT STAYS`;
  const line = (c: PlannedConfig, i: number) => `${i === cursor ? ">" : " "} ${c.decidedByUser ? "*" : " "}${fit(c.name, name)} ${fit(`${c.file}:${c.line}`, where)} ${fit(c.verdict, 6)} ${c.reason}`;
  const selected = rows[cursor];
  const reason = selected ? wrap(`why: ${selected.reason}`, width).slice(0, 2) : [];
  const body = Math.max(1, height - 1 - configReasonRows(selected, width));
  return (
    <Box flexDirection="column">
      <Row text={head} width={width} colour={colour} dim />
      {rows.length === 0 ? <Row text="  (nothing stays: every variable found moves)" width={width} colour={colour} /> : null}
      {rows.slice(start, start + body).map((c, i) => (
        <Row key={start + i} text={line(c, start + i)} width={width} selected={start + i === cursor} colour={colour} />
      ))}
      {reason.map((l, i) => (
        <Row key={`r${i}`} text={l} width={width} colour={colour} {...(colour ? { color: "cyan" } : {})} />
      ))}
    </Box>
  );
}

/** The warnings, most severe first, each with its place and its whole message, as rows. */
export function warningLines(plan: Plan, width: number): Line[] {
  const colours = { high: "red", medium: "yellow", low: "blue" } as const;
  const out: Line[] = [];
  for (const w of warningsBySeverity(plan)) {
    const place = w.file ? `${w.file}${w.line ? `:${w.line}` : ""}` : "the project";
    const severity = severityOf(w);
    out.push({ text: `[${severity.toUpperCase()}] ${w.code} · ${place}`, color: colours[severity] });
    // Most messages open with their file:line, which the header row just gave.
    const message = w.message.startsWith(`${place}: `) ? w.message.slice(place.length + 2) : w.message;
    out.push(...wrap(message, width - 2).map((l) => ({ text: `  ${l}` })));
  }
  return out;
}

export function FileList({ files, cursor, start, width, height, colour }: ViewProps & { files: PlannedFileChange[]; cursor: number; start: number }) {
  const head = `  ${fit("CHANGE", 20)} ${fit("EDITS", 5)} FILE`;
  const body = Math.max(1, height - 1);
  return (
    <Box flexDirection="column">
      <Row text={head} width={width} colour={colour} dim />
      {files.length === 0 ? <Row text="  (no file changes)" width={width} colour={colour} /> : null}
      {files.slice(start, start + body).map((f, i) => (
        <Row key={start + i} text={`${start + i === cursor ? ">" : " "} ${fit(f.beforeHash === null ? `${f.kind} (new)` : f.kind, 20)} ${String(f.edits).padStart(5)} ${f.file}`} width={width} selected={start + i === cursor} colour={colour} />
      ))}
    </Box>
  );
}

/** A unified diff as rows: additions green, removals red, hunk headers cyan (a long line's every row too). */
export function diffLines(diff: string, width: number): Line[] {
  const out: Line[] = [];
  for (const line of diff.replace(/\n$/, "").split("\n")) {
    const color = line.startsWith("+++") || line.startsWith("---") ? undefined : line.startsWith("+") ? "green" : line.startsWith("-") ? "red" : line.startsWith("@@") ? "cyan" : undefined;
    // The patch's "====" rule under its Index line is as wide as the terminal, not one row and a stub.
    if (/^=+$/.test(line)) out.push({ text: "=".repeat(Math.min(line.length, width)) });
    else for (const text of wrap(line, width, false)) out.push({ text, ...(color ? { color } : {}) });
  }
  return out;
}

/**
 * The target editor's line: `> `, then the text with the caret, scrolled so that the caret stays in
 * view. At the end the caret is `_` (as a shell prompt's); inside the text it is the character under
 * it in inverse video, or a `|` before it without colour.
 */
export function Caret({ field, width, colour }: { field: TextField; width: number; colour: boolean }) {
  const chars = [...field.text];
  const room = Math.max(4, width - 3);
  const start = Math.max(0, field.caret - room + 1);
  const shown = chars.slice(start, start + room);
  const at = field.caret - start;
  const before = `> ${start > 0 ? "…" : ""}${shown.slice(start > 0 ? 1 : 0, at).join("")}`;
  const under = shown[at];
  const after = shown.slice(at + 1).join("");
  if (under === undefined) return <Text wrap="truncate-end">{`${before}_`}</Text>;
  if (!colour) return <Text wrap="truncate-end">{`${before}|${under}${after}`}</Text>;
  return (
    <Text wrap="truncate-end">
      {before}
      <Text inverse>{under}</Text>
      {after}
    </Text>
  );
}

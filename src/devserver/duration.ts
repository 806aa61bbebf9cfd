// Vault's duration syntax (openbao/docs/concepts/duration-format.mdx): an
// integer is seconds; otherwise a sequence of <number><unit> with units
// ns, us/µs, ms, s, m, h and d (days), e.g. "60h", "1.5h", "50d", "1h30m".

const UNIT_SECONDS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  "µs": 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
};

const PART = /(\d+(?:\.\d+)?|\.\d+)(ns|us|µs|ms|s|m|h|d)/y;

/** Seconds (rounded down), or undefined when the input is not a duration. */
export function parseDuration(input: unknown): number | undefined {
  if (typeof input === "number") return Number.isFinite(input) && input >= 0 ? Math.floor(input) : undefined;
  if (typeof input !== "string") return undefined;
  const text = input.trim();
  if (text === "") return 0;
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let pos = 0;
  while (pos < text.length) {
    PART.lastIndex = pos;
    const m = PART.exec(text);
    if (!m) return undefined;
    total += Number(m[1]) * UNIT_SECONDS[m[2]!]!;
    pos = PART.lastIndex;
  }
  return Math.floor(total + 1e-9);
}

/** Go's time.Duration.String() for whole seconds: "0s", "45s", "30m0s", "72h0m0s". */
export function formatGoDuration(seconds: number): string {
  if (seconds <= 0) return "0s";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

/**
 * Vault's humanDuration (sdk/framework): Go's duration text without the zero minutes and seconds ("784h",
 * "3m20s", "775h56m31s"), as the TTL warnings show it.
 */
export function formatHumanDuration(seconds: number): string {
  return formatGoDuration(seconds).replace(/m0s$/, "m").replace(/h0m$/, "h");
}

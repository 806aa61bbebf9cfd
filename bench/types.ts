// The benchmark registry's contract. Every module in bench/ that exports
// `benchmarks: Benchmark[]` is picked up by bench/index.ts; the module needs no
// other registration. A benchmark measures and returns tables; it never asserts
// a timing (speed goals are printed next to the measured value, not enforced).

/** One cell: numbers are formatted by the table printer, strings printed as-is. */
export type Cell = string | number | null;

export interface Table {
  title: string;
  columns: string[];
  rows: Cell[][];
  /** Lines printed under the table: targets, caveats, what a figure means. */
  notes?: string[];
}

export interface BenchContext {
  /** Repository root (where package.json is). */
  root: string;
  /** `<root>/.bench`: git-ignored scratch and cache space for every benchmark. */
  workDir: string;
  /** Logical CPUs of this machine, for the record. */
  cpus: number;
  /** Progress line on stderr (tables go to stdout). */
  log(message: string): void;
}

export interface Benchmark {
  /** kebab-case, unique; `npm run bench -- <filter>` runs the ones whose name contains a filter. */
  name: string;
  /** One line: what is measured. */
  description: string;
  run(ctx: BenchContext): Promise<Table[]>;
}

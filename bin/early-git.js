"use strict";
// `scan --history` / `scan --since REF` start `git log` here, before the scan
// bundle loads: git's revision walk and first diffs (it must walk every
// commit before its first line with --reverse) then run on the other core
// while this thread compiles the bundle, loads the engine and reads the
// config, instead of after. src/scan/git-source.ts `historyJobs` takes the
// child only if it would have started exactly this command in exactly this
// directory (its own arguments, compared one by one), and starts its own
// otherwise; nothing is read from the child before that. So this is a guess
// that is cheap to get wrong: a directory that is not a repository's root
// (no `.git` here), pathspecs, any option it does not know, and it starts
// nothing.

const { statSync } = require("node:fs");
const { join } = require("node:path");

// src/scan/git-source.ts GIT_BASE, DIFF_FLAGS and historyJobs' `git log`
// arguments: a difference only means the child is not taken (a test in
// src/cli/bundle.test.ts checks that it is).
const GIT_BASE = [
  "-c", "core.quotePath=false", "-c", "diff.noprefix=false", "-c", "diff.mnemonicPrefix=false",
  "-c", "log.showRoot=true", "-c", "diff.interHunkContext=0", "-c", "diff.relative=false",
];
const DIFF_FLAGS = ["-U0", "--no-color", "--no-ext-diff", "--no-textconv", "--src-prefix=a/", "--dst-prefix=b/", "-M"];

/** `scan`'s options that take a value (src/cli/commands/scan.ts), and the flags that change nothing git is asked. */
const VALUE_OPTIONS = new Set(["--since", "--format", "-f", "--output", "-o", "--baseline", "--config", "-c", "--workers"]);
const FLAGS = new Set(["--history", "--ci", "--no-baseline"]);

/** The `git log` arguments of a `scan` argv (after "scan"), or undefined when it is not a plain --history / --since REF run. */
function historyArgs(argv) {
  let history = false;
  let since;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (VALUE_OPTIONS.has(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined) return undefined;
      if (name === "--since") since = value;
    } else if (FLAGS.has(arg)) {
      if (arg === "--history") history = true;
    } else {
      return undefined; // a path, `-`, --staged, --help, --, anything new
    }
  }
  if (history === (since !== undefined)) return undefined;
  // A REF is verified (git rev-parse --end-of-options) before git log sees
  // it; here git log sees it first, so nothing that git could read as an
  // option, and nothing but the characters of ordinary ref names and
  // revision expressions (git-check-ref-format, gitrevisions).
  if (since !== undefined && !/^[\w./@{}^~+-]+$/.test(since)) return undefined;
  if (since !== undefined && since.startsWith("-")) return undefined;
  const revs = since !== undefined ? [`${since}..HEAD`] : ["--all"];
  return [...GIT_BASE, "log", "-p", "--cc", ...DIFF_FLAGS, "--no-show-signature", "--reverse", "--format=%x00%H", ...revs, "--"];
}

/**
 * Starts `git log` for `scan` arguments `argv` in `cwd` when it can say what
 * the scan will run there. Returns `take(args, cwd)`, which hands over the
 * child (once) if it runs exactly `git args` in `cwd`, and stops it
 * otherwise; or undefined when nothing was started. The child is stopped at
 * exit if no scan took it.
 */
function startEarlyGit(argv, cwd) {
  const args = historyArgs(argv);
  if (args === undefined) return undefined;
  if (statSync(join(cwd, ".git"), { throwIfNoEntry: false }) === undefined) return undefined;
  let child;
  try {
    // Required here: `scan -` and `scan --help` start no process (~4 ms of CPU to load).
    child = require("node:child_process").spawn("git", args, { cwd, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C", GIT_DIFF_OPTS: undefined }, stdio: ["ignore", "pipe", "pipe"] });
  } catch {
    return undefined;
  }
  // git missing: the scan starts its own and reports that, with its message.
  let failed = false;
  child.once("error", () => (failed = true));
  let offered = true;
  const stop = () => {
    if (offered) child.kill();
    offered = false;
  };
  process.once("exit", stop);
  return (wanted, wantedCwd) => {
    if (!offered) return undefined;
    // An exited child is not handed over: once its exit is seen, Node drains
    // the pipes no one listens to (child_process flushStdio), so its output is
    // gone and its "close" already emitted (historyJobs would wait forever).
    const running = child.exitCode === null && child.signalCode === null;
    const same = !failed && running && child.pid !== undefined && wantedCwd === cwd && wanted.length === args.length && wanted.every((a, i) => a === args[i]);
    if (!same) {
      stop();
      return undefined;
    }
    offered = false;
    process.removeListener("exit", stop);
    return child;
  };
}

module.exports = { historyArgs, startEarlyGit };

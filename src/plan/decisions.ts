// What the person reviewing a plan decided about it (the interactive
// session's Review screen): replanning with these gives the plan they accept.
// Owned by the review screens; the session only passes it through.

/** Per planned secret (by `PlannedSecret.id`): keep it where it is instead of moving it. */
export interface Decisions {
  /** Secret ids the user chose to leave out of the migration. */
  skip?: string[];
}

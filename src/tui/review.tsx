import { Box, Text, useInput } from "ink";
import type { Decisions } from "../plan/decisions.js";
import type { Plan } from "../plan/types.js";

// The Review screen: the secrets, warnings and file diffs of a plan, with the
// user's per-secret decisions. A placeholder until the review screens land:
// it accepts the plan as it is.

export interface ReviewProps {
  plan: Plan;
  root: string;
  /** Plan again with the user's decisions; resolves to the plan to show next. */
  replan: (decisions: Decisions) => Promise<Plan>;
  onAccept: (plan: Plan) => void;
  onQuit: () => void;
}

export function Review({ plan, onAccept, onQuit }: ReviewProps) {
  useInput((input, key) => {
    if (key.return) onAccept(plan);
    else if (input === "q" || key.escape) onQuit();
  });
  return (
    <Box flexDirection="column">
      <Text>Review: {plan.secrets.length} secret{plan.secrets.length === 1 ? "" : "s"}, {plan.files.length} file{plan.files.length === 1 ? "" : "s"} to change.</Text>
    </Box>
  );
}

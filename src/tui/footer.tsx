import { Box, Text } from "ink";

// The keys line at the bottom of every screen of the session.

export function Footer({ keys, colour }: { keys: [string, string][]; colour: boolean }) {
  return (
    <Box marginTop={1}>
      <Text wrap="truncate-end" {...(colour ? { dimColor: true } : {})}>
        {keys.map(([k, what]) => `${k} ${what}`).join("  ·  ")}
      </Text>
    </Box>
  );
}

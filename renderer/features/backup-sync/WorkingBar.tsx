import { Progress, Stack, Text } from '@mantine/core';

/**
 * Shown while a merge or restore transaction runs. It has no cancel: the work is one
 * transaction, so closing the window mid-way leaves the data exactly as it was.
 */
export function WorkingBar({ label, testId }: { label: string; testId: string }) {
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Progress value={100} animated striped aria-label={label} />
    </Stack>
  );
}

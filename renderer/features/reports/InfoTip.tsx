import { ActionIcon, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';

/**
 * A small "i" that explains a number in plain words on hover, focus or tap (the how, kept off
 * the card so the card shows the number and what it counts).
 */
export function InfoTip({ label, text, testId }: { label: string; text: string; testId?: string }) {
  return (
    <Tooltip
      label={text}
      multiline
      w={320}
      withArrow
      events={{ hover: true, focus: true, touch: true }}
    >
      <ActionIcon variant="subtle" color="gray" size="sm" aria-label={label} data-testid={testId}>
        <IconInfoCircle size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

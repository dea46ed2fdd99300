import {
  Badge,
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  rowOutcomes,
  tallyOutcomes,
  type DuplicateChoice,
} from '../../../../shared/contacts/import-plan';
import type { PreparedRow } from '../../../../shared/contacts/import-rows';
import type { TextEncodingName } from '../../../../shared/text-encoding';
import { EncodingSelect } from './EncodingSelect';
import { RejectedRows, WarningRows } from './ProblemRows';
import type { PreviewState } from './useContactImport';

const SHOWN_SAMPLE = 5;

/** The counts of the plan, a sample, the duplicate choice, the fields kept, the problem rows. */
export function PreviewStep({
  state,
  choice,
  onChoice,
  onEncoding,
  onKeep,
  onDownloadRejected,
  onBack,
  onRun,
}: {
  state: PreviewState;
  choice: DuplicateChoice;
  onChoice: (choice: DuplicateChoice) => void;
  onEncoding: (encoding: TextEncodingName) => void;
  /** vCard: the other apps' properties to keep as fields (the rows are checked again). */
  onKeep: (keep: string[]) => void;
  onDownloadRejected: () => void;
  onBack: () => void;
  onRun: () => void;
}) {
  const { t } = useTranslation();
  const { rows, plan, counts, encoding, fields, created, found, keep } = state;
  const rejected = rows.flatMap((r) => (r.ok ? [] : [r]));
  const kept = rows.flatMap((r) => (r.ok && r.warnings.length > 0 ? [r] : []));
  const sample = rows.flatMap((r) => (r.ok ? [r.fields] : [])).slice(0, SHOWN_SAMPLE);
  const duplicates = counts.inBook + counts.inFile;
  // What the import will report, from the same plan under the same choice.
  const tally = tallyOutcomes(rowOutcomes(plan, choice));
  const toImport = tally.added + tally.merged;
  return (
    <Stack>
      <Text fw={600}>{t('contacts.import.previewTitle')}</Text>
      <Group gap="xs">
        {(
          [
            ['import-ready', 'teal', 'ready', rows.length - rejected.length],
            ['import-rejected', 'red', 'rejected', rejected.length],
            ['import-warnings-count', 'yellow', 'warnings', kept.length],
            ['import-duplicates', 'orange', 'duplicates', counts.inBook],
            ['import-in-file', 'orange', 'inFile', counts.inFile],
          ] as const
        ).map(([testId, color, key, count]) =>
          // "Ready" shows even at 0; the others only when there is something to count.
          count > 0 || key === 'ready' ? (
            <Badge key={key} color={color} variant="light" tt="none" data-testid={testId}>
              {t(`contacts.import.${key}`, { count })}
            </Badge>
          ) : null,
        )}
      </Group>
      <EncodingSelect value={encoding} onChange={onEncoding} />
      {(fields.length > 0 || found.length > 0) && (
        <Stack gap={4} data-testid="import-custom-fields">
          <Text size="sm" fw={500}>
            {t('customFields.fromFile')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('customFields.fromFileHelp')}
          </Text>
          {found.length > 0 ? (
            <Checkbox.Group value={keep} onChange={onKeep}>
              <Group gap="md">
                {found.map((name) => (
                  <Checkbox key={name} value={name} label={name} />
                ))}
              </Group>
            </Checkbox.Group>
          ) : (
            <Group gap="xs">
              {fields.map((f) => (
                <Badge key={f.id} variant="outline" tt="none">
                  {f.name}
                  {created.includes(f) ? ` (${t('customFields.fromFileNew')})` : ''}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
      )}
      {sample.length > 0 && <SampleRows sample={sample} />}
      {duplicates > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {counts.inFile > 0
              ? t('contacts.import.duplicateChoiceBoth')
              : t('contacts.import.duplicateChoice')}
          </Text>
          <SegmentedControl
            value={choice}
            onChange={(v) => onChoice(v as DuplicateChoice)}
            data={[
              { value: 'skip', label: t('contacts.import.duplicateSkip') },
              { value: 'merge', label: t('contacts.import.duplicateMerge') },
              { value: 'add', label: t('contacts.import.duplicateAdd') },
            ]}
          />
        </Stack>
      )}
      {kept.length > 0 && <WarningRows kept={kept} />}
      {rejected.length > 0 && <RejectedRows rejected={rejected} onDownload={onDownloadRejected} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onBack}>
          {t('contacts.import.back')}
        </Button>
        <Button disabled={toImport <= 0} onClick={onRun}>
          {toImport > 0
            ? t('contacts.import.start', { count: toImport })
            : t('contacts.import.nothingToImport')}
        </Button>
      </Group>
    </Stack>
  );
}

type Ready = Extract<PreparedRow, { ok: true }>['fields'];

/** The first rows as they will be imported: name, first phone, e-mail (or organization). */
function SampleRows({ sample }: { sample: readonly Ready[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('contacts.import.sampleTitle')}
      </Text>
      <Table withTableBorder data-testid="import-sample">
        <Table.Tbody>
          {sample.map((f, i) => (
            <Table.Tr key={i}>
              <Table.Td>{f.name}</Table.Td>
              <Table.Td>{f.phones[0]?.raw ?? f.unparsedPhones?.[0]?.raw ?? ''}</Table.Td>
              <Table.Td>{f.email ?? f.organization ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

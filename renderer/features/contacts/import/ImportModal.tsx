import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconFileImport } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_BYTES } from '../../../../shared/contacts/file-kind';
import {
  planCounts,
  planImport,
  rowsToImport,
  type DuplicateChoice,
  type PlanCounts,
} from '../../../../shared/contacts/import-plan';
import {
  hasNameColumn,
  IMPORT_FIELDS,
  type ColumnMapping,
  type ImportField,
} from '../../../../shared/contacts/import-mapping';
import type { ImportProblem, PreparedRow } from '../../../../shared/contacts/import-rows';
import { writeCsv } from '../../../../shared/contacts/csv-write';
import { planCustomFields, type CustomFieldDef } from '../../../../shared/contacts/custom-fields';
import { newId } from '../../../../shared/ids';
import { localCalendarDate } from '../../../../shared/dates';
import type { TextEncodingName } from '../../../../shared/text-encoding';
import { useHost, useRepositories } from '../../../app/services';
import type { ImportSummary } from '../../../db/repositories/contacts';
import { ImportSession, type ParseResult } from './import-session';
import { EncodingSelect } from './EncodingSelect';

type Step =
  | { step: 'pick'; error?: string }
  | { step: 'busy'; label: string; done?: number; total?: number }
  | {
      step: 'map';
      headers: string[];
      sample: string[][];
      mapping: ColumnMapping[];
      encoding: TextEncodingName;
    }
  | {
      step: 'preview';
      rows: PreparedRow[];
      counts: PlanCounts;
      mapping: ColumnMapping[];
      encoding: TextEncodingName;
      /** The shop's fields kept columns go to, and which of them the import creates. */
      fields: CustomFieldDef[];
      created: CustomFieldDef[];
      /** vCard: the other apps' properties found, and those the user keeps. */
      found: string[];
      keep: string[];
    }
  | { step: 'importing'; done: number; total: number }
  | { step: 'done'; summary: ImportSummary }
  | { step: 'cancelled' };

/** The name a column kept as a field gets: the one chosen, else its header. */
const customNameOf = (m: ColumnMapping | undefined, header: string): string =>
  m?.customName ?? (header.trim().slice(0, 60) || '?');

const formatMb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const SHOWN_REJECTED = 50;
const SHOWN_SAMPLE = 5;
const NOTE_LABEL_FIELDS = [
  'name',
  'phone',
  'email',
  'birthday',
  'gender',
  'consent',
  'address',
  'city',
  'nickname',
  'organization',
  'jobTitle',
  'websites',
  'otherAddresses',
  'tags',
  'source',
] as const;

/** Import contacts: pick a file, map columns (CSV), preview, import in one transaction. */
export function ImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const host = useHost();
  const { contacts, customFields } = useRepositories();
  const [state, setState] = useState<Step>({ step: 'pick' });
  const [choice, setChoice] = useState<DuplicateChoice>('skip');
  const session = useRef<ImportSession | null>(null);
  const abort = useRef<AbortController | null>(null);

  const reset = () => {
    session.current?.dispose();
    session.current = null;
    setState({ step: 'pick' });
    setChoice('skip');
  };
  useEffect(() => () => session.current?.dispose(), []);

  const close = () => {
    if (state.step === 'importing') return;
    reset();
    onClose();
  };

  /**
   * Check every row. `found`/`keep`: a vCard's other-app properties and those kept as fields
   * (a CSV's kept columns are in its mapping).
   */
  const prepare = async (
    mapping: ColumnMapping[],
    encoding: TextEncodingName,
    found: string[] = [],
    keep: string[] = found,
  ) => {
    const s = session.current;
    if (!s) return;
    setState({ step: 'busy', label: 'checking', done: 0 });
    const names = [
      ...mapping.flatMap((m) => (m.field === 'custom' && m.customName ? [m.customName] : [])),
      ...keep,
    ];
    const plan = planCustomFields(names, await customFields.list(), () => newId(Date.now()));
    const noteLabels = Object.fromEntries(
      NOTE_LABEL_FIELDS.map((f) => [f, t(`contacts.import.field.${f}`)]),
    );
    const rows = await s.prepare(
      {
        mapping,
        today: localCalendarDate(new Date()),
        phoneRegion: await contacts.phoneRegion(),
        noteLabels,
        customFields: [...plan.byName.values()],
      },
      (done, total) => setState({ step: 'busy', label: 'checking', done, total }),
    );
    // The same plan the import makes (shared/contacts/import-plan.ts), so its counts are true.
    const index = await contacts.matchIndex();
    const ready = rows.flatMap((r) => (r.ok ? [r.fields] : []));
    const counts = planCounts(planImport(ready, (k) => index.get(k)));
    setState({
      step: 'preview',
      rows,
      counts,
      mapping,
      encoding,
      fields: [...plan.byName.values()],
      created: plan.created,
      found,
      keep,
    });
  };

  /** After a file is read (or read again in another encoding): map its columns, or preview. */
  const afterParse = async (parsed: ParseResult) => {
    if (parsed.type === 'parse-error') {
      const key = {
        empty: 'contacts.import.errors.empty',
        'no-rows': 'contacts.import.errors.noRows',
        'broken-quotes': 'contacts.import.errors.brokenQuotes',
        'not-contacts': 'contacts.import.errors.notContacts',
      }[parsed.error];
      setState({ step: 'pick', error: t(key, { line: parsed.line }) });
      return;
    }
    if (parsed.kind === 'vcard') await prepare([], parsed.encoding, parsed.customNames);
    else
      setState({
        step: 'map',
        headers: parsed.headers,
        sample: parsed.sample,
        mapping: parsed.guess,
        encoding: parsed.encoding,
      });
  };

  const changeEncoding = async (encoding: TextEncodingName) => {
    const s = session.current;
    if (!s) return;
    setState({ step: 'busy', label: 'reading' });
    await afterParse(await s.reparse(encoding));
  };

  const encodingPicker = (value: TextEncodingName) => (
    <EncodingSelect value={value} onChange={(e) => void changeEncoding(e)} />
  );

  const pick = async () => {
    const result = await host.openFile({
      filters: [{ name: 'CSV / vCard', extensions: ['csv', 'vcf', 'txt'] }],
      maxBytes: MAX_IMPORT_BYTES,
      asBytes: true,
    });
    if (result.status === 'cancelled') return;
    if (result.status === 'too-large') {
      setState({
        step: 'pick',
        error: t('contacts.import.errors.tooLarge', {
          size: formatMb(result.size),
          max: formatMb(MAX_IMPORT_BYTES),
        }),
      });
      return;
    }
    setState({ step: 'busy', label: 'reading' });
    session.current?.dispose();
    const s = new ImportSession();
    session.current = s;
    const bytes = result.file.bytes ?? new TextEncoder().encode(result.file.content);
    const known = (await customFields.list()).map((f) => f.name);
    await afterParse(await s.parse(result.file.name, bytes, known));
  };

  const runImport = async (rows: PreparedRow[], created: CustomFieldDef[]) => {
    const ready = rows.flatMap((r) => (r.ok ? [r.fields] : []));
    const controller = new AbortController();
    abort.current = controller;
    setState({ step: 'importing', done: 0, total: ready.length });
    try {
      const summary = await contacts.importMany(ready, {
        onDuplicate: choice,
        newCustomFields: created,
        signal: controller.signal,
        onProgress: (done, total) => setState({ step: 'importing', done, total }),
      });
      setState({ step: 'done', summary });
    } catch (e) {
      if (controller.signal.aborted) setState({ step: 'cancelled' });
      else
        setState({
          step: 'pick',
          error: t('contacts.import.errors.failed', {
            message: e instanceof Error ? e.message : String(e),
          }),
        });
    }
  };

  const downloadRejected = async (rows: PreparedRow[]) => {
    const rejected = rows.flatMap((r) => (r.ok ? [] : [r]));
    const csv = writeCsv([
      [t('contacts.import.line'), t('contacts.import.reason'), '…'],
      ...rejected.map((r) => [String(r.line), reasonText(r.problems), ...r.original]),
    ]);
    await host.saveFile({
      suggestedName: `${t('contacts.import.rejectedFileName')}.csv`,
      content: csv,
      mimeType: 'text/csv;charset=utf-8',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
  };

  const reasonText = (problems: readonly ImportProblem[]) =>
    problems
      .map(
        (p) =>
          `${t(`contacts.import.field.${p.field}`, { defaultValue: p.field })}: ${t(p.message)}${p.value ? ` (${p.value})` : ''}`,
      )
      .join('; ');

  let body;
  switch (state.step) {
    case 'pick':
      body = (
        <Stack>
          <Text size="sm">{t('contacts.import.intro')}</Text>
          {state.error && (
            <Alert color="red" icon={<IconAlertTriangle size={16} />} role="alert">
              {state.error}
            </Alert>
          )}
          <Group>
            <Button leftSection={<IconFileImport size={16} />} onClick={() => void pick()}>
              {t('contacts.import.choose')}
            </Button>
          </Group>
        </Stack>
      );
      break;
    case 'busy':
      body = (
        <Stack>
          <Text size="sm">
            {state.label === 'reading'
              ? t('contacts.import.reading')
              : t('contacts.import.checking', { done: state.done ?? 0, total: state.total ?? '…' })}
          </Text>
          <Progress
            value={state.total ? ((state.done ?? 0) / state.total) * 100 : 100}
            animated={!state.total}
          />
        </Stack>
      );
      break;
    case 'map': {
      const { headers, sample, mapping, encoding } = state;
      const named = hasNameColumn(mapping);
      body = (
        <Stack>
          <Text fw={600}>{t('contacts.import.mapTitle')}</Text>
          <Text size="sm" c="dimmed">
            {t('contacts.import.mapHelp')}
          </Text>
          {encodingPicker(encoding)}
          {!named && (
            <Alert color="orange" icon={<IconAlertTriangle size={16} />} role="alert">
              {t('contacts.import.noNameColumn')}
            </Alert>
          )}
          <Table.ScrollContainer minWidth={500} maxHeight={380}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('contacts.import.column')}</Table.Th>
                  <Table.Th>{t('contacts.import.example')}</Table.Th>
                  <Table.Th>{t('contacts.import.importAs')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {headers.map((h, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{h}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {sample.map((r) => r[i] ?? '').find((v) => v.trim() !== '') ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        aria-label={`${t('contacts.import.importAs')}: ${h}`}
                        allowDeselect={false}
                        data={[
                          ...(['ignore', ...IMPORT_FIELDS] as ImportField[]).map((f) => ({
                            value: f,
                            label: t(`contacts.import.fieldsMap.${f}`),
                          })),
                          // No column has to be thrown away: keep it as the shop's own field.
                          {
                            value: 'custom',
                            label: t('customFields.keepAs', { name: customNameOf(mapping[i], h) }),
                          },
                        ]}
                        value={mapping[i]?.field ?? 'ignore'}
                        onChange={(v) => {
                          const next = [...mapping];
                          const field = (v ?? 'ignore') as ImportField;
                          next[i] =
                            field === 'custom'
                              ? { field, customName: customNameOf(mapping[i], h) }
                              : { ...next[i], field };
                          setState({ ...state, mapping: next });
                        }}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="flex-end">
            <Button variant="default" onClick={reset}>
              {t('contacts.import.back')}
            </Button>
            <Button disabled={!named} onClick={() => void prepare(mapping, encoding)}>
              {t('contacts.import.next')}
            </Button>
          </Group>
        </Stack>
      );
      break;
    }
    case 'preview': {
      const { rows, counts, encoding, fields, created, found, keep, mapping } = state;
      const rejected = rows.flatMap((r) => (r.ok ? [] : [r]));
      const ready = rows.length - rejected.length;
      const kept = rows.flatMap((r) => (r.ok && r.warnings.length > 0 ? [r] : []));
      const sample = rows.flatMap((r) => (r.ok ? [r.fields] : [])).slice(0, SHOWN_SAMPLE);
      const duplicates = counts.inBook + counts.inFile;
      const toImport = rowsToImport(counts, choice);
      body = (
        <Stack>
          <Text fw={600}>{t('contacts.import.previewTitle')}</Text>
          <Group gap="xs">
            <Badge color="teal" variant="light" tt="none" data-testid="import-ready">
              {t('contacts.import.ready', { count: ready })}
            </Badge>
            {rejected.length > 0 && (
              <Badge color="red" variant="light" tt="none" data-testid="import-rejected">
                {t('contacts.import.rejected', { count: rejected.length })}
              </Badge>
            )}
            {kept.length > 0 && (
              <Badge color="yellow" variant="light" tt="none" data-testid="import-warnings-count">
                {t('contacts.import.warnings', { count: kept.length })}
              </Badge>
            )}
            {counts.inBook > 0 && (
              <Badge color="orange" variant="light" tt="none" data-testid="import-duplicates">
                {t('contacts.import.duplicates', { count: counts.inBook })}
              </Badge>
            )}
            {counts.inFile > 0 && (
              <Badge color="orange" variant="light" tt="none" data-testid="import-in-file">
                {t('contacts.import.inFile', { count: counts.inFile })}
              </Badge>
            )}
          </Group>
          {encodingPicker(encoding)}
          {(fields.length > 0 || found.length > 0) && (
            <Stack gap={4} data-testid="import-custom-fields">
              <Text size="sm" fw={500}>
                {t('customFields.fromFile')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('customFields.fromFileHelp')}
              </Text>
              {found.length > 0 ? (
                <Checkbox.Group
                  value={keep}
                  onChange={(next) => void prepare(mapping, encoding, found, next)}
                >
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
          {sample.length > 0 && (
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
          )}
          {duplicates > 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {counts.inFile > 0
                  ? t('contacts.import.duplicateChoiceBoth')
                  : t('contacts.import.duplicateChoice')}
              </Text>
              <SegmentedControl
                value={choice}
                onChange={(v) => setChoice(v as DuplicateChoice)}
                data={[
                  { value: 'skip', label: t('contacts.import.duplicateSkip') },
                  { value: 'merge', label: t('contacts.import.duplicateMerge') },
                  { value: 'add', label: t('contacts.import.duplicateAdd') },
                ]}
              />
            </Stack>
          )}
          {kept.length > 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('contacts.import.warningsTitle')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('contacts.import.warningsHelp')}
              </Text>
              <Table.ScrollContainer minWidth={400} maxHeight={200}>
                <Table withTableBorder data-testid="import-warnings">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={60}>{t('contacts.import.line')}</Table.Th>
                      <Table.Th>{t('contacts.fields.name')}</Table.Th>
                      <Table.Th>{t('contacts.import.reason')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {kept.slice(0, SHOWN_REJECTED).map((r) => (
                      <Table.Tr key={r.line}>
                        <Table.Td>{r.line}</Table.Td>
                        <Table.Td>{r.fields.name}</Table.Td>
                        <Table.Td>{reasonText(r.warnings)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {kept.length > SHOWN_REJECTED && (
                <Text size="xs" c="dimmed">
                  {t('contacts.import.moreWarnings', { count: kept.length - SHOWN_REJECTED })}
                </Text>
              )}
            </Stack>
          )}
          {rejected.length > 0 && (
            <Stack gap={4}>
              <Group justify="space-between">
                <Text size="sm" fw={500}>
                  {t('contacts.import.rejectedTitle')}
                </Text>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconDownload size={14} />}
                  onClick={() => void downloadRejected(rows)}
                >
                  {t('contacts.import.downloadRejected')}
                </Button>
              </Group>
              <Table.ScrollContainer minWidth={400} maxHeight={220}>
                <Table withTableBorder data-testid="rejected-rows">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={60}>{t('contacts.import.line')}</Table.Th>
                      <Table.Th>{t('contacts.import.reason')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rejected.slice(0, SHOWN_REJECTED).map((r) => (
                      <Table.Tr key={r.line}>
                        <Table.Td>{r.line}</Table.Td>
                        <Table.Td>{reasonText(r.problems)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {rejected.length > SHOWN_REJECTED && (
                <Text size="xs" c="dimmed">
                  {t('contacts.import.moreRejected', { count: rejected.length - SHOWN_REJECTED })}
                </Text>
              )}
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={reset}>
              {t('contacts.import.back')}
            </Button>
            <Button disabled={toImport <= 0} onClick={() => void runImport(rows, created)}>
              {toImport > 0
                ? t('contacts.import.start', { count: toImport })
                : t('contacts.import.nothingToImport')}
            </Button>
          </Group>
        </Stack>
      );
      break;
    }
    case 'importing':
      body = (
        <Stack>
          <Text size="sm">
            {t('contacts.import.importing', { done: state.done, total: state.total })}
          </Text>
          <Progress
            value={state.total ? (state.done / state.total) * 100 : 0}
            aria-label={t('contacts.import.title')}
          />
          <Group justify="flex-end">
            <Button variant="default" color="red" onClick={() => abort.current?.abort()}>
              {t('contacts.import.cancel')}
            </Button>
          </Group>
        </Stack>
      );
      break;
    case 'done':
      body = (
        <Stack>
          <Alert color="teal" title={t('contacts.import.done')} role="status">
            {t('contacts.import.summary', { ...state.summary })}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close}>{t('contacts.import.close')}</Button>
          </Group>
        </Stack>
      );
      break;
    case 'cancelled':
      body = (
        <Stack>
          <Alert color="gray" role="status">
            {t('contacts.import.cancelled')}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close}>{t('contacts.import.close')}</Button>
          </Group>
        </Stack>
      );
      break;
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<Text fw={650}>{t('contacts.import.title')}</Text>}
      size="xl"
    >
      {body}
    </Modal>
  );
}

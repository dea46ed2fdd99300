import {
  Alert,
  Button,
  Checkbox,
  FileButton,
  Group,
  List,
  Modal,
  Progress,
  Radio,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconFileUpload } from '@tabler/icons-react';
import Papa from 'papaparse';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import {
  DATE_ORDERS,
  guessSalesMapping,
  hasCustomer,
  isKnownSalesHeader,
  isSkipCode,
  mapSaleRow,
  SALES_IMPORT_FIELDS,
  type DateOrder,
  type NoteCode,
  type NoteSummary,
  type RowError,
  type RowReadOptions,
  type SalesImportField,
  type SalesMapping,
} from '../../../shared/loyalty/sales-import';
import { decimalSeparatorOf, formatMoney, type DecimalSeparator } from '../../../shared/money';
import { decodeText, detectEncoding, type TextEncodingName } from '../../../shared/text-encoding';
import { EncodingSelect } from '../contacts/import/EncodingSelect';
import { looksBinary } from '../../../shared/contacts/file-kind';
import { findHeaderRow, HEADER_LOOKAHEAD, nonBlankRows } from '../../../shared/header-row';
import type { ImportResult } from '../../db/repositories/loyalty';
import { useHost, useRepositories } from '../../app/services';
import { useShop } from '../../app/useShop';
import { useLocale } from '../../i18n/useLocale';
import type { FromWorker, ImportMode, RejectedRow, ToWorker } from './sales-import-messages';

const REQUIRED: SalesImportField[] = ['date', 'invoiceNo'];
const REVIEW_SHOWN = 20;
/** The start of the file the preview reads (the worker reads it all). */
const PREVIEW_BYTES = 256 * 1024;

/** The rows of the preview: ours after a title or notes above the header (findHeaderRow). */
const PREVIEW_ROWS = 5;

/**
 * The header and the first rows of a file in an encoding, for the preview, with each row's
 * number as the worker counts it (the row number a spreadsheet shows).
 */
function previewRows(
  sample: Uint8Array,
  encoding: TextEncodingName,
): { rows: string[][]; lines: number[] } {
  const records = Papa.parse<string[]>(decodeText(sample, encoding), {
    preview: 2 * (HEADER_LOOKAHEAD + PREVIEW_ROWS),
    skipEmptyLines: false,
  }).data;
  const { rows, lines } = nonBlankRows(records);
  const at = findHeaderRow(rows, isKnownSalesHeader);
  const end = at + PREVIEW_ROWS + 1;
  return { rows: rows.slice(at, end), lines: lines.slice(at, end) };
}

/** The start of a file cut at a line end, so no character is split at the edge. */
async function fileSample(file: File): Promise<Uint8Array> {
  const bytes = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  if (file.size <= PREVIEW_BYTES) return bytes;
  const nl = bytes.lastIndexOf(0x0a);
  return nl > 0 ? bytes.subarray(0, nl + 1) : bytes;
}

/** Rows the import skipped or values it left out, counted, in the user's language. */
function NotesAlert({ notes }: { notes: NoteSummary }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const codes = (Object.keys(notes.counts) as NoteCode[]).filter((c) => notes.counts[c]);
  if (codes.length === 0) return null;
  return (
    <Alert color="gray" data-testid="import-notes">
      <List size="sm">
        {codes.map((c) => (
          <List.Item key={c}>
            {t(`sales.import.notes.${c}`, {
              n: (notes.counts[c] ?? 0).toLocaleString(locale),
              value: notes.first.find((n) => n.code === c)?.value ?? '',
            })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
/** A row error in the user's language. */
function errorText(t: (k: string, o?: Record<string, unknown>) => string, e: RowError): string {
  return t(`sales.import.errors.${e.code}`, { value: e.value ?? '', invoice: e.invoiceNo ?? '' });
}

type Step =
  | { kind: 'choose' }
  | { kind: 'map'; file: File; sample: Uint8Array; encoding: TextEncodingName }
  | { kind: 'running'; phase: 'reading' | 'writing'; done: number; total: number }
  | { kind: 'rowErrors'; errors: RowError[]; count: number }
  | {
      kind: 'review';
      sales: number;
      header: string[];
      rejects: RejectedRow[];
      notes: NoteSummary;
    }
  | { kind: 'done'; result: ImportResult; notes: NoteSummary }
  | { kind: 'message'; text: string; color: string; notes?: NoteSummary };

/** Import past sales from a CSV: choose, map columns, import with progress and cancel. */
export function SalesImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const workerRef = useRef<Worker | null>(null);
  const running = step.kind === 'running';

  useEffect(() => () => workerRef.current?.terminate(), []);

  const close = () => {
    if (running) return;
    setStep({ kind: 'choose' });
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('sales.import.title')}
      size="xl"
      closeOnClickOutside={!running}
      closeOnEscape={!running}
      withCloseButton={!running}
    >
      <ImportBody step={step} setStep={setStep} workerRef={workerRef} onClose={close} />
    </Modal>
  );
}

function ImportBody({
  step,
  setStep,
  workerRef,
  onClose,
}: {
  step: Step;
  setStep: (s: Step) => void;
  workerRef: React.MutableRefObject<Worker | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { db } = useRepositories();

  const choose = async (file: File | null) => {
    if (!file) return;
    try {
      const sample = await fileSample(file);
      const encoding = await detectEncoding(sample);
      // An Excel workbook (.xlsx) or a PDF chosen by mistake: say what to do instead.
      if (looksBinary(decodeText(sample.subarray(0, 4096), encoding)))
        setStep({ kind: 'message', text: t('sales.import.notCsv'), color: 'orange' });
      else if (previewRows(sample, encoding).rows.length < 2)
        setStep({ kind: 'message', text: t('sales.import.emptyFile'), color: 'orange' });
      else setStep({ kind: 'map', file, sample, encoding });
    } catch {
      setStep({ kind: 'message', text: t('sales.import.failed'), color: 'red' });
    }
  };

  const start = (
    file: File,
    mapping: SalesMapping,
    order: DateOrder,
    awardPoints: boolean,
    options: RowReadOptions,
    mode: ImportMode,
    encoding: TextEncodingName,
    headerLine: number,
  ) => {
    workerRef.current?.terminate();
    const w = new Worker(new URL('./sales-import.worker.ts', import.meta.url), { type: 'module' });
    workerRef.current = w;
    setStep({ kind: 'running', phase: 'reading', done: 0, total: 1 });
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'progress') setStep({ kind: 'running', ...m });
      else {
        if (m.type !== 'review') {
          w.terminate();
          workerRef.current = null;
        }
        if (m.type === 'done') setStep({ kind: 'done', result: m.result, notes: m.notes });
        else if (m.type === 'review') {
          // The worker waits for the answer: keep it.
          workerRef.current = w;
          setStep({
            kind: 'review',
            sales: m.sales,
            header: m.header,
            rejects: m.rejects,
            notes: m.notes,
          });
          return;
        } else if (m.type === 'rowErrors')
          setStep({ kind: 'rowErrors', errors: m.errors, count: m.count });
        else if (m.type === 'empty')
          setStep({
            kind: 'message',
            text: t('sales.import.nothingToImport'),
            color: 'orange',
            notes: m.notes,
          });
        else if (m.type === 'cancelled')
          setStep({ kind: 'message', text: t('sales.import.cancelled'), color: 'gray' });
        else
          setStep({
            kind: 'message',
            text: `${t('sales.import.failed')} (${m.message})`,
            color: 'red',
          });
      }
    };
    w.onerror = () => {
      w.terminate();
      workerRef.current = null;
      setStep({ kind: 'message', text: t('sales.import.failed'), color: 'red' });
    };
    const msg: ToWorker = {
      type: 'start',
      file,
      mapping,
      order,
      awardPoints,
      dbName: db.name,
      options,
      mode,
      encoding,
      headerLine,
    };
    w.postMessage(msg);
  };

  const cancel = () => {
    const w = workerRef.current;
    if (!w) return;
    if (step.kind === 'running' && step.phase === 'reading') {
      // Nothing is written while reading: stopping the worker is enough.
      w.terminate();
      workerRef.current = null;
      setStep({ kind: 'message', text: t('sales.import.cancelled'), color: 'gray' });
    } else {
      // While writing, the worker aborts its transaction so nothing stays half-imported.
      w.postMessage({ type: 'cancel' } satisfies ToWorker);
    }
  };

  switch (step.kind) {
    case 'choose':
      return (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('sales.import.fileHelp')}
          </Text>
          <FileButton onChange={(f) => void choose(f)} accept=".csv,.txt,text/csv">
            {(props) => (
              <Button {...props} leftSection={<IconFileUpload size={16} />} w="fit-content">
                {t('sales.import.chooseFile')}
              </Button>
            )}
          </FileButton>
        </Stack>
      );
    case 'map':
      return (
        <MappingStep
          file={step.file}
          sample={step.sample}
          detected={step.encoding}
          onStart={start}
          onCancel={onClose}
        />
      );
    case 'running': {
      const pct = step.total > 0 ? Math.round((step.done * 100) / step.total) : 0;
      return (
        <Stack gap="sm">
          <Text size="sm">
            {step.phase === 'reading'
              ? t('sales.import.reading')
              : t('sales.import.writing', {
                  done: step.done.toLocaleString(locale),
                  total: step.total.toLocaleString(locale),
                })}
          </Text>
          <Progress value={pct} animated aria-label={t('sales.import.title')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel}>
              {t('sales.import.cancel')}
            </Button>
          </Group>
        </Stack>
      );
    }
    case 'rowErrors':
      return (
        <Stack gap="sm">
          <Alert color="red" icon={<IconAlertTriangle size={18} />}>
            {t('sales.import.rowErrors', { count: step.count })}
            <List size="sm" mt="xs">
              {step.errors.map((e, i) => (
                <List.Item key={i}>
                  {t('sales.import.errorLine', { line: e.line, message: errorText(t, e) })}
                </List.Item>
              ))}
            </List>
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStep({ kind: 'choose' })}>
              {t('sales.import.chooseFile')}
            </Button>
          </Group>
        </Stack>
      );
    case 'review':
      return (
        <ReviewStep
          step={step}
          onConfirm={() => {
            workerRef.current?.postMessage({ type: 'confirm' } satisfies ToWorker);
            setStep({ kind: 'running', phase: 'writing', done: 0, total: step.sales });
          }}
          onCancel={() => {
            workerRef.current?.terminate();
            workerRef.current = null;
            setStep({ kind: 'message', text: t('sales.import.cancelled'), color: 'gray' });
          }}
        />
      );
    case 'done':
      return (
        <Stack gap="sm">
          <Alert color="teal" icon={<IconCheck size={18} />} data-testid="import-done">
            {t('sales.import.done', {
              added: step.result.added.toLocaleString(locale),
              skipped: step.result.skipped.toLocaleString(locale),
              created: step.result.contactsCreated.toLocaleString(locale),
              points: step.result.pointsAwarded.toLocaleString(locale),
            })}
          </Alert>
          <NotesAlert notes={step.notes} />
          <Group justify="flex-end">
            <Button onClick={onClose}>OK</Button>
          </Group>
        </Stack>
      );
    case 'message':
      return (
        <Stack gap="sm">
          <Alert color={step.color}>{step.text}</Alert>
          {step.notes && <NotesAlert notes={step.notes} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStep({ kind: 'choose' })}>
              {t('sales.import.chooseFile')}
            </Button>
          </Group>
        </Stack>
      );
  }
}

function MappingStep({
  file,
  sample,
  detected,
  onStart,
  onCancel,
}: {
  file: File;
  sample: Uint8Array;
  detected: TextEncodingName;
  onStart: (
    file: File,
    mapping: SalesMapping,
    order: DateOrder,
    award: boolean,
    options: RowReadOptions,
    mode: ImportMode,
    encoding: TextEncodingName,
    headerLine: number,
  ) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const shop = useShop();
  const [encoding, setEncoding] = useState<TextEncodingName>(detected);
  const { rows, lines } = useMemo(() => previewRows(sample, encoding), [sample, encoding]);
  const headerLine = lines[0] ?? 1;
  const headers = rows[0] ?? [];
  const [mapping, setMapping] = useState<SalesMapping>(() =>
    guessSalesMapping(headers, rows.slice(1)),
  );
  const [order, setOrder] = useState<DateOrder>('dmy');
  const [separator, setSeparator] = useState<'auto' | DecimalSeparator>('auto');
  const [mode, setMode] = useState<ImportMode>('all');
  const [award, setAward] = useState(true);
  const columnOptions = headers.map((h, i) => ({ value: String(i), label: h || `#${i + 1}` }));
  const missing = REQUIRED.filter((f) => mapping[f] === undefined);
  const noCustomer =
    mapping.phone === undefined && mapping.name === undefined && mapping.customerId === undefined;
  const noAmount = mapping.amount === undefined && mapping.unitPrice === undefined;
  const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const options: RowReadOptions = {
    currency: shop.currency,
    ...(separator === 'auto'
      ? { prefer: decimalSeparatorOf(locale) }
      : { decimalSeparator: separator }),
    ...(shop.timeZone ? { timeZone: shop.timeZone } : {}),
  };
  // How the first rows read with this mapping: every amount, date and problem before import.
  const readRows = rows
    .slice(1)
    .map((r, i) => mapSaleRow(r, mapping, order, lines[i + 1]!, options));

  return (
    <Stack gap="md">
      <EncodingSelect value={encoding} onChange={setEncoding} />
      <Text fw={600}>{t('sales.import.mapping')}</Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {SALES_IMPORT_FIELDS.map((f) => (
          <Select
            key={f}
            label={t(`sales.import.fields.${f}`)}
            withAsterisk={REQUIRED.includes(f)}
            placeholder={t('sales.import.notMapped')}
            data={columnOptions}
            value={mapping[f] === undefined ? null : String(mapping[f])}
            onChange={(v) =>
              setMapping((m) => {
                const next = { ...m };
                if (v === null) delete next[f];
                else next[f] = Number(v);
                return next;
              })
            }
            clearable
            error={
              REQUIRED.includes(f) && mapping[f] === undefined
                ? t('sales.import.required')
                : undefined
            }
          />
        ))}
        <Select
          label={t('sales.import.dateOrder')}
          data={DATE_ORDERS.map((o) => ({ value: o, label: t(`sales.import.${o}`) }))}
          value={order}
          onChange={(v) => v && setOrder(v as DateOrder)}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Select
        label={t('sales.import.decimalSeparator')}
        data={[
          { value: 'auto', label: t('sales.import.separatorAuto') },
          { value: '.', label: t('sales.import.separatorDot') },
          { value: ',', label: t('sales.import.separatorComma') },
        ]}
        value={separator}
        onChange={(v) => v && setSeparator(v as 'auto' | DecimalSeparator)}
        allowDeselect={false}
        maw={360}
      />
      <Text size="xs" c="dimmed" data-testid="import-currency-note">
        {t('sales.import.currencyNote', {
          currency: shop.currency.code,
          decimals: shop.currency.decimals,
          zone: shop.timeZone ?? deviceZone,
        })}
      </Text>
      {noCustomer && (
        <Text size="sm" c="red">
          {t('sales.import.needCustomer')}
        </Text>
      )}
      {noAmount && (
        <Text size="sm" c="red">
          {t('sales.import.needAmount')}
        </Text>
      )}
      <Radio.Group
        label={t('sales.import.mode')}
        value={mode}
        onChange={(v) => setMode(v as ImportMode)}
      >
        <Stack gap={4} mt={4}>
          <Radio value="all" label={t('sales.import.modeAll')} />
          <Radio value="good" label={t('sales.import.modeGood')} />
        </Stack>
      </Radio.Group>
      <Checkbox
        label={t('sales.import.awardPoints')}
        checked={award}
        onChange={(e) => setAward(e.currentTarget.checked)}
      />
      <Text size="sm" fw={600}>
        {t('sales.import.readAs')}
      </Text>
      <ScrollArea>
        <Table withTableBorder fz="xs" verticalSpacing={4} data-testid="import-read-as">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sales.import.lineColumn')}</Table.Th>
              <Table.Th>{t('sales.import.fields.date')}</Table.Th>
              <Table.Th>{t('sales.import.fields.invoiceNo')}</Table.Th>
              <Table.Th>{t('sales.import.readCustomer')}</Table.Th>
              <Table.Th>{t('sales.import.readKind')}</Table.Th>
              <Table.Th>{t('sales.import.readAmount')}</Table.Th>
              <Table.Th>{t('sales.import.readProblem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {readRows.map((r, i) => (
              <Table.Tr key={i}>
                <Table.Td>{lines[i + 1]}</Table.Td>
                {r.ok ? (
                  <>
                    <Table.Td>
                      {new Intl.DateTimeFormat(locale, {
                        dateStyle: 'medium',
                        timeStyle: 'short',
                        ...(shop.timeZone ? { timeZone: shop.timeZone } : {}),
                      }).format(r.sale.atMs)}
                    </Table.Td>
                    <Table.Td>{r.sale.invoiceNo}</Table.Td>
                    <Table.Td>
                      {r.sale.name ??
                        r.sale.phoneE164 ??
                        (r.sale.customerId ? `#${r.sale.customerId}` : '—')}
                    </Table.Td>
                    <Table.Td>{t(`sales.kinds.${r.sale.kind ?? 'purchase'}`)}</Table.Td>
                    <Table.Td>{formatMoney(r.sale.amount, shop.currency, locale)}</Table.Td>
                    <Table.Td c="dimmed">
                      {r.note
                        ? t(`sales.import.rowNotes.${r.note.code}`, { value: r.note.value ?? '' })
                        : !hasCustomer(r.sale)
                          ? t('sales.import.rowNotes.walkIn')
                          : ''}
                    </Table.Td>
                  </>
                ) : (
                  <>
                    <Table.Td colSpan={5} />
                    <Table.Td c={isSkipCode(r.error.code) ? 'dimmed' : 'red'}>
                      {errorText(t, r.error)}
                    </Table.Td>
                  </>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Text size="sm" fw={600}>
        {t('sales.import.preview')}
      </Text>
      <ScrollArea>
        <Table withTableBorder fz="xs" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              {headers.map((h, i) => (
                <Table.Th key={i}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(1).map((r, i) => (
              <Table.Tr key={i}>
                {headers.map((_, j) => (
                  <Table.Td key={j}>{r[j] ?? ''}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button
          disabled={missing.length > 0 || noCustomer || noAmount}
          onClick={() => onStart(file, mapping, order, award, options, mode, encoding, headerLine)}
        >
          {t('sales.import.start')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The left-out rows as a CSV: the file's own columns, then the line and the reason. */
export function rejectsCsv(
  header: string[],
  rejects: RejectedRow[],
  labels: { line: string; reason: string },
  reason: (e: RowError) => string,
): string {
  return Papa.unparse(
    [
      [...header, labels.line, labels.reason],
      ...rejects.map((r) => [...r.cells, String(r.line), reason(r.error)]),
    ],
    { newline: '\r\n' },
  );
}

function ReviewStep({
  step,
  onConfirm,
  onCancel,
}: {
  step: Extract<Step, { kind: 'review' }>;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const host = useHost();
  const labels = { line: t('sales.import.lineColumn'), reason: t('sales.import.reasonColumn') };
  const shown = step.rejects.slice(0, REVIEW_SHOWN);
  const save = async () => {
    const content = rejectsCsv(step.header, step.rejects, labels, (e) => errorText(t, e));
    // A BOM so Excel opens the reasons in UTF-8.
    const r = await host.saveFile({
      suggestedName: 'kenal-sales-left-out.csv',
      mimeType: 'text/csv',
      content: `\ufeff${content}`,
    });
    if (r.saved) notifications.show({ message: t('sales.import.rejectsSaved'), autoClose: 3000 });
  };
  return (
    <Stack gap="sm">
      <Alert color="orange" icon={<IconAlertTriangle size={18} />} data-testid="import-review">
        {t('sales.import.review', {
          sales: step.sales.toLocaleString(locale),
          count: step.rejects.length.toLocaleString(locale),
        })}
      </Alert>
      <NotesAlert notes={step.notes} />
      <Text size="sm" fw={600}>
        {t('sales.import.reviewPreview', { shown: shown.length })}
      </Text>
      <ScrollArea>
        <Table withTableBorder fz="xs" verticalSpacing={4} data-testid="rejects-preview">
          <Table.Thead>
            <Table.Tr>
              {[...step.header, labels.line, labels.reason].map((h, i) => (
                <Table.Th key={i}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((r) => (
              <Table.Tr key={r.line}>
                {step.header.map((_, j) => (
                  <Table.Td key={j}>{r.cells[j] ?? ''}</Table.Td>
                ))}
                <Table.Td>{r.line}</Table.Td>
                <Table.Td c="red">{errorText(t, r.error)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Group justify="space-between">
        <Button variant="default" onClick={() => void save()}>
          {t('sales.import.saveRejects')}
        </Button>
        <Group gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button onClick={onConfirm}>
            {t('sales.import.importGood', { sales: step.sales.toLocaleString(locale) })}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

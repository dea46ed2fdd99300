import {
  Alert,
  Button,
  Checkbox,
  FileButton,
  Group,
  List,
  Modal,
  Progress,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconFileUpload } from '@tabler/icons-react';
import Papa from 'papaparse';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DATE_ORDERS,
  guessSalesMapping,
  SALES_IMPORT_FIELDS,
  type DateOrder,
  type RowError,
  type SalesImportField,
  type SalesMapping,
} from '../../../shared/loyalty/sales-import';
import type { ImportResult } from '../../db/repositories/loyalty';
import { useRepositories } from '../../app/services';
import { useLocale } from '../../i18n/useLocale';
import type { FromWorker, ToWorker } from './sales-import-messages';

const REQUIRED: SalesImportField[] = ['date', 'invoiceNo', 'amount'];

type Step =
  | { kind: 'choose' }
  | { kind: 'map'; file: File; rows: string[][] }
  | { kind: 'running'; phase: 'reading' | 'writing'; done: number; total: number }
  | { kind: 'rowErrors'; errors: RowError[]; count: number }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'message'; text: string; color: string };

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

  const choose = (file: File | null) => {
    if (!file) return;
    Papa.parse<string[]>(file, {
      preview: 6,
      // Read only the start of the file for the preview: the whole file is read by the worker.
      chunkSize: 64 * 1024,
      skipEmptyLines: 'greedy',
      complete: (r) => {
        if (r.data.length < 2)
          setStep({ kind: 'message', text: t('sales.import.emptyFile'), color: 'orange' });
        else setStep({ kind: 'map', file, rows: r.data });
      },
      error: () => setStep({ kind: 'message', text: t('sales.import.failed'), color: 'red' }),
    });
  };

  const start = (file: File, mapping: SalesMapping, order: DateOrder, awardPoints: boolean) => {
    workerRef.current?.terminate();
    const w = new Worker(new URL('./sales-import.worker.ts', import.meta.url), { type: 'module' });
    workerRef.current = w;
    setStep({ kind: 'running', phase: 'reading', done: 0, total: 1 });
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'progress') setStep({ kind: 'running', ...m });
      else {
        w.terminate();
        workerRef.current = null;
        if (m.type === 'done') setStep({ kind: 'done', result: m.result });
        else if (m.type === 'rowErrors')
          setStep({ kind: 'rowErrors', errors: m.errors, count: m.count });
        else if (m.type === 'empty')
          setStep({ kind: 'message', text: t('sales.import.emptyFile'), color: 'orange' });
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
    const msg: ToWorker = { type: 'start', file, mapping, order, awardPoints, dbName: db.name };
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
          <FileButton onChange={choose} accept=".csv,text/csv">
            {(props) => (
              <Button {...props} leftSection={<IconFileUpload size={16} />} w="fit-content">
                {t('sales.import.chooseFile')}
              </Button>
            )}
          </FileButton>
        </Stack>
      );
    case 'map':
      return <MappingStep file={step.file} rows={step.rows} onStart={start} onCancel={onClose} />;
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
                  {t('sales.import.errorLine', {
                    line: e.line,
                    message: t(`sales.import.errors.${e.code}`, { value: e.value ?? '' }),
                  })}
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
          <Group justify="flex-end">
            <Button onClick={onClose}>OK</Button>
          </Group>
        </Stack>
      );
    case 'message':
      return (
        <Stack gap="sm">
          <Alert color={step.color}>{step.text}</Alert>
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
  rows,
  onStart,
  onCancel,
}: {
  file: File;
  rows: string[][];
  onStart: (file: File, mapping: SalesMapping, order: DateOrder, award: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const headers = rows[0] ?? [];
  const [mapping, setMapping] = useState<SalesMapping>(() => guessSalesMapping(headers));
  const [order, setOrder] = useState<DateOrder>('dmy');
  const [award, setAward] = useState(true);
  const columnOptions = headers.map((h, i) => ({ value: String(i), label: h || `#${i + 1}` }));
  const missing = REQUIRED.filter((f) => mapping[f] === undefined);
  const noCustomer = mapping.phone === undefined && mapping.name === undefined;

  return (
    <Stack gap="md">
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
      {noCustomer && (
        <Text size="sm" c="red">
          {t('sales.import.needCustomer')}
        </Text>
      )}
      <Checkbox
        label={t('sales.import.awardPoints')}
        checked={award}
        onChange={(e) => setAward(e.currentTarget.checked)}
      />
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
          disabled={missing.length > 0 || noCustomer}
          onClick={() => onStart(file, mapping, order, award)}
        >
          {t('sales.import.start')}
        </Button>
      </Group>
    </Stack>
  );
}

import { Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MapStep } from './MapStep';
import { BusyStep, PickStep } from './PickStep';
import { PreviewStep } from './PreviewStep';
import { FinishedStep, ImportingStep } from './RunSteps';
import { useContactImport, type ContactImport } from './useContactImport';

/**
 * Import contacts: pick a file, map columns (CSV), preview, import in one transaction. The state
 * machine is `useContactImport`; each step is its own component.
 */
export function ImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const flow = useContactImport(onClose);
  return (
    <Modal
      opened={opened}
      onClose={flow.close}
      title={<Text fw={650}>{t('contacts.import.title')}</Text>}
      size="xl"
    >
      <StepBody flow={flow} />
    </Modal>
  );
}

function StepBody({ flow }: { flow: ContactImport }) {
  const { state } = flow;
  const onEncoding = (e: Parameters<typeof flow.changeEncoding>[0]) => void flow.changeEncoding(e);
  switch (state.step) {
    case 'pick':
      return <PickStep error={state.error} onPick={() => void flow.pick()} />;
    case 'busy':
      return <BusyStep label={state.label} done={state.done} total={state.total} />;
    case 'map':
      return (
        <MapStep
          state={state}
          onMapping={flow.setMapping}
          onEncoding={onEncoding}
          onBack={flow.reset}
          onNext={() => void flow.prepare(state.mapping, state.encoding)}
        />
      );
    case 'preview':
      return (
        <PreviewStep
          state={state}
          choice={flow.choice}
          onChoice={flow.setChoice}
          onEncoding={onEncoding}
          onKeep={(keep) => void flow.prepare(state.mapping, state.encoding, state.found, keep)}
          onDownloadRejected={() => void flow.downloadRejected(state.rows)}
          onBack={flow.reset}
          onRun={() => void flow.run(state)}
        />
      );
    case 'importing':
      return <ImportingStep done={state.done} total={state.total} onCancel={flow.cancel} />;
    case 'done':
      return <FinishedStep summary={state.summary} onClose={flow.close} />;
    case 'cancelled':
      return <FinishedStep onClose={flow.close} />;
  }
}

import { Button, Card, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../shared/contact-input';
import { INTERACTION_KINDS } from '../../../shared/schemas/note';
import { useRepositories } from '../../app/services';
import type { InteractionKind } from '../../db/repositories/timeline';
import { fromLocalInput, toLocalInput } from './datetime-local';

/** Write down a call, chat, visit, e-mail, note or complaint. Ctrl/Cmd+Enter adds it. */
export function AddInteractionForm({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const { timeline } = useRepositories();
  const [kind, setKind] = useState<InteractionKind>('note');
  const [when, setWhen] = useState(() => toLocalInput(new Date()));
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const err = (path: string) => {
    const e = errors.find((x) => x.path === path);
    return e ? t(e.message) : undefined;
  };

  const submit = async () => {
    setBusy(true);
    try {
      const at = fromLocalInput(when);
      const r = await timeline.addInteraction({ contactId, kind, at: at || when, text, outcome });
      if (!r.ok) {
        setErrors(r.error);
        return;
      }
      setErrors([]);
      // Back to a plain note, so the next entry is not a complaint by accident.
      setKind('note');
      setText('');
      setOutcome('');
      setWhen(toLocalInput(new Date()));
      notifications.show({ message: t('timeline.panel.added'), autoClose: 2500 });
    } catch {
      notifications.show({ color: 'red', message: t('timeline.errors.saveFailed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder padding="md">
      <form
        aria-label={t('timeline.panel.addTitle')}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="xs">
          <Group grow align="flex-start">
            <Select
              label={t('timeline.panel.kind')}
              data={INTERACTION_KINDS.map((k) => ({ value: k, label: t(`timeline.kinds.${k}`) }))}
              value={kind}
              allowDeselect={false}
              onChange={(v) => v && setKind(v as InteractionKind)}
            />
            <TextInput
              label={t('timeline.panel.when')}
              type="datetime-local"
              value={when}
              onChange={(e) => setWhen(e.currentTarget.value)}
              error={err('at')}
            />
          </Group>
          <Textarea
            label={t('timeline.panel.text')}
            placeholder={t('timeline.panel.textPlaceholder')}
            autosize
            minRows={2}
            maxRows={8}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void submit();
              }
            }}
            error={err('text')}
          />
          <Group align="flex-end" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t('timeline.panel.outcome')}
              placeholder={t('timeline.panel.outcomePlaceholder')}
              maxLength={1000}
              value={outcome}
              onChange={(e) => setOutcome(e.currentTarget.value)}
              error={err('outcome')}
            />
            <Button type="submit" loading={busy} leftSection={<IconPlus size={16} />}>
              {t('timeline.panel.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

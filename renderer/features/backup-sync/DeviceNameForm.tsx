import { Button, Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRepositories } from '../../app/services';

/** The name other devices show for this one ("Till 1"); it travels in this device's files. */
export function DeviceNameForm() {
  const { t } = useTranslation();
  const { devices, clock } = useRepositories();
  const names = useLiveQuery(() => devices.names(), [devices]);
  const current = names?.[clock.deviceId] ?? '';
  const form = useForm({ initialValues: { name: '' } });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    setValues({ name: current });
    resetDirty({ name: current });
  }, [current, setValues, resetDirty]);

  async function save(values: { name: string }) {
    const res = await devices.setOwnName(values.name);
    if (!res.ok) {
      form.setFieldError('name', t(res.error));
      return;
    }
    notifications.show({ color: 'teal', message: t('backup.folder.nameSaved') });
  }

  return (
    <form onSubmit={form.onSubmit((v) => void save(v))} data-testid="device-name-form">
      <Group align="flex-end" gap="xs">
        <TextInput
          label={t('backup.folder.thisDevice')}
          description={t('backup.folder.thisDeviceHelp', { id: clock.deviceId })}
          placeholder={t('backup.folder.namePlaceholder')}
          maxLength={60}
          style={{ flex: 1, maxWidth: 420 }}
          {...form.getInputProps('name')}
        />
        <Button type="submit" variant="default" disabled={!form.isDirty()}>
          {t('backup.folder.saveName')}
        </Button>
      </Group>
    </form>
  );
}

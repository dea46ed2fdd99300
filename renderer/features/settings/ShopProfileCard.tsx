import { Button, Card, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ShopProfile } from '../../../shared/shop-settings';
import { useRepositories } from '../../app/services';
import { useShop } from '../../app/useShop';

/** The shop profile messages are signed with: name, address, phone, sign-off (synced). */
export function ShopProfileCard() {
  const { t } = useTranslation();
  const { shop: repo } = useRepositories();
  const stored = useShop().profile;
  // Edits over the stored profile; a field not edited shows what is stored (a sync included).
  const [edits, setEdits] = useState<Partial<ShopProfile>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const values: ShopProfile = { ...stored, ...edits };
  const changed = JSON.stringify(values) !== JSON.stringify(stored);
  const setValues = (v: ShopProfile) => setEdits(v);

  const field = (f: keyof ShopProfile) => ({
    value: values[f],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setValues({ ...values, [f]: e.currentTarget.value }),
    error: errors[f] ? t(errors[f]) : undefined,
  });

  return (
    <Card withBorder padding="lg" data-testid="shop-profile">
      <form
        noValidate
        aria-label={t('shop.profile.title')}
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await repo.setProfile(values);
          if (!r.ok) {
            setErrors(Object.fromEntries(r.errors.map((x) => [x.path, x.message])));
            return;
          }
          setErrors({});
          setEdits({});
          notifications.show({ color: 'teal', message: t('shop.saved'), autoClose: 3000 });
        }}
      >
        <Stack gap="xs">
          <Text fw={600}>{t('shop.profile.title')}</Text>
          <Text size="sm" c="dimmed">
            {t('shop.profile.description')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('shop.profile.name')} maxLength={100} {...field('name')} />
            <TextInput label={t('shop.profile.phone')} maxLength={40} {...field('phone')} />
          </SimpleGrid>
          <TextInput label={t('shop.profile.address')} maxLength={300} {...field('address')} />
          <Textarea
            label={t('shop.profile.signOff')}
            description={t('shop.profile.signOffHelp')}
            autosize
            minRows={1}
            maxLength={300}
            {...field('signOff')}
          />
          <Group justify="flex-end">
            <Button type="submit" disabled={!changed}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

import { Alert, Button, Group, SegmentedControl, Select, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBrandWhatsapp, IconPrinter } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { receiptRows, receiptText, type ReceiptSale } from '../../../../shared/sales/receipt';
import { whatsAppLink } from '../../../../shared/timeline/templates';
import { useHost, useRepositories } from '../../../app/services';
import { useShop } from '../../../app/useShop';
import { useLocale } from '../../../i18n/useLocale';
import { whatsAppPhones } from '../../timeline/WhatsAppDialog';
import {
  PrintableReceipt,
  RECEIPT_WIDTHS,
  ReceiptView,
  useReceiptWords,
  type ReceiptWidth,
} from './Receipt';
import { useFormatPhone } from '../../contacts/usePhoneRegion';

const WIDTH_KEY = 'kenal.receiptWidth';

/** This device's roll width (a printer is a device's, not the shop's: never synced). */
function storedWidth(): ReceiptWidth {
  try {
    return localStorage.getItem(WIDTH_KEY) === '80' ? 80 : 58;
  } catch {
    return 58;
  }
}

/**
 * After a checkout: send the receipt on WhatsApp (the message is shown and can be edited before
 * WhatsApp opens; the send is logged on the customer's timeline) or print it on a 58/80 mm roll.
 */
export function ReceiptActions({ contactId, sale }: { contactId: string; sale: ReceiptSale }) {
  const { t } = useTranslation();
  const formatPhone = useFormatPhone();
  const { locale } = useLocale();
  const shop = useShop();
  const host = useHost();
  const { timeline, contacts } = useRepositories();
  const words = useReceiptWords();
  const summary = useLiveQuery(() => contacts.get(contactId), [contacts, contactId]);
  const [width, setWidth] = useState<ReceiptWidth>(storedWidth);
  const [composing, setComposing] = useState(false);
  const [edited, setEdited] = useState<string | null>(null);
  const [phone, setPhone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const rows = receiptRows(sale, words, shop.currency, locale);
  const text = edited ?? receiptText(rows);
  const phones = summary ? whatsAppPhones(summary) : [];
  const number = phone ?? phones[0]?.e164 ?? null;

  const send = async () => {
    if (!number) return;
    setBusy(true);
    try {
      await host.openExternal({ url: whatsAppLink(number, text) });
      await timeline.logWhatsApp(contactId, text);
      notifications.show({ message: t('timeline.whatsapp.logged'), autoClose: 3000 });
      setComposing(false);
    } catch {
      notifications.show({ color: 'red', message: t('timeline.whatsapp.failed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Button
          color="green"
          variant={composing ? 'filled' : 'light'}
          leftSection={<IconBrandWhatsapp size={16} />}
          onClick={() => setComposing(true)}
          // First focus here: the dialog stays scrolled to the new balance and the receipt.
          data-autofocus
        >
          {t('checkout.receipt.sendWhatsApp')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconPrinter size={16} />}
          onClick={() => window.print()}
        >
          {t('checkout.receipt.print')}
        </Button>
        <SegmentedControl
          size="xs"
          aria-label={t('checkout.receipt.width')}
          value={String(width)}
          onChange={(v) => {
            const w = Number(v) as ReceiptWidth;
            setWidth(w);
            try {
              localStorage.setItem(WIDTH_KEY, String(w));
            } catch {
              // Private mode: the choice lasts for this dialog.
            }
          }}
          data={RECEIPT_WIDTHS.map((w) => ({ value: String(w), label: `${w} mm` }))}
        />
      </Group>
      {composing &&
        (phones.length === 0 ? (
          <Alert color="yellow">{t('timeline.whatsapp.noPhone')}</Alert>
        ) : (
          <Stack gap="xs" data-testid="receipt-whatsapp">
            {phones.length > 1 && (
              <Select
                label={t('timeline.whatsapp.number')}
                data={phones.map((p) => ({ value: p.e164, label: formatPhone(p) }))}
                value={number}
                allowDeselect={false}
                onChange={setPhone}
              />
            )}
            <Textarea
              label={t('checkout.receipt.message')}
              autosize
              minRows={6}
              maxRows={16}
              value={text}
              onChange={(e) => setEdited(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button
                color="green"
                leftSection={<IconBrandWhatsapp size={16} />}
                onClick={() => void send()}
                loading={busy}
              >
                {t('timeline.whatsapp.open')}
              </Button>
            </Group>
          </Stack>
        ))}
      {!composing && (
        <div className="kenal-receipt-preview">
          <ReceiptView rows={rows} width={width} />
        </div>
      )}
      <PrintableReceipt rows={rows} width={width} />
    </Stack>
  );
}

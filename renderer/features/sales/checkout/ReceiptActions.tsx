import { Button, Group, SegmentedControl, Stack } from '@mantine/core';
import { IconBrandWhatsapp, IconPrinter } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { receiptRows, receiptText, type ReceiptSale } from '../../../../shared/sales/receipt';
import { useRepositories } from '../../../app/services';
import { useShop } from '../../../app/useShop';
import { INTL_LOCALE, type Language } from '../../../i18n';
import { useLocale } from '../../../i18n/useLocale';
import { WhatsAppDialog } from '../../timeline/WhatsAppDialog';
import type { PaymentMethod } from '../payment';
import {
  PrintableReceipt,
  RECEIPT_WIDTHS,
  ReceiptView,
  receiptWords,
  useReceiptWords,
  type ReceiptWidth,
} from './Receipt';

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
 * After a checkout: send the receipt on WhatsApp or print it on a 58/80 mm roll. The WhatsApp
 * send goes through WhatsAppDialog like every message: the receipt is shown in the language
 * chosen there, editable, with the WhatsApp-able number to choose; only its Send opens WhatsApp
 * and logs the send on the customer's timeline.
 */
export function ReceiptActions({
  contactId,
  sale,
  paymentMethod,
}: {
  contactId: string;
  sale: ReceiptSale;
  paymentMethod?: PaymentMethod;
}) {
  const { t, i18n } = useTranslation();
  const { locale } = useLocale();
  const shop = useShop();
  const { contacts } = useRepositories();
  const words = useReceiptWords();
  const contact = useLiveQuery(() => contacts.get(contactId), [contacts, contactId]);
  const [width, setWidth] = useState<ReceiptWidth>(storedWidth);
  const [composing, setComposing] = useState(false);

  const rows = receiptRows(sale, words, shop.currency, locale);
  const message = (lang: Language) => {
    const tl = i18n.getFixedT(lang);
    const inLang = paymentMethod
      ? { ...sale, paymentLabel: tl(`sales.payment.${paymentMethod}`) }
      : sale;
    return receiptText(receiptRows(inLang, receiptWords(tl), shop.currency, INTL_LOCALE[lang]));
  };

  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Button
          color="green"
          variant="light"
          leftSection={<IconBrandWhatsapp size={16} />}
          onClick={() => setComposing(true)}
          disabled={!contact}
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
      <div className="kenal-receipt-preview">
        <ReceiptView rows={rows} width={width} />
      </div>
      <PrintableReceipt rows={rows} width={width} />
      {composing && contact && (
        <WhatsAppDialog
          opened
          onClose={() => setComposing(false)}
          contact={contact}
          message={message}
        />
      )}
    </Stack>
  );
}

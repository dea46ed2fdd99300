import { Select } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRepositories } from '../../app/services';
import { useContactName } from '../privacy/useContactName';
import { useFormatPhone } from '../contacts/usePhoneRegion';

const MAX_OPTIONS = 30;

/**
 * Choose a customer by typing a name or a phone number in any format.
 *
 * Each search result carries the text it answers. A result for older text (the search is
 * async and deferred, so it can arrive after newer typing) is never shown: the list holds only
 * answers to what is typed now (plus the chosen contact, so its label stays), and the input's
 * `data-results-for` says which text the shown options answer, for tests and assistive tools.
 */
export function ContactPicker({
  value,
  onChange,
  error,
  autoFocus,
  label,
  description,
  optional = false,
  excludeId,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  autoFocus?: boolean;
  /** Another label than "Customer" (e.g. "Referred by"). */
  label?: string;
  description?: string;
  /** May be left empty (clearable, no asterisk). */
  optional?: boolean;
  /** A contact that may not be chosen (a contact cannot refer themselves). */
  excludeId?: string;
}) {
  const { t } = useTranslation();
  const { contacts } = useRepositories();
  const nameOf = useContactName();
  const formatPhone = useFormatPhone();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const result = useLiveQuery(async () => {
    const found = await contacts.search(deferred, MAX_OPTIONS);
    // Keep the chosen contact in the list so its label shows.
    if (value && !found.some((c) => c.id === value)) {
      const chosen = await contacts.get(value);
      if (chosen) found.unshift(chosen);
    }
    return {
      query: deferred,
      options: found
        .filter((c) => c.id !== excludeId)
        .map((c) => ({
          value: c.id,
          label: c.phones[0] ? `${nameOf(c)} · ${formatPhone(c.phones[0])}` : nameOf(c),
        })),
    };
  }, [contacts, deferred, value, excludeId, nameOf, formatPhone]);
  const current = result !== undefined && result.query === search;
  const data = current ? result.options : (result?.options.filter((o) => o.value === value) ?? []);

  return (
    <Select
      label={label ?? t('sales.form.customer')}
      description={description}
      placeholder={t('sales.form.customerPlaceholder')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The repository already matched names and phones in any format.
      filter={({ options: o }) => o}
      error={error}
      autoFocus={autoFocus}
      withAsterisk={!optional}
      clearable={optional}
      nothingFoundMessage={current ? '—' : t('sales.form.customerSearching')}
      data-results-for={current ? search : undefined}
    />
  );
}

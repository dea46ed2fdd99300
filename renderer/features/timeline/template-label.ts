import type { TFunction } from 'i18next';
import type { MessageTemplate } from '../../../shared/schemas';
import { DEFAULT_TEMPLATES } from '../../../shared/timeline/default-templates';

/**
 * A template's name to show. Built-in templates the user has not renamed show their name in
 * the UI language ("Ucapan ulang tahun"), not the stored English name.
 */
export function templateLabel(
  tpl: Pick<MessageTemplate, 'id' | 'name' | 'purpose'>,
  t: TFunction,
): string {
  const builtIn = DEFAULT_TEMPLATES.find((d) => d.id === tpl.id);
  if (builtIn && builtIn.name === tpl.name)
    return t(`timeline.templates.defaultNames.${tpl.purpose}`);
  return tpl.name;
}

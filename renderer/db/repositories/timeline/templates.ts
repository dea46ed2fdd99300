/**
 * Message templates: the stored ones plus the built-in ones (shared/timeline/
 * default-templates.ts) the user has not edited or deleted. A built-in template is stored on its
 * first edit or delete. Each write is one read-write transaction over `templates` + `meta`.
 */
import { newId } from '../../../../shared/ids';
import { applyPatch, createMutable, restore, tombstone } from '../../../../shared/records';
import { err, ok } from '../../../../shared/result';
import {
  templateFieldsSchema,
  type MessageTemplate,
  type TemplateFields,
} from '../../../../shared/schemas';
import { TEMPLATE_PURPOSES } from '../../../../shared/schemas/template';
import { DEFAULT_TEMPLATES } from '../../../../shared/timeline/default-templates';
import type { TimelineResult } from '../../../../shared/timeline/errors';
import { TimelineRecordNotFoundError } from '../../errors';
import { mustGet, type TimelineContext } from './context';

export function createTemplates({ db, clock, now }: TimelineContext) {
  const rwTemplates = <T>(fn: () => Promise<T>) => db.transaction('rw', db.templates, db.meta, fn);

  return {
    /** Stored templates plus the built-in ones the user has not edited or deleted. */
    async templates(): Promise<MessageTemplate[]> {
      const stored = await db.templates.toArray();
      const storedIds = new Set(stored.map((t) => t.id));
      const defaults: MessageTemplate[] = DEFAULT_TEMPLATES.filter((d) => !storedIds.has(d.id)).map(
        (d) => ({
          name: d.name,
          purpose: d.purpose,
          body: d.body,
          id: d.id,
          createdAt: new Date(0).toISOString(),
          updatedAt: '' as MessageTemplate['updatedAt'],
          stamps: {},
        }),
      );
      const order: readonly string[] = TEMPLATE_PURPOSES;
      return [...stored.filter((t) => !t.deletedAt), ...defaults].sort(
        (a, b) =>
          order.indexOf(a.purpose) - order.indexOf(b.purpose) || a.name.localeCompare(b.name),
      );
    },

    /** Create (no id) or save a template; a built-in one is stored on its first edit. */
    async saveTemplate(
      id: string | undefined,
      fields: TemplateFields,
    ): Promise<TimelineResult<MessageTemplate>> {
      const parsed = templateFieldsSchema.safeParse(fields);
      if (!parsed.success) {
        return err(
          parsed.error.issues.map((i) => ({
            path: i.path.join('.'),
            message:
              i.path[0] === 'name'
                ? ('timeline.errors.templateNameRequired' as const)
                : ('timeline.errors.textTooLong' as const),
          })),
        );
      }
      const value = parsed.data;
      return rwTemplates(async () => {
        const stamp = await clock.stamp();
        const at = now();
        const existing = id ? await db.templates.get(id) : undefined;
        if (existing) {
          const base = existing.deletedAt ? restore(existing, stamp) : existing;
          const { record } = applyPatch(base, value, stamp);
          await db.templates.put(record);
          return ok(record);
        }
        const record: MessageTemplate = createMutable(value, {
          id: id ?? newId(at.getTime()),
          createdAt: at.toISOString(),
          stamp,
        });
        await db.templates.put(record);
        return ok(record);
      });
    },

    async removeTemplate(id: string): Promise<void> {
      await rwTemplates(async () => {
        const stamp = await clock.stamp();
        let current = await db.templates.get(id);
        if (!current) {
          const builtIn = DEFAULT_TEMPLATES.find((d) => d.id === id);
          if (!builtIn) throw new TimelineRecordNotFoundError('template', id);
          const { id: _id, ...fields } = builtIn;
          current = createMutable(fields, { id, createdAt: now().toISOString(), stamp });
        }
        if (!current.deletedAt) await db.templates.put(tombstone(current, stamp));
      });
    },

    async restoreTemplate(id: string): Promise<void> {
      await rwTemplates(async () => {
        const current = mustGet('template', await db.templates.get(id), id);
        if (current.deletedAt) await db.templates.put(restore(current, await clock.stamp()));
      });
    },
  };
}

/** Message templates (renderer/db/repositories/timeline/templates.ts). */
import { describe, expect, it } from 'vitest';
import { templateSchema } from '../../../../../shared/schemas';
import { DEFAULT_TEMPLATES } from '../../../../../shared/timeline/default-templates';
import { useTimelineDb } from './setup';

const env = useTimelineDb();

describe('templates', () => {
  it('lists the built-ins; an edit stores a synced copy under the same id; delete hides it; undo restores', async () => {
    const list = await env.timeline.templates();
    expect(list.map((t) => t.id).sort()).toEqual(DEFAULT_TEMPLATES.map((d) => d.id).sort());
    const birthday = list.find((t) => t.purpose === 'birthday')!;
    const r = await env.timeline.saveTemplate(birthday.id, {
      ...birthday,
      body: { en: 'HBD {name}', id: 'Selamat ultah {name}' },
    });
    expect(r.ok).toBe(true);
    const stored = await env.repos.db.templates.get(birthday.id);
    expect(templateSchema.safeParse(stored).success).toBe(true);
    expect((await env.timeline.templates()).find((t) => t.id === birthday.id)!.body.id).toBe(
      'Selamat ultah {name}',
    );
    await env.timeline.removeTemplate(birthday.id);
    expect((await env.timeline.templates()).some((t) => t.id === birthday.id)).toBe(false);
    await env.timeline.restoreTemplate(birthday.id);
    expect((await env.timeline.templates()).some((t) => t.id === birthday.id)).toBe(true);
    const bad = await env.timeline.saveTemplate(undefined, {
      name: ' ',
      purpose: 'custom',
      body: { en: '', id: '' },
    });
    expect(!bad.ok && bad.error[0]!.message).toBe('timeline.errors.templateNameRequired');
  });
});

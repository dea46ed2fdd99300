import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../shared/contact-input';
import { openRepositories, type Repositories } from '../../../renderer/db';

let repos: Repositories;
let n = 0;
beforeEach(async () => {
  repos = await openRepositories(`test-privacy-${++n}-${Date.now()}`);
});
afterEach(async () => {
  repos.db.close();
  await repos.db.delete();
});

async function contact(name: string, phone: string) {
  const r = await repos.contacts.create({
    ...emptyContactInput(),
    name,
    phones: [{ label: 'mobile', raw: phone }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.id;
}

describe('personal data export (UU PDP)', () => {
  it('holds the person, their merged duplicate and their events, and nobody else', async () => {
    const siti = await contact('Siti Rahayu', '0812-3456-7890');
    const dup = await contact('Siti R.', '0813-1111-2222');
    const budi = await contact('Budi Santoso', '0857-1111-2222');
    await repos.contacts.merge(dup, siti);
    const note = await repos.timeline.addInteraction({
      contactId: dup,
      kind: 'note',
      at: new Date().toISOString(),
      text: 'Asked for size L',
    });
    expect(note.ok).toBe(true);
    await repos.timeline.addInteraction({
      contactId: budi,
      kind: 'note',
      at: new Date().toISOString(),
      text: 'Budi only',
    });

    const data = await repos.privacy.exportPerson(siti);
    expect(data.format).toBe('kenal-person');
    const names = data.contacts.map((c) => (c as { name: string }).name).sort();
    expect(names).toEqual(['Siti R.', 'Siti Rahayu']);
    expect(data.notes.map((x) => (x as { text: string }).text)).toEqual(['Asked for size L']);
    const text = JSON.stringify(data);
    expect(text).not.toContain('Budi');
    // Synced records only: no local search keys or markers.
    expect(text).not.toContain('nameTokens');
    expect(text).not.toContain('_localStamp');
  });
});

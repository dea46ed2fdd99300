import { afterEach, beforeEach, expect, it } from 'vitest';
import { openRepositories, type Repositories } from '../../../renderer/db';

let repos: Repositories;
let counter = 0;
beforeEach(async () => {
  repos = await openRepositories(`test-shop-profile-${++counter}-${Date.now()}`);
});
afterEach(async () => {
  repos.db.close();
  await repos.db.delete();
});

it('the shop profile is saved per field, trimmed, and a too-long field is refused whole', async () => {
  expect((await repos.shop.get()).profile).toEqual({
    name: '',
    address: '',
    phone: '',
    signOff: '',
  });
  expect(
    await repos.shop.setProfile({ name: ' Toko Sinar ', address: '', phone: '0812', signOff: '' }),
  ).toEqual({ ok: true });
  const first = await repos.db.settings.where('key').equals('shop.name').first();
  // Saving again with only the sign-off changed leaves the name's record (and stamp) alone.
  await repos.shop.setProfile({ name: 'Toko Sinar', address: '', phone: '0812', signOff: 'Salam' });
  expect((await repos.db.settings.where('key').equals('shop.name').first())!.updatedAt).toBe(
    first!.updatedAt,
  );
  expect((await repos.shop.get()).profile).toEqual({
    name: 'Toko Sinar',
    address: '',
    phone: '0812',
    signOff: 'Salam',
  });
  const bad = await repos.shop.setProfile({
    name: 'x'.repeat(101),
    address: '',
    phone: '',
    signOff: '',
  });
  expect(bad).toEqual({ ok: false, errors: [{ path: 'name', message: 'shop.errors.tooLong' }] });
  expect((await repos.shop.get()).profile.name).toBe('Toko Sinar');
});

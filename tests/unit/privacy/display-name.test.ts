/**
 * What the user sees as an erased customer's name: their own language's words while the
 * stored placeholder is there, and a name typed in after the erasure as it is.
 */
import { describe, expect, it } from 'vitest';
import { displayName, ERASED_MARK, ERASED_NAME } from '../../../shared/privacy/erase';

const STAMP = '001790000000000-00000-DEVICEAAAAAAAAAA';

describe('displayName', () => {
  it('shows the label for an erased contact that still has the placeholder', () => {
    const c = { name: ERASED_NAME, stamps: { [ERASED_MARK]: STAMP } };
    expect(displayName(c, 'Pelanggan terhapus')).toBe('Pelanggan terhapus');
  });

  it('shows a name typed in after the erasure (the customer came back)', () => {
    const c = { name: 'Siti Rahayu', stamps: { [ERASED_MARK]: STAMP, name: STAMP } };
    expect(displayName(c, 'Pelanggan terhapus')).toBe('Siti Rahayu');
  });

  it('shows a contact that was never erased under its own name, even one called like the placeholder', () => {
    expect(displayName({ name: ERASED_NAME, stamps: {} }, 'Pelanggan terhapus')).toBe(ERASED_NAME);
    expect(displayName({ name: 'Budi', stamps: {} }, 'Pelanggan terhapus')).toBe('Budi');
  });
});

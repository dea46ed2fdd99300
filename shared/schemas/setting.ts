import { z } from 'zod';
import { mutableMetaShape } from './common';

/**
 * Shop-wide settings that sync between devices (loyalty rules, shop profile, ...), one record
 * per key. The value's shape is validated by the feature that owns the key. Per-device
 * preferences such as the UI language are not settings: they stay on the device.
 */
export const settingFieldsSchema = z.object({
  key: z.string().regex(/^[a-z][a-zA-Z0-9.]{0,63}$/),
  value: z.json(),
});
export type SettingFields = z.infer<typeof settingFieldsSchema>;

export const settingSchema = settingFieldsSchema.extend(mutableMetaShape);
export type Setting = z.infer<typeof settingSchema>;

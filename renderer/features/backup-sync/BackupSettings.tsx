/** A section of the Settings screen owned by this feature; renders nothing until it is built. */
export function BackupSettings() {
  return null;
}

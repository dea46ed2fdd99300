/**
 * Pick a Kenal file through the host and check it completely (shared/sync readKenalFile),
 * asking for the password when the file is encrypted. Nothing is written here: the caller
 * gets a checked file or a reason to show.
 */
import { useState } from 'react';
import { useHost } from '../../app/services';
import { readKenalFile, type FileKind, type ReadFile } from '../../../shared/sync/envelope';
import { SCHEMA_VERSION } from '../../db/repositories/sync';
import { KENAL_FILE_FILTERS } from './file-names';
import type { ReadProblem } from './file-problem';

const MAX_BYTES = 200 * 1024 * 1024;

export interface PasswordRequest {
  wrong: boolean;
  submit(password: string): void;
  cancel(): void;
}

export function useKenalFile(
  kind: FileKind,
  onFile: (file: ReadFile, name: string) => void | Promise<void>,
) {
  const host = useHost();
  const [problem, setProblem] = useState<ReadProblem | null>(null);
  const [passwordRequest, setPasswordRequest] = useState<PasswordRequest | null>(null);
  const [busy, setBusy] = useState(false);

  async function check(text: string, name: string, password?: string): Promise<void> {
    const read = await readKenalFile(text, {
      expectedKind: kind,
      schemaVersion: SCHEMA_VERSION,
      password,
    });
    if (
      !read.ok &&
      (read.error.code === 'passwordRequired' || read.error.code === 'wrongPassword')
    ) {
      setPasswordRequest({
        wrong: read.error.code === 'wrongPassword',
        submit: (pw) => {
          setPasswordRequest(null);
          void run(() => check(text, name, pw));
        },
        cancel: () => setPasswordRequest(null),
      });
      return;
    }
    if (!read.ok) {
      setProblem(read.error);
      return;
    }
    await onFile(read.value, name);
  }

  async function run(fn: () => Promise<void>) {
    setBusy(true);
    try {
      await fn();
    } catch (error) {
      setProblem({
        code: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
    } finally {
      setBusy(false);
    }
  }

  function open() {
    setProblem(null);
    void run(async () => {
      const picked = await host.openFile({ filters: KENAL_FILE_FILTERS, maxBytes: MAX_BYTES });
      if (picked.status === 'cancelled') return;
      if (picked.status === 'too-large') {
        setProblem({ code: 'tooLarge', size: picked.size });
        return;
      }
      await check(picked.file.content, picked.file.name);
    });
  }

  return { open, problem, setProblem, passwordRequest, busy, run };
}

/** A refused file's reason, in the user's language. */
import type { TFunction } from 'i18next';
import type { FileKind, FileProblem } from '../../../shared/sync/envelope';

export type ReadProblem =
  FileProblem | { code: 'tooLarge'; size: number } | { code: 'failed'; message: string };

export function problemMessage(t: TFunction, problem: ReadProblem, expected: FileKind): string {
  switch (problem.code) {
    case 'wrongKind':
      return expected === 'backup'
        ? t('backup.errors.wrongKindBackup')
        : t('backup.errors.wrongKindSync');
    case 'newerVersion':
      return t('backup.errors.newerVersion', {
        file: problem.fileVersion,
        supported: problem.supportedVersion,
      });
    case 'invalidRecords': {
      const first = problem.examples[0];
      return t('backup.errors.invalidRecords', {
        count: problem.count,
        table: first ? t(`backup.tables.${first.table}`, { defaultValue: first.table }) : '',
        index: first ? first.index + 1 : '',
        issue: first?.issue ?? '',
      });
    }
    case 'tooLarge':
      return t('backup.errors.tooLarge', { size: Math.ceil(problem.size / 1024 / 1024) });
    case 'failed':
      return t('backup.errors.failed', { message: problem.message });
    case 'notJson':
      return t('backup.errors.notJson');
    case 'truncated':
      return t('backup.errors.truncated');
    case 'notKenal':
      return t('backup.errors.notKenal');
    case 'passwordRequired':
      return t('backup.errors.passwordRequired');
    case 'wrongPassword':
      return t('backup.errors.wrongPassword');
    case 'malformed':
      return t('backup.errors.malformed');
    case 'checksum':
      return t('backup.errors.checksum');
  }
}

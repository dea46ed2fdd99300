// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** A `no-restricted-imports` entry forbidding specifiers that match `regex`. */
const forbid = (regex, message, extra = {}) => ({ regex, message, ...extra });

const NO_ELECTRON = forbid(
  '^(\\.\\./)+electron/',
  'The renderer never imports Electron: it talks to the host through HostApi (renderer/host).',
);

/**
 * Modules of one feature that other features import today. A feature's inside is its own;
 * another feature may import it only through an index.ts that feature exports (none has one
 * yet). These are the imports that already crossed a feature boundary when the rule came in
 * (issue #15): each is a narrow exception to move behind that feature's index, and anything
 * new fails lint.
 */
const CROSS_FEATURE_EXCEPTIONS = [
  'backup-sync/BackupSettings',
  'backup-sync/ContactMergeHistory',
  'contacts/PhoneCountrySetting',
  'contacts/contacts-view-store',
  'contacts/custom-fields/CustomFieldsSettings',
  'contacts/import/EncodingSelect',
  'contacts/useContactSearch',
  'contacts/usePhoneRegion',
  'followups/FollowUpForm',
  'followups/FollowUpRow',
  'followups/useNow',
  'loyalty/ContactLoyaltyPanel',
  'loyalty/LoyaltySettings',
  'messaging/QueuePage',
  'messaging/StartQueueModal',
  'messaging/useMessageFacts',
  'privacy/EraseContactButton',
  'privacy/useContactName',
  'reports/ContactRfm',
  'reports/useRfmColumns',
  'sales/ContactPicker',
  'sales/FeedbackForm',
  'sales/RecordSaleModal',
  'sales/RefundModal',
  'sales/SalesTable',
  'timeline/ContactTimelinePanel',
  'timeline/TemplateSettings',
  'timeline/WhatsAppDialog',
  'timeline/datetime-local',
  'timeline/loyalty-integration',
  'timeline/template-label',
];

/** Another feature's module, seen from a file `depth` folders below renderer/features/. */
const otherFeature = (depth) =>
  forbid(
    `^${'\\.\\./'.repeat(depth)}(?!([a-z-]+/index|${CROSS_FEATURE_EXCEPTIONS.join('|')})$)[a-z-]+/`,
    "A feature imports another feature only through that feature's index.ts.",
  );

/**
 * Features reach the database through renderer/db (its index: createRepositories and the
 * Repositories type) and renderer/db/errors; a repository's own module only for its types
 * (`import type`). `valueFrom` lists repositories a file still imports a value from (#15).
 */
const dbOnlyThroughIndex = (valueFrom = []) =>
  forbid(
    `/db/(?!(errors${valueFrom.map((r) => `|repositories/${r}`).join('')})$).+`,
    'Features reach the database only through renderer/db (index) and renderer/db/errors; a repository module only with `import type`.',
    { allowTypeImports: true },
  );

const restrict = (paths, patterns) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
});

function layers() {
  const feature = (files, depth, valueFrom) => ({
    files,
    rules: restrict(
      ['electron', 'dexie'],
      [NO_ELECTRON, dbOnlyThroughIndex(valueFrom), otherFeature(depth)],
    ),
  });
  return [
    {
      // shared/ is pure TypeScript: no DOM framework, Dexie, Electron, renderer or host code.
      files: ['shared/**/*.ts'],
      rules: restrict(
        ['dexie', 'react', 'react-dom', 'electron'],
        [
          forbid(
            '^(\\.\\./)+(renderer|electron)/',
            'shared/ imports nothing from renderer/ or electron/.',
          ),
        ],
      ),
    },
    {
      // The host process: shared/ and Node/Electron, never the renderer's code.
      files: ['electron/**/*.ts'],
      rules: restrict([], [forbid('^(\\.\\./)+renderer/', 'electron/ never imports renderer/.')]),
    },
    { files: ['renderer/**/*.{ts,tsx}'], rules: restrict(['electron'], [NO_ELECTRON]) },
    {
      // The database layer serves the screens; it never imports them.
      files: ['renderer/db/**/*.{ts,tsx}'],
      rules: restrict(
        ['electron'],
        [
          NO_ELECTRON,
          forbid('^(\\.\\./)+(features|app)/', 'renderer/db never imports features/ or app/.'),
        ],
      ),
    },
    {
      // The shell composes features; it reads the database through renderer/db's index.
      files: ['renderer/app/**/*.{ts,tsx}'],
      rules: restrict(
        ['electron', 'dexie'],
        [NO_ELECTRON, forbid('/db/(database|schema|clock)$', 'Use renderer/db (index).')],
      ),
    },
    feature(['renderer/features/*/*.{ts,tsx}'], 1),
    feature(['renderer/features/*/*/*.{ts,tsx}'], 2),
    // SCHEMA_VERSION is a value of the sync repository these two read (#15: to move behind
    // renderer/db's index once the sync repository split lands).
    feature(
      [
        'renderer/features/backup-sync/useKenalFile.ts',
        'renderer/features/backup-sync/folder-sync.ts',
      ],
      1,
      ['sync'],
    ),
  ];
}

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-electron',
      'release',
      'test-results',
      'playwright-report',
      'bench-results',
      'coverage',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  // The layer rule (ARCHITECTURE.md "Layers"): each folder imports only what its row of the
  // table allows. Flat config replaces a rule's options per file, so every group lists all of
  // its restrictions (built by `layer` below).
  ...layers(),
);

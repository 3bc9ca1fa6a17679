// Lints the extension, the page script, the tests and the repository scripts with typescript-eslint.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'templates/**', 'lessons/**', 'test/fixtures/**', '.playground/**', 'docs/**', 'bench/tmp/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      eqeqeq: ['error', 'always'],
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only edge files may import vscode at runtime; use `import type`.', allowTypeImports: true }] }],
    },
  },
  {
    // The edges: the only files allowed to import the vscode API at runtime.
    files: [
      'src/extension.ts',
      'src/statusBar.ts',
      'src/ui/**',
      'src/tree/**',
      'src/commands/**',
      'src/lessonPanel/lessonPanel.ts',
      'src/lessonPanel/createLessonPanel.ts',
      'src/lessonPanel/vscodeActionHost.ts',
      'src/lessonPanel/labels.ts',
      'src/scaffold/workspaceScaffolder.ts',
      'src/exercises/exerciseRunner.ts',
      'src/testing/exerciseTestController.ts',
      'src/exercises/startedExercises.ts',
      'src/curriculum/extensionContentReader.ts',
      'src/review/pagePanel.ts',
      'src/review/registerReview.ts',
      'src/review/reviewLabels.ts',
      'test/integration/**',
      'test/bench/**',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);

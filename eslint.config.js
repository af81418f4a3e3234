// Lint, including the layering of ../shared/ARCHITECTURE.md: an import across
// layers fails `npm test`.
//   shared        imports nothing of ours (and no runtime: Node, Electron, React)
//   engine        never imports electron, the shell, the host or the renderer
//   host, app     never import the renderer; the host never imports electron
//   renderer      imports only shared: no src-main, no Node, no Electron
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'worker_threads'];

const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'release/**', 'test-results/**', 'playwright-report/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: restrict([
      { group: ['**/src-main/**', '**/src-renderer/**', '**/test/**'], message: 'shared/ imports nothing of ours.' },
      { group: ['electron', 'better-sqlite3', 'react', 'react-dom', ...NODE_BUILTINS], message: 'shared/ runs on both sides: no Node, Electron or React.' },
    ]),
  },
  {
    files: ['src-main/engine/**/*.ts'],
    rules: restrict([
      { group: ['electron', 'electron/*'], message: 'The engine never imports electron (ARCHITECTURE: headless core).' },
      { group: ['**/src-renderer/**', '**/app/**', '**/host/**', '**/test/**'], message: 'The engine imports only shared/ and itself.' },
    ]),
  },
  {
    files: ['src-main/host/**/*.ts'],
    rules: restrict([
      { group: ['electron', 'electron/*'], message: 'The host runs without Electron.' },
      { group: ['**/src-renderer/**', '**/app/**', '**/test/**'], message: 'The host imports the engine and shared/ only.' },
    ]),
  },
  {
    files: ['src-main/app/**/*.ts'],
    rules: restrict([
      { group: ['**/src-renderer/**', '**/host/**', '**/test/**'], message: 'The shell binds the engine; it does not import the renderer or the host.' },
    ]),
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: restrict([
      { group: ['**/src-main/**'], message: 'The renderer talks to main only through channels (shared/catalog).' },
      { group: ['electron', 'electron/*', 'better-sqlite3', ...NODE_BUILTINS], message: 'No Node or Electron in the renderer.' },
    ]),
  },
);

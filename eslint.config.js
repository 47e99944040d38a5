import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// One-way data flow, enforced: NINA → src/nina → store/query cache → features.
// Features never import each other; lib imports nothing from the app.
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const boundaryZones = [
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'A feature never imports another feature; move shared code to components/, lib/, store/ or nina/.',
  })),
  {
    target: './src/nina',
    from: ['./src/app', './src/features', './src/components'],
    message: 'src/nina is the wire layer and knows nothing of views.',
  },
  {
    target: './src/store',
    from: ['./src/app', './src/features', './src/components'],
    message: 'Stores are fed by src/nina and read by views, never the other way round.',
  },
  {
    target: './src/lib',
    from: ['./src/app', './src/features', './src/components', './src/nina', './src/store'],
    message: 'src/lib holds pure helpers with no app imports.',
  },
  {
    target: './src/components',
    from: ['./src/app', './src/features'],
    message: 'Shared components do not depend on the shell or on features.',
  },
  {
    target: './src',
    from: ['./server', './simulator'],
    message: 'The browser app never imports the server or the simulator.',
  },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', '.traffic'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones }],
      'import-x/no-duplicates': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'public/**/*.js'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    files: ['simulator/**/*.ts', 'server/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.{ts,mjs}', 'bench/**/*.ts', '*.config.{ts,js}', '.size-limit.js'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
);

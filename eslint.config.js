// Lint: typescript-eslint's recommended rules, plus the boundaries the architecture depends on
// (docs/decisions/005-kernel.md): the domain imports nothing outside itself and does no IO; the
// contract is shared by server and web and imports neither; the web never imports the server; a
// server module is used by others only through its index.ts; no source file over 400 lines.
import fs from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const MODULES_DIR = 'src/server/modules';
const modules = fs.readdirSync(MODULES_DIR).filter((m) => fs.statSync(path.join(MODULES_DIR, m)).isDirectory());

/** Each module may reach another only through that module's index.ts. */
const moduleZones = modules.map((m) => ({
  target: `./${MODULES_DIR}/${m}`,
  from: `./${MODULES_DIR}`,
  except: [`./${m}`, ...modules.filter((o) => o !== m).map((o) => `./${o}/index.ts`)],
  message: `a module is used by others only through its index.ts (src/server/modules/<module>/index.ts)`,
}));

const BOUNDARY_ZONES = [
  { target: './src/domain', from: './src', except: ['./domain'], message: 'domain/ imports nothing outside itself' },
  { target: './src/contract', from: ['./src/server', './src/web', './src/cli'], message: 'the contract is shared by server and web and imports neither' },
  { target: './src/web', from: ['./src/server', './src/cli'], message: 'the web never imports the server' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', '.tmp/**', 'test-results/**', 'src/server/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Optional values are typed `| undefined` on purpose (exactOptional-style contracts); non-null assertions follow checks.
      '@typescript-eslint/no-non-null-assertion': 'off',
      'max-lines': ['error', { max: 400 }],
      'import-x/no-restricted-paths': ['error', { zones: [...BOUNDARY_ZONES, ...moduleZones] }],
    },
  },
  {
    // The domain is pure: no IO (the clock and the data are passed in).
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'pg', '@electric-sql/*', 'drizzle-orm*', 'fastify*'], message: 'domain/ does no IO' }] }] },
  },
  {
    // Tests reach into the modules they test (fixtures, repositories); the other boundaries hold for them too.
    files: ['**/*.test.ts', 'e2e/**', 'bench/**', 'src/server/test/**', 'src/server/modules/*/*.fixtures.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      'import-x/no-restricted-paths': ['error', { zones: BOUNDARY_ZONES }],
    },
  },
);

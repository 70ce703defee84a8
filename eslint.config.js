import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', '.cache', 'coverage', 'data', 'public', 'bench/.dist', 'bench/.data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Data must never become HTML (see issue: hardening).
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render data as text, never as HTML.',
        },
        { selector: "MemberExpression[property.name='innerHTML']", message: 'Render data as text, never as HTML.' },
        { selector: "CallExpression[callee.property.name='setHTML']", message: 'Build popups from DOM nodes or text.' },
        {
          selector: "AssignmentExpression > MemberExpression.left[property.name='outerHTML']",
          message: 'Render data as text, never as HTML.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|parseFromString)$/]',
          message: 'Render data as text, never as HTML.',
        },
        {
          selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
          message: 'Render data as text, never as HTML.',
        },
        { selector: "JSXAttribute[name.name='srcDoc']", message: 'Render data as text, never as HTML.' },
      ],
    },
  },
  // Imports flow one way: shared (lib, data, i18n, map, map-style, state, components) → features →
  // app. A feature never imports another feature; only src/app wires them together.
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'boundaries/elements': [
        { type: 'app', pattern: 'src/app' },
        { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
        { type: 'components', pattern: 'src/components' },
        { type: 'state', pattern: 'src/state' },
        { type: 'map', pattern: 'src/map' },
        { type: 'map-style', pattern: 'src/map-style' },
        { type: 'i18n', pattern: 'src/i18n' },
        { type: 'data', pattern: 'src/data' },
        { type: 'lib', pattern: 'src/lib' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message:
            '{{ from.type }} must not import {{ to.type }}: imports flow lib/data/i18n → map, map-style, state → components → features → app (see README, Layout)',
          policies: [
            {
              from: { element: { type: 'app' } },
              allow: {
                to: {
                  element: {
                    types: {
                      anyOf: ['app', 'feature', 'components', 'state', 'map', 'map-style', 'i18n', 'data', 'lib'],
                    },
                  },
                },
              },
            },
            {
              from: { element: { type: 'feature' } },
              allow: {
                to: {
                  element: { types: { anyOf: ['components', 'state', 'map', 'map-style', 'i18n', 'data', 'lib'] } },
                },
              },
            },
            {
              from: { element: { type: 'feature' } },
              allow: { to: { element: { type: 'feature', captured: { feature: '{{ from.captured.feature }}' } } } },
            },
            {
              from: { element: { type: 'components' } },
              allow: {
                to: { element: { types: { anyOf: ['components', 'state', 'map-style', 'i18n', 'data', 'lib'] } } },
              },
            },
            {
              from: { element: { type: 'state' } },
              allow: { to: { element: { types: { anyOf: ['state', 'i18n', 'data', 'lib'] } } } },
            },
            { from: { element: { type: 'map' } }, allow: { to: { element: { types: { anyOf: ['map', 'lib'] } } } } },
            {
              from: { element: { type: 'map-style' } },
              allow: { to: { element: { types: { anyOf: ['map-style', 'i18n', 'data', 'lib'] } } } },
            },
            {
              from: { element: { type: 'i18n' } },
              allow: { to: { element: { types: { anyOf: ['i18n', 'data', 'lib'] } } } },
            },
            { from: { element: { type: 'data' } }, allow: { to: { element: { types: { anyOf: ['data', 'lib'] } } } } },
            { from: { element: { type: 'lib' } }, allow: { to: { element: { type: 'lib' } } } },
          ],
        },
      ],
    },
  },
);

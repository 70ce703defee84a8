import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

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
);

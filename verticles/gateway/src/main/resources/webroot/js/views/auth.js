// Sign up and sign in: the same form, two endpoints. The server's field errors (email, password)
// appear beside the fields; others (Email in use, Invalid credentials, 429 too many attempts)
// above the button.
import { api } from '../api.js';
import { h, heading, replace } from '../dom.js';
import { field, formAlert, showErrors, values, whileSubmitting } from '../forms.js';
import { navigate } from '../router.js';
import { session } from '../session.js';

export const signUpView = (context) => credentialsPage(context, {
  title: 'Create an account',
  submitLabel: 'Sign up',
  busyLabel: 'Signing up…',
  passwordAutocomplete: 'new-password',
  passwordHint: 'At least 8 characters.',
  call: api.signUp,
  other: ['Already have an account? ', 'Sign in', '/signin'],
});

export const signInView = (context) => credentialsPage(context, {
  title: 'Sign in',
  submitLabel: 'Sign in',
  busyLabel: 'Signing in…',
  passwordAutocomplete: 'current-password',
  call: api.signIn,
  other: ['New here? ', 'Create an account', '/signup'],
});

async function credentialsPage({ outlet, query }, page) {
  const next = safeNext(query.get('next'));
  const [otherText, otherLabel, otherPath] = page.other;
  const form = h('form', { class: 'form', novalidate: true },
    field({ label: 'Email', name: 'email', type: 'email', autocomplete: 'email', required: true }),
    field({ label: 'Password', name: 'password', type: 'password', autocomplete: page.passwordAutocomplete, hint: page.passwordHint, required: true }),
    formAlert(),
    h('button', { type: 'submit', class: 'button button--primary' }, page.submitLabel));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { email, password } = values(form);
    await whileSubmitting(form, page.busyLabel, async () => {
      try {
        session.set(await page.call(email, password));
        navigate(next, { replace: true });
      } catch (error) {
        showErrors(form, error);
      }
    });
  });

  const nextQuery = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
  replace(outlet,
    h('div', { class: 'narrow' },
      heading(page.title),
      form,
      h('p', { class: 'muted' }, otherText, h('a', { href: otherPath + nextQuery }, otherLabel), '.')));
}

/** Only a path on this site: `?next=https://evil.example` or `//evil.example` must not redirect away. */
function safeNext(next) {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

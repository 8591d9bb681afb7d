// Forms: labelled fields with a place for the server's error beside each one. Forms are
// `novalidate` on purpose: the server is the one authority on what is valid, and its messages
// (with `field`) are shown next to the field they name instead of the browser's own bubbles.
import { h, replace } from './dom.js';

let fieldCounter = 0;

/**
 * A labelled input with its error slot: field({label: 'Email', name: 'email', type: 'email'}).
 * Extra attributes (autocomplete, inputmode, value, hint...) go onto the input.
 */
export function field({ label, name, type = 'text', hint, ...attributes }) {
  const id = `field-${name}-${++fieldCounter}`;
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const input = h('input', {
    id, name, type,
    'aria-describedby': [hintId, errorId].filter(Boolean).join(' '),
    ...attributes,
  });
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'field__hint', id: hintId }, hint) : null,
    input,
    h('p', { class: 'field__error', id: errorId, dataset: { errorFor: name }, hidden: true }));
}

/** The form's values as a plain object of strings. */
export function values(form) {
  return Object.fromEntries(new FormData(form).entries());
}

/** A form-level message area (for errors that name no field), placed where it is called. */
export function formAlert() {
  return h('div', { class: 'form-alert', role: 'alert', dataset: { formAlert: '' }, hidden: true });
}

export function clearErrors(form) {
  for (const slot of form.querySelectorAll('[data-error-for]')) {
    slot.hidden = true;
    slot.textContent = '';
  }
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  const alert = form.querySelector('[data-form-alert]');
  if (alert) {
    alert.hidden = true;
    replace(alert);
  }
}

/**
 * Shows an ApiError: each message naming a field of this form beside that field (and marks the
 * input invalid), every other message in the form's alert. Focuses the first invalid field.
 */
export function showErrors(form, error) {
  clearErrors(form);
  const general = [];
  let firstInvalid = null;
  for (const { message, field: name } of error.errors ?? [{ message: error.message }]) {
    const slot = name ? form.querySelector(`[data-error-for="${CSS.escape(name)}"]`) : null;
    if (!slot) {
      general.push(message);
      continue;
    }
    slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
    slot.hidden = false;
    const input = form.elements.namedItem(name);
    input?.setAttribute?.('aria-invalid', 'true');
    firstInvalid ??= input;
  }
  const alert = form.querySelector('[data-form-alert]');
  if (general.length && alert) {
    replace(alert, ...general.map((message) => h('p', {}, message)));
    alert.hidden = false;
  }
  firstInvalid?.focus?.();
}

/** Disables the submit button while a request runs, so a double click sends one request. */
export async function whileSubmitting(form, busyLabel, work) {
  const button = form.querySelector('button[type=submit]');
  const label = button?.textContent;
  if (button) {
    button.disabled = true;
    button.textContent = busyLabel;
  }
  form.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    form.removeAttribute('aria-busy');
    if (button && button.isConnected) {
      button.disabled = false;
      button.textContent = label;
    }
  }
}

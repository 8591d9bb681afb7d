// Sell a ticket, and edit one of my listings (title and price). A reserved ticket cannot be
// edited: the page says so before you type, and the server's refusal is shown if a buyer got
// there first.
import { api, ApiError } from '../api.js';
import { h, heading, notice, replace } from '../dom.js';
import { field, formAlert, showErrors, values, whileSubmitting } from '../forms.js';
import { navigate } from '../router.js';
import { session } from '../session.js';

const RESERVED = 'This ticket is reserved by a buyer, so it cannot be edited until their order is cancelled or expires.';

export async function sellTicketView({ outlet }) {
  replace(outlet, h('div', { class: 'narrow' },
    heading('Sell a ticket'),
    ticketForm({
      submitLabel: 'List ticket',
      busyLabel: 'Listing…',
      save: ({ title, price }) => api.createTicket(title, price),
    })));
}

export async function editTicketView({ outlet, params }) {
  let ticket;
  try {
    ticket = await api.ticket(params.id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      replace(outlet, heading('Ticket not found'), h('p', {}, h('a', { href: '/listings' }, 'Back to my listings')));
      return;
    }
    throw error;
  }
  if (ticket.userId !== session.user?.id) {
    replace(outlet, heading('Edit listing'), notice('error', 'You can only edit your own listings.'));
    return;
  }
  const locked = ticket.orderId != null || ticket.sold;
  const form = ticketForm({
    ticket,
    submitLabel: 'Save changes',
    busyLabel: 'Saving…',
    save: ({ title, price }) => api.updateTicket(ticket.id, title, price),
  });
  if (locked) for (const control of form.elements) control.disabled = true;
  replace(outlet, h('div', { class: 'narrow' },
    heading('Edit listing'),
    locked ? notice('warning', ticket.sold ? 'This ticket has been sold, so it can no longer be edited.' : RESERVED) : null,
    form,
    h('p', {}, h('a', { href: '/listings' }, 'Back to my listings'))));
}

function ticketForm({ ticket, submitLabel, busyLabel, save }) {
  const form = h('form', { class: 'form', novalidate: true },
    field({ label: 'Title', name: 'title', value: ticket?.title ?? '', maxlength: 200, autocomplete: 'off', required: true }),
    // Text with a decimal keypad rather than type=number: the server validates, and sees what was typed.
    field({ label: 'Price', name: 'price', inputmode: 'decimal', value: ticket ? ticket.price.toFixed(2) : '', autocomplete: 'off',
      hint: 'For example 20 or 20.50.', required: true }),
    formAlert(),
    h('button', { type: 'submit', class: 'button button--primary' }, submitLabel));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = values(form);
    await whileSubmitting(form, busyLabel, async () => {
      try {
        const saved = await save({ title: input.title, price: input.price.trim() });
        navigate(`/tickets/${encodeURIComponent(saved.id)}`);
      } catch (error) {
        if (error.status === 400 && /reserved/i.test(error.message)) error.errors = [{ message: RESERVED }];
        showErrors(form, error);
      }
    });
  });
  return form;
}

// One ticket: its details and the Purchase button, or why it cannot be bought right now (someone
// else holds it, it is sold, it is your own). Live changes keep the page current, so a ticket
// released by an expired order becomes purchasable without a reload.
import { api, ApiError, whileUnknown } from '../api.js';
import { badge, formatPrice, h, heading, notice, replace } from '../dom.js';
import { onTicketChange, VersionBook } from '../live.js';
import { navigate, signInFirst } from '../router.js';
import { session } from '../session.js';

const HELD_BY_SOMEONE_ELSE = 'Someone else is holding this ticket right now. '
  + 'If they do not pay in time, it becomes available again.';

export async function ticketView({ outlet, params, signal }) {
  let ticket;
  try {
    ticket = await api.ticket(params.id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      replace(outlet, heading('Ticket not found'),
        h('p', {}, 'This ticket does not exist. ', h('a', { href: '/' }, 'See the tickets for sale'), '.'));
      return;
    }
    throw error;
  }

  const details = h('div');
  const actions = h('div', { class: 'actions' });
  const message = h('div', { dataset: { testid: 'purchase-message' } });
  outlet.append(details, message, actions);
  const versions = new VersionBook();
  versions.accept(ticket);

  const show = async (shown) => {
    replace(details,
      h('div', { class: 'page-head' }, heading(shown.title), statusBadge(shown)),
      h('p', { class: 'price-large' }, h('span', { class: 'muted' }, 'Price '), formatPrice(shown.price)));
    replace(actions, ...await actionsFor(shown, purchase));
  };

  const purchase = async (button) => {
    button.disabled = true;
    button.textContent = 'Reserving…';
    replace(message);
    try {
      // Orders learns of a new ticket through an event: a 404 for a moment after listing is normal.
      const order = await whileUnknown(() => api.createOrder(ticket.id), { signal });
      navigate(`/orders/${encodeURIComponent(order.id)}`);
    } catch (error) {
      if (signal.aborted) return;
      if (error.status === 401) {
        session.set(null); // the session ran out meanwhile
        signInFirst();
        return;
      }
      const text = error.status === 400 && /already reserved/i.test(error.message) ? HELD_BY_SOMEONE_ELSE : error.message;
      replace(message, notice('error', text));
      button.disabled = false;
      button.textContent = 'Purchase';
    }
  };

  onTicketChange((changed) => {
    if (changed.id !== ticket.id || !versions.accept(changed)) return;
    ticket = { ...ticket, ...changed };
    replace(message);
    show(ticket).catch(() => {});
  }, signal);
  await show(ticket);
}

function statusBadge(ticket) {
  if (ticket.sold) return badge('sold', 'Sold');
  return ticket.orderId ? badge('reserved', 'Reserved') : badge('available', 'Available');
}

async function actionsFor(ticket, purchase) {
  const user = session.user;
  const ticketPath = `/tickets/${encodeURIComponent(ticket.id)}`;
  if (user && user.id === ticket.userId) {
    return [
      notice('info', 'This is your listing.'),
      ticket.orderId ? null : h('a', { href: `${ticketPath}/edit`, class: 'button' }, 'Edit listing'),
    ];
  }
  if (ticket.sold) return [notice('info', 'This ticket has been sold.')];
  if (ticket.orderId) {
    const mine = user ? await myOrderHolding(ticket) : null;
    return mine
      ? [notice('info', 'You are holding this ticket. '), h('a', { href: `/orders/${encodeURIComponent(mine.id)}`, class: 'button button--primary' }, 'Go to your order')]
      : [notice('warning', HELD_BY_SOMEONE_ELSE)];
  }
  if (!user) {
    return [h('a', { href: `/signin?next=${encodeURIComponent(ticketPath)}`, class: 'button button--primary' }, 'Sign in to purchase')];
  }
  const button = h('button', { type: 'button', class: 'button button--primary' }, 'Purchase');
  button.addEventListener('click', () => purchase(button));
  return [button];
}

/** The signed-in user's own order that holds this ticket, if the holder is them. */
async function myOrderHolding(ticket) {
  try {
    return (await api.orders()).find((order) => order.id === ticket.orderId) ?? null;
  } catch {
    return null;
  }
}

// My listings: every ticket I listed, reserved and sold ones included (GET /api/tickets?mine=true),
// with its status and an edit action while nobody holds it.
import { api } from '../api.js';
import { badge, formatPrice, h, heading, replace } from '../dom.js';
import { showMoreButton } from '../pager.js';

const PAGE_SIZE = 50;

export async function listingsView({ outlet }) {
  const first = await api.tickets({ mine: true, limit: PAGE_SIZE });
  const rows = h('ul', { class: 'rows', dataset: { testid: 'listing-list' } }, first.tickets.map(listingRow));
  const problem = h('div');
  const more = showMoreButton(problem, (tickets) => rows.append(...tickets.map(listingRow)));
  more.setNext(first.next);
  replace(outlet,
    h('div', { class: 'page-head' }, heading('My listings'), h('a', { href: '/tickets/new', class: 'button button--primary' }, 'Sell a ticket')),
    first.tickets.length ? rows : h('p', { class: 'empty' }, 'You have not listed any tickets yet.'),
    problem,
    h('div', { class: 'more' }, more.button));
}

function listingStatus(ticket) {
  if (ticket.sold) return ['sold', 'Sold'];
  return ticket.orderId ? ['reserved', 'Reserved'] : ['available', 'Available'];
}

function listingRow(ticket) {
  const [kind, label] = listingStatus(ticket);
  const path = `/tickets/${encodeURIComponent(ticket.id)}`;
  return h('li', { class: 'row', dataset: { ticketId: ticket.id, status: kind } },
    h('div', { class: 'row__main' },
      h('a', { href: path, class: 'row__title' }, ticket.title),
      h('span', { class: 'row__meta' }, formatPrice(ticket.price))),
    badge(kind, label),
    kind === 'available'
      ? h('a', { href: `${path}/edit`, class: 'button button--small', 'aria-label': `Edit ${ticket.title}` }, 'Edit')
      : h('span', { class: 'row__note' }, kind === 'sold' ? 'Cannot be edited' : 'Cannot be edited while reserved'));
}

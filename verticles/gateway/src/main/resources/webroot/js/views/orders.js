// My orders, newest first: each with its ticket and status. An open order links to its payment
// page and says until when it can be paid.
import { api } from '../api.js';
import { badge, formatDateTime, formatPrice, h, heading, replace } from '../dom.js';

const STATUS = {
  created: ['pending', 'Awaiting payment'],
  'awaiting:payment': ['pending', 'Awaiting payment'],
  cancelled: ['reserved', 'Cancelled'],
  complete: ['available', 'Complete'],
};

export async function ordersView({ outlet }) {
  const orders = await api.orders();
  replace(outlet,
    h('div', { class: 'page-head' }, heading('My orders')),
    orders.length
      ? h('ul', { class: 'rows', dataset: { testid: 'order-list' } }, orders.map(orderRow))
      : h('p', { class: 'empty' }, 'You have no orders yet. ', h('a', { href: '/' }, 'Find a ticket'), '.'));
}

function orderRow(order) {
  const [kind, label] = STATUS[order.status] ?? ['pending', order.status];
  const open = order.status === 'created' || order.status === 'awaiting:payment';
  return h('li', { class: 'row', dataset: { orderId: order.id, status: order.status } },
    h('div', { class: 'row__main' },
      h('a', { href: `/orders/${encodeURIComponent(order.id)}`, class: 'row__title' }, order.ticket.title),
      h('span', { class: 'row__meta' }, formatPrice(order.ticket.price),
        open ? ` · pay by ${formatDateTime(order.expiresAt)}` : null)),
    badge(kind, label));
}

// The landing page's list of ticket cards, and how live changes move it (see TicketBoard).
import { badge, formatPrice, h, replace } from '../dom.js';
import { VersionBook } from '../live.js';

/**
 * The cards on screen and the rules for live changes: a change applies only if its version is
 * newer than the one shown; a ticket that gets an order is marked reserved (it stays in place, so
 * nobody loses their spot in the list), one released becomes available again, and a new or
 * released ticket we do not show yet appears at the top if it matches the filters.
 */
export class TicketBoard {
  #cards = new Map();
  #versions = new VersionBook();
  #pending = [];
  #applying = false;

  constructor(list, empty, filters, announcer) {
    this.list = list;
    this.empty = empty;
    this.filters = filters;
    this.announcer = announcer;
  }

  reset(tickets) {
    this.#cards.clear();
    replace(this.list);
    this.list.hidden = false;
    this.append(tickets);
  }

  append(tickets) {
    for (const ticket of tickets) {
      // A page fetched just before a live change may be older than what we already know.
      if (this.#cards.has(ticket.id) || this.#versions.isStale(ticket)) continue;
      this.#versions.accept(ticket);
      const card = ticketCard(ticket);
      this.#cards.set(ticket.id, card);
      this.list.append(card);
    }
    this.#updateEmpty();
  }

  startApplying() {
    this.#applying = true;
    this.#pending.splice(0).forEach((ticket) => this.change(ticket));
  }

  change(ticket) {
    if (!this.#applying) {
      this.#pending.push(ticket);
      return;
    }
    if (!this.#versions.accept(ticket)) return; // a repeat or an older change
    const available = isAvailable(ticket);
    const card = this.#cards.get(ticket.id);
    if (card && !this.#matches(ticket)) {
      card.remove(); // edited so it no longer fits the search
      this.#cards.delete(ticket.id);
    } else if (card) {
      const wasAvailable = card.dataset.state === 'available';
      fillCard(card, ticket);
      if (wasAvailable !== available) this.#announce(`${ticket.title} ${available ? 'is available again' : 'was just reserved'}.`);
    } else if (available && this.#matches(ticket)) {
      const fresh = ticketCard(ticket);
      fresh.classList.add('ticket-card--fresh');
      this.#cards.set(ticket.id, fresh);
      this.list.prepend(fresh);
      this.#announce(`${ticket.title} is now for sale.`);
    }
    this.#updateEmpty();
  }

  #matches(ticket) {
    const { q, minPrice, maxPrice } = this.filters;
    // The server's search is a case-insensitive "title contains"; mirror it.
    if (q && !ticket.title.toLowerCase().includes(q.toLowerCase())) return false;
    if (minPrice !== '' && ticket.price < Number(minPrice)) return false;
    if (maxPrice !== '' && ticket.price > Number(maxPrice)) return false;
    return true;
  }

  #updateEmpty() {
    this.empty.hidden = this.#cards.size > 0 || this.list.hidden;
  }

  #announce(text) {
    this.announcer.textContent = text;
  }
}

function isAvailable(ticket) {
  return ticket.orderId == null && !ticket.sold;
}

function ticketCard(ticket) {
  return fillCard(h('li', { class: 'ticket-card', dataset: { ticketId: ticket.id } }), ticket);
}

function fillCard(card, ticket) {
  const available = isAvailable(ticket);
  const state = available ? 'available' : ticket.sold ? 'sold' : 'reserved';
  card.dataset.state = state;
  card.classList.toggle('ticket-card--reserved', !available);
  return replace(card,
    h('a', { href: `/tickets/${encodeURIComponent(ticket.id)}`, class: 'ticket-card__title' }, ticket.title),
    h('p', { class: 'ticket-card__price' }, formatPrice(ticket.price)),
    badge(state, { available: 'Available', reserved: 'Reserved', sold: 'Sold' }[state]));
}

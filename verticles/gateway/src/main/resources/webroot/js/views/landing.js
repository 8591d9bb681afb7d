// The landing page: tickets for sale, newest first, with a title search, a price range and
// "Show more" pages (the API's Link: rel="next"). The filters live in the URL (/?q=jazz&maxPrice=50)
// so Back, reload and shared links keep them. Live changes (SSE) update the list in place.
import { api } from '../api.js';
import { h, heading, notice, replace } from '../dom.js';
import { clearErrors, field, formAlert, showErrors, values } from '../forms.js';
import { onTicketChange } from '../live.js';
import { showMoreButton } from '../pager.js';
import { navigate } from '../router.js';
import { TicketBoard } from './ticket-board.js';

const PAGE_SIZE = 20;
const PRICE = /^\d{1,7}(\.\d{1,2})?$/;

export async function landingView({ outlet, query, signal }) {
  const filters = {
    q: query.get('q') ?? '',
    minPrice: query.get('minPrice') ?? '',
    maxPrice: query.get('maxPrice') ?? '',
  };
  const searchForm = filterForm(filters);
  const list = h('ul', { class: 'ticket-grid', dataset: { testid: 'ticket-list' } });
  const empty = h('p', { class: 'empty', hidden: true },
    isFiltered(filters) ? 'No tickets match your search.' : 'No tickets for sale right now. ',
    isFiltered(filters) ? null : h('a', { href: '/tickets/new' }, 'Sell one'));
  // Announces live changes to screen readers without making the whole list a live region.
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const problem = h('div');
  const board = new TicketBoard(list, empty, filters, announcer);
  const more = showMoreButton(problem, (tickets) => board.append(tickets));

  replace(outlet,
    h('div', { class: 'page-head' }, heading(isFiltered(filters) ? 'Search results' : 'Tickets for sale')),
    searchForm, problem, announcer, list, empty, h('div', { class: 'more' }, more.button));

  const loadFirstPage = async () => {
    try {
      const page = await api.tickets({ ...filters, limit: PAGE_SIZE });
      board.reset(page.tickets);
      more.setNext(page.next);
      replace(problem);
    } catch (error) {
      if (error.status === 400) showErrors(searchForm, error); // a bad filter value, named by field
      else replace(problem, notice('error', error.message));
      list.hidden = true;
    }
  };

  // Listen before loading, and hold changes until the list is there: nothing falls in between.
  onTicketChange((ticket) => board.change(ticket), signal, loadFirstPage);
  await loadFirstPage();
  board.startApplying();
}

function isFiltered(filters) {
  return Boolean(filters.q || filters.minPrice || filters.maxPrice);
}

function filterForm(filters) {
  const form = h('form', { class: 'filters', role: 'search', novalidate: true },
    field({ label: 'Search by title', name: 'q', type: 'search', value: filters.q, maxlength: 200 }),
    field({ label: 'Min price', name: 'minPrice', inputmode: 'decimal', value: filters.minPrice, autocomplete: 'off' }),
    field({ label: 'Max price', name: 'maxPrice', inputmode: 'decimal', value: filters.maxPrice, autocomplete: 'off' }),
    h('div', { class: 'filters__actions' },
      h('button', { type: 'submit', class: 'button button--primary' }, 'Search'),
      isFiltered(filters) ? h('a', { href: '/', class: 'button button--quiet' }, 'Clear') : null),
    formAlert());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const entered = values(form);
    // The API names no field for a malformed bound ("Invalid parameter minPrice"): check here to say which.
    const badBounds = ['minPrice', 'maxPrice'].filter((name) => entered[name].trim() && !PRICE.test(entered[name].trim()));
    if (badBounds.length) {
      showErrors(form, { errors: badBounds.map((name) => ({ field: name, message: 'Enter an amount such as 20 or 20.50.' })) });
      return;
    }
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(entered)) {
      if (value.trim()) search.set(name, value.trim());
    }
    const text = search.toString();
    navigate(text ? `/?${text}` : '/');
  });
  return form;
}

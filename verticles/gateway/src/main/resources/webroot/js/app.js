// Entry point: learn who is signed in, draw the header, then let the router show the page.
import { api } from './api.js';
import { useCurrency } from './dom.js';
import { mountHeader } from './header.js';
import { route, start } from './router.js';
import { session } from './session.js';
import { signInView, signUpView } from './views/auth.js';
import { landingView } from './views/landing.js';
import { listingsView } from './views/listings.js';
import { orderView } from './views/order.js';
import { ordersView } from './views/orders.js';
import { editTicketView, sellTicketView } from './views/sell.js';
import { ticketView } from './views/ticket.js';

route('/', landingView);
route('/signup', signUpView);
route('/signin', signInView);
route('/tickets/new', sellTicketView, { signedIn: true });
route('/tickets/:id/edit', editTicketView, { signedIn: true });
route('/tickets/:id', ticketView);
route('/orders', ordersView, { signedIn: true });
route('/orders/:id', orderView, { signedIn: true });
route('/listings', listingsView, { signedIn: true });

// The session is known before the first page renders, so protected pages do not flash a sign-in redirect.
// The currency is known too, so prices are drawn once, with their symbol.
await Promise.all([session.load(), api.config().then((config) => useCurrency(config.currency)).catch(() => {})]);
mountHeader(document.getElementById('site-nav'));
start(document.getElementById('main'));

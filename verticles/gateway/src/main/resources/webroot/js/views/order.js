// One order: a live countdown to expiresAt, the payment form, the outcome of a payment, and what
// happens when time runs out. Completion after a payment and cancellation at expiry are eventual
// (they travel through events), so the page polls briefly after either.
import { api, ApiError, pollUntil, serverNow, whileUnknown } from '../api.js';
import { Countdown } from '../countdown.js';
import { badge, formatPrice, h, heading, notice, replace } from '../dom.js';
import { whileSubmitting } from '../forms.js';
import { onTicketChange } from '../live.js';
import { paymentMethodPicker } from '../payment.js';
import { signInFirst } from '../router.js';
import { session } from '../session.js';

const STATUS = {
  created: ['pending', 'Awaiting payment'],
  'awaiting:payment': ['pending', 'Awaiting payment'],
  cancelled: ['reserved', 'Cancelled'],
  complete: ['available', 'Complete'],
};

export async function orderView({ outlet, params, signal }) {
  let order;
  try {
    order = await api.order(params.id);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
      replace(outlet, heading('Order not found'),
        h('p', {}, 'There is no order of yours at this address. ', h('a', { href: '/orders' }, 'See your orders'), '.'));
      return;
    }
    throw error;
  }
  await new OrderPage(outlet, order, signal).mount();
}

const isOpen = (order) => order.status === 'created' || order.status === 'awaiting:payment';

class OrderPage {
  constructor(outlet, order, signal) {
    this.outlet = outlet;
    this.order = order;
    this.signal = signal;
    this.status = h('p', { class: 'order-status', dataset: { testid: 'order-status' } });
    this.outcome = h('div', { class: 'outcome', dataset: { testid: 'payment-outcome' } });
    this.release = h('div', { dataset: { testid: 'ticket-release' } });
    this.payment = h('section', { class: 'payment', 'aria-labelledby': 'pay-heading' });
    this.cancelButton = h('button', { type: 'button', class: 'button button--quiet' }, 'Cancel order');
    this.countdown = new Countdown(h('p', { class: 'countdown', role: 'timer', dataset: { testid: 'countdown' } }), {
      timeLeft: () => this.timeLeft(),
      deadline: order.expiresAt,
      onZero: () => this.timeUp(),
    });
    this.settling = false; // a poll for an eventual change is running
    this.releaseWatched = false;
    this.cancelledHere = false; // the buyer pressed Cancel on this page (rather than time running out)
  }

  async mount() {
    const ticketPath = `/tickets/${encodeURIComponent(this.order.ticket.id)}`;
    replace(this.outlet,
      h('div', { class: 'page-head' }, heading('Your order')),
      h('div', { class: 'card order-summary' },
        h('p', { class: 'order-summary__title' }, h('a', { href: ticketPath }, this.order.ticket.title)),
        h('p', { class: 'price-large' }, formatPrice(this.order.ticket.price)),
        this.status,
        this.countdown.element),
      this.outcome,
      this.release,
      this.payment,
      h('div', { class: 'actions' }, this.cancelButton));

    this.cancelButton.addEventListener('click', () => this.cancel());
    this.signal.addEventListener('abort', () => this.countdown.stop(), { once: true });
    if (isOpen(this.order)) {
      // Someone (another tab, the expiry) released our ticket: the order changed, look again.
      onTicketChange((ticket) => {
        if (ticket.id === this.order.ticket.id && ticket.orderId !== this.order.id && isOpen(this.order)) this.settle();
      }, this.signal);
      await this.buildPaymentForm(); // only while it can be paid: Stripe.js is loaded on demand
    }
    this.render();
  }

  timeLeft() {
    return Date.parse(this.order.expiresAt) - serverNow();
  }

  render() {
    const { status } = this.order;
    const [kind, label] = STATUS[status] ?? ['pending', status];
    replace(this.status, 'Status: ', badge(kind, label));
    this.status.dataset.status = status;
    const open = isOpen(this.order);
    this.payment.hidden = !open;
    this.cancelButton.hidden = !open;
    if (open) {
      this.countdown.start();
      return;
    }
    this.countdown.stop();
    this.countdown.element.hidden = true;
    if (status === 'complete') {
      replace(this.outcome, notice('success', h('strong', {}, 'Paid. '), 'Your order is complete and the ticket is yours.'));
    } else if (status === 'cancelled') {
      const expired = !this.cancelledHere && this.timeLeft() <= 0;
      replace(this.outcome, notice('warning', h('strong', {}, expired ? 'This order expired. ' : 'This order was cancelled. '),
        expired ? 'Time ran out before it was paid, so it was cancelled.' : 'It can no longer be paid.'));
      this.watchRelease();
    }
  }

  /** The hold ran out: paying is over; the expiration service cancels the order (eventually). */
  timeUp() {
    if (!isOpen(this.order)) return;
    this.setPaymentEnabled(false);
    replace(this.outcome, notice('warning', h('strong', {}, 'Time is up. '),
      'This order can no longer be paid; it is being cancelled and the ticket released.'));
    this.settle();
  }

  /** Polls the order until it is no longer open (cancelled, or completed by a payment in flight). */
  async settle(isSettled = (order) => !isOpen(order)) {
    if (this.settling) return;
    this.settling = true;
    try {
      const order = await pollUntil(() => api.order(this.order.id), isSettled, { signal: this.signal });
      if (!order) {
        replace(this.outcome, notice('warning', 'This is taking longer than usual. Reload the page in a moment to see the result.'));
        return;
      }
      this.order = order;
      this.render();
    } catch (error) {
      if (!this.signal.aborted) replace(this.outcome, notice('error', error.message));
    } finally {
      this.settling = false;
    }
  }

  /** After a cancellation the ticket is released (eventually): say when it can be ordered again. */
  async watchRelease() {
    if (this.releaseWatched) return; // render() may run twice (a live event and our own reload)
    this.releaseWatched = true;
    replace(this.release, notice('info', 'Releasing the ticket…'));
    const ticketLink = () => h('a', { href: `/tickets/${encodeURIComponent(this.order.ticket.id)}` }, 'See the ticket');
    try {
      const ticket = await pollUntil(() => api.ticket(this.order.ticket.id), (shown) => shown.orderId !== this.order.id,
        { signal: this.signal });
      if (!ticket) {
        replace(this.release, notice('info', 'The ticket will be released shortly. ', ticketLink(), '.'));
      } else if (ticket.orderId == null && !ticket.sold) {
        replace(this.release, notice('success', 'The ticket was released and is available again. ', ticketLink(), '.'));
      } else {
        replace(this.release, notice('info', 'The ticket was released; someone else holds it now. ', ticketLink(), '.'));
      }
    } catch {
      if (!this.signal.aborted) replace(this.release);
    }
  }

  async buildPaymentForm() {
    const picker = await paymentMethodPicker(this.signal);
    this.form = h('form', { class: 'form', novalidate: true },
      h('h2', { id: 'pay-heading' }, 'Pay'),
      picker.element,
      h('button', { type: 'submit', class: 'button button--primary' }, `Pay ${formatPrice(this.order.ticket.price)}`));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (isOpen(this.order) && this.timeLeft() > 0) whileSubmitting(this.form, 'Paying…', () => this.pay(picker));
    });
    replace(this.payment, this.form);
    picker.ready.catch((error) => replace(this.outcome, notice('error', error.message)));
  }

  setPaymentEnabled(enabled) {
    for (const control of this.form?.elements ?? []) control.disabled = !enabled;
    this.cancelButton.disabled = !enabled;
  }

  async pay(picker) {
    replace(this.outcome);
    let token;
    try {
      token = await picker.token();
      // Payments learns of a new order through an event: it may answer 404 for a moment.
      await whileUnknown(() => api.pay(this.order.id, token), { signal: this.signal });
    } catch (error) {
      if (!this.signal.aborted) this.paymentFailed(error);
      return;
    }
    this.setPaymentEnabled(false);
    replace(this.outcome, notice('info', 'Payment accepted. Confirming your order…'));
    await this.settle((order) => order.status === 'complete' || order.status === 'cancelled');
  }

  paymentFailed(error) {
    if (error.status === 401) {
      session.set(null);
      signInFirst();
      return;
    }
    if (error.status === 402) {
      // A declined card leaves the order payable: say so, and leave the form ready for another card.
      replace(this.outcome, notice('error', h('strong', {}, 'Payment failed. '), error.message,
        ' Your order is still reserved: try another card before the time runs out.'));
      return;
    }
    replace(this.outcome, notice('error', error.message));
    if (error.status === 400) this.settle(); // cancelled or already paid meanwhile: show what it is now
  }

  async cancel() {
    this.setPaymentEnabled(false);
    try {
      await api.cancelOrder(this.order.id);
      this.cancelledHere = true;
      this.order = await api.order(this.order.id);
      this.render();
    } catch (error) {
      replace(this.outcome, notice('error', error.message));
      this.setPaymentEnabled(true);
    }
  }
}

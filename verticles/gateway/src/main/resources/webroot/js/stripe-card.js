// Real Stripe: a Card Element (card number, expiry and CVC live in Stripe's iframe and never touch
// our page or servers) and a PaymentMethod id for the payments service. Used only when the gateway
// publishes a key; the CSP already allows js.stripe.com scripts and frames and api.stripe.com.
import { h } from './dom.js';

const STRIPE_JS = 'https://js.stripe.com/v3/';
let stripeLoading = null;

/** Adds Stripe.js once per page (Stripe asks that it be loaded from js.stripe.com, never bundled). */
function loadStripeJs() {
  if (window.Stripe) return Promise.resolve(window.Stripe);
  stripeLoading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = STRIPE_JS;
    script.addEventListener('load', () => (window.Stripe ? resolve(window.Stripe) : reject(new Error('Stripe did not start.'))));
    script.addEventListener('error', () => {
      stripeLoading = null; // allow a retry on the next visit
      script.remove();
      reject(new Error('The card form could not be loaded. Check your connection and reload the page.'));
    });
    document.head.append(script);
  });
  return stripeLoading;
}

const clients = new Map(); // publishable key -> Stripe instance: Stripe wants one per page

/**
 * A card form that yields a PaymentMethod id. Returns `{ element, token, ready }`: `element` goes into
 * the page at once, `ready` settles when the Card Element is mounted, `token()` creates the PaymentMethod.
 */
export function stripeCardPicker(publishableKey, signal) {
  const labelId = `card-label-${Date.now()}`;
  // A <label for> cannot point at Stripe's iframe container, so the container is a labelled group.
  const label = h('span', { class: 'field__label', id: labelId }, 'Card');
  const mountPoint = h('div', { class: 'stripe-card', role: 'group', 'aria-labelledby': labelId });
  const cardError = h('p', { class: 'field__error', role: 'alert', hidden: true });
  const element = h('div', { class: 'field' }, label, mountPoint, cardError);
  let stripe = null;
  let card = null;

  const ready = loadStripeJs().then((Stripe) => {
    if (signal.aborted) return;
    stripe = clients.get(publishableKey) ?? Stripe(publishableKey);
    clients.set(publishableKey, stripe);
    card = stripe.elements().create('card', { hidePostalCode: true });
    card.mount(mountPoint);
    card.on('change', (event) => {
      cardError.textContent = event.error?.message ?? '';
      cardError.hidden = !event.error;
    });
    label.addEventListener('click', () => card.focus());
    signal.addEventListener('abort', () => card.destroy(), { once: true });
  });

  async function token() {
    await ready;
    if (!card) throw new Error('The card form is not ready yet.');
    const { paymentMethod, error } = await stripe.createPaymentMethod({ type: 'card', card });
    if (error) throw new Error(error.message);
    return paymentMethod.id;
  }

  return { element, token, ready };
}

// How the buyer chooses what to pay with. With a Stripe publishable key from /api/config: Stripe's
// Card Element. Without one (null) the payments service talks to the local Stripe sandbox, which
// knows only Stripe's test cards, so we offer those by name instead of a card number field.
import { api } from './api.js';
import { h } from './dom.js';
import { stripeCardPicker } from './stripe-card.js';

const TEST_CARDS = [
  { token: 'pm_card_visa', label: 'Visa (succeeds)' },
  { token: 'tok_visa', label: 'Visa via token (succeeds)' },
  { token: 'pm_card_chargeDeclined', label: 'Declined card' },
  { token: 'pm_card_chargeDeclinedInsufficientFunds', label: 'Insufficient funds' },
];

/** `{ element, token(), ready }` for the page's configuration. */
export async function paymentMethodPicker(signal) {
  const { stripePublishableKey } = await api.config();
  return stripePublishableKey ? stripeCardPicker(stripePublishableKey, signal) : testCardPicker();
}

function testCardPicker() {
  const element = h('fieldset', { class: 'test-cards' },
    h('legend', {}, 'Test card'),
    h('p', { class: 'field__hint' }, 'Payments run against a Stripe test sandbox: choose one of Stripe\u2019s test cards.'),
    TEST_CARDS.map(({ token, label }, index) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name: 'token', value: token, checked: index === 0 }),
      h('span', {}, label, ' ', h('code', {}, token)))));
  return {
    element,
    ready: Promise.resolve(),
    token: async () => element.querySelector('input[name=token]:checked')?.value ?? TEST_CARDS[0].token,
  };
}

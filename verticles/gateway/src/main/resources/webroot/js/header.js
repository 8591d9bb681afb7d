// The site navigation: what a signed-in user can do, or the way to sign up / sign in. It follows
// the session (re-rendered on sign-in/out) and marks the current page for assistive technology.
import { api } from './api.js';
import { h, replace } from './dom.js';
import { navigate, onNavigation } from './router.js';
import { session } from './session.js';

export function mountHeader(nav) {
  const render = () => {
    replace(nav, session.user ? signedIn(session.user) : signedOut());
    markCurrent(nav, location.pathname);
  };
  session.onChange(render);
  onNavigation((pathname) => markCurrent(nav, pathname));
  render();
}

function link(href, text) {
  return h('a', { href, class: 'site-nav__link' }, text);
}

function signedOut() {
  return h('ul', { class: 'site-nav__list' },
    h('li', {}, link('/signup', 'Sign up')),
    h('li', {}, link('/signin', 'Sign in')));
}

function signedIn(user) {
  return h('ul', { class: 'site-nav__list' },
    h('li', {}, link('/tickets/new', 'Sell a ticket')),
    h('li', {}, link('/orders', 'My orders')),
    h('li', {}, link('/listings', 'My listings')),
    h('li', { class: 'site-nav__user' },
      h('span', { class: 'site-nav__email', title: `Signed in as ${user.email}`, dataset: { testid: 'current-user' } }, user.email),
      h('button', { type: 'button', class: 'button button--quiet', on: { click: signOut } }, 'Sign out')));
}

async function signOut(event) {
  event.currentTarget.disabled = true;
  try {
    await api.signOut();
  } catch {
    // Signing out only clears our cookie; if the server could not be reached we still forget the user here.
  }
  session.set(null);
  navigate('/');
}

function markCurrent(nav, pathname) {
  for (const anchor of nav.querySelectorAll('a')) {
    if (new URL(anchor.href).pathname === pathname) anchor.setAttribute('aria-current', 'page');
    else anchor.removeAttribute('aria-current');
  }
}

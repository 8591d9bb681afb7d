// History-API routing: the gateway answers index.html for every non-/api path, so /tickets/42
// survives a reload. Each navigation gets a fresh <section> and an AbortSignal; leaving the page
// aborts the signal, which is how views stop their timers, polls and live subscriptions.
import { ApiError } from './api.js';
import { h, notice, replace } from './dom.js';
import { session } from './session.js';

const routes = [];
const navigationListeners = new Set();
let outlet = null;
let current = null; // { controller }

/**
 * Registers a view for a path pattern such as '/tickets/:id'. A view is
 * `async ({ outlet, params, query, signal }) => void` and renders into `outlet`.
 * With `signedIn`, a signed-out visitor is sent to the sign-in page and brought back afterwards.
 */
export function route(pattern, view, { signedIn = false } = {}) {
  const names = [];
  const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, name) => {
    names.push(name);
    return '([^/]+)';
  })}/?$`);
  routes.push({ regex, names, view, signedIn });
}

export function navigate(path, { replace: replaceEntry = false } = {}) {
  if (replaceEntry) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  render();
}

/** Sends a signed-out visitor to sign in, then back to `path`. */
export function signInFirst(path = location.pathname + location.search) {
  navigate(`/signin?next=${encodeURIComponent(path)}`, { replace: true });
}

export function onNavigation(listener) {
  navigationListeners.add(listener);
}

export function start(mainElement) {
  outlet = mainElement;
  window.addEventListener('popstate', render);
  document.addEventListener('click', followLink);
  render();
}

/** Same-origin links change the view without a page load; new-tab clicks and /api links behave as usual. */
function followLink(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest('a[href]');
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  if (url.hash && url.pathname === location.pathname && url.search === location.search) return; // in-page anchor
  event.preventDefault();
  navigate(url.pathname + url.search);
}

async function render() {
  current?.controller.abort(new DOMException('Left the page', 'AbortError'));
  const controller = new AbortController();
  current = { controller };
  const { pathname, search } = location;
  const match = matchRoute(pathname);
  navigationListeners.forEach((listener) => listener(pathname));

  if (match?.signedIn && !session.user) {
    signInFirst(pathname + search);
    return;
  }
  const section = h('section', { class: 'view' });
  replace(outlet, section);
  window.scrollTo(0, 0);
  const view = match?.view ?? notFound;
  try {
    await view({ outlet: section, params: match?.params ?? {}, query: new URLSearchParams(search), signal: controller.signal });
    if (!controller.signal.aborted) {
      document.title = `${section.querySelector('h1')?.textContent ?? 'Ticketing'} · Ticketing`;
      section.querySelector('h1')?.focus({ preventScroll: true });
    }
  } catch (error) {
    if (controller.signal.aborted) return; // the visitor moved on; nothing to show
    if (error instanceof ApiError && error.status === 401) {
      session.set(null);
      signInFirst(pathname + search);
      return;
    }
    console.warn('view failed', error);
    replace(section, h('h1', { tabindex: '-1' }, 'Something went wrong'), notice('error', error.message || 'Please reload the page.'));
  }
}

function matchRoute(pathname) {
  for (const { regex, names, view, signedIn } of routes) {
    const found = regex.exec(pathname);
    if (found) {
      try {
        const params = Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(found[index + 1])]));
        return { view, params, signedIn };
      } catch {
        return null; // a malformed %-escape: no such page
      }
    }
  }
  return null;
}

async function notFound({ outlet: section }) {
  replace(section,
    h('h1', { tabindex: '-1' }, 'Page not found'),
    h('p', {}, 'There is nothing at this address. ', h('a', { href: '/' }, 'See the tickets for sale'), '.'));
}

// Small DOM helpers. Every piece of text reaches the page as a text node (never innerHTML), so a
// ticket titled "<img onerror=...>" is shown, not run; the page's CSP forbids inline code anyway.

/**
 * Creates an element: h('a', {href: '/', class: 'brand'}, 'Home').
 * Props: `class`, `dataset` (object), `on` ({event: handler}), boolean attributes as true/false,
 * everything else as an attribute. Children: nodes, strings, numbers; null/false are skipped.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name === 'on') for (const [event, handler] of Object.entries(value)) element.addEventListener(event, handler);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces an element's content. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

let currency = null;

/** The ISO code prices are in (from /api/config); until it is known, prices show without a symbol. */
export function useCurrency(code) {
  currency = typeof code === 'string' && /^[a-z]{3}$/i.test(code) ? code.toUpperCase() : null;
}

/** Prices arrive in major units (20.5 means 20.50); always show two decimals. */
export function formatPrice(price) {
  const options = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  if (currency) Object.assign(options, { style: 'currency', currency });
  return Number(price).toLocaleString('en-US', options);
}

export function formatDateTime(iso) {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "4:07" or "1:02:07": what is left of a countdown. */
export function formatRemaining(milliseconds) {
  const total = Math.max(0, Math.ceil(milliseconds / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** A status message box; `role=alert` for problems so screen readers announce them at once. */
export function notice(kind, ...children) {
  return h('div', { class: `notice notice--${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...children);
}

export function badge(kind, text) {
  return h('span', { class: `badge badge--${kind}` }, text);
}

/** A page heading that receives focus after navigation, so keyboard and screen-reader users start there. */
export function heading(text) {
  return h('h1', { tabindex: '-1' }, text);
}

/** Waits, unless the view was left meanwhile (then rejects with the abort reason). */
export function pause(milliseconds, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, milliseconds);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

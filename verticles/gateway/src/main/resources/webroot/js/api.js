// The HTTP API, as the client uses it. Every call is same-origin with the HttpOnly session
// cookie (the client never sees the token). Failures become ApiError with the server's
// `{"errors":[{message, field?}]}` list, so views can place each message where it belongs.
import { pause } from './dom.js';

export class ApiError extends Error {
  constructor(status, errors) {
    super(errors.map((error) => error.message).join(' '));
    this.name = 'ApiError';
    this.status = status;
    this.errors = errors;
  }
}

async function request(method, path, body) {
  const headers = { Accept: 'application/json' };
  const options = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, options);
  } catch {
    throw new ApiError(0, [{ message: 'Cannot reach the server. Check your connection and try again.' }]);
  }
  noteServerClock(response);
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page, say: the status below still tells what happened.
  }
  if (!response.ok) {
    const errors = Array.isArray(data?.errors) && data.errors.length
      ? data.errors
      : [{ message: response.status >= 500 ? 'Something went wrong on our side. Please try again.' : `Request failed (${response.status}).` }];
    throw new ApiError(response.status, errors);
  }
  return { data, response };
}

const get = (path) => request('GET', path).then(({ data }) => data);
const send = (method, path, body) => request(method, path, body).then(({ data }) => data);

/** The URL of the next page from `Link: <...>; rel="next"`, or null on the last page. */
function nextLink(response) {
  const header = response.headers.get('Link') ?? '';
  const match = header.match(/<([^>]+)>\s*;\s*rel="?next"?/);
  return match ? match[1] : null;
}

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Retries a call while it answers 404: a brand-new ticket or order reaches the other services
 * through events, normally within milliseconds, and until then they do not know it.
 */
export async function whileUnknown(call, { timeoutMs = 8000, signal } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 50; ; delay = Math.min(delay * 2, 800)) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404 || Date.now() + delay > deadline) throw error;
    }
    await pause(delay, signal);
  }
}

// The order countdown runs against expiresAt, which the server set by its clock. A phone whose clock
// is off by minutes would show the wrong time left, so we follow the server's Date header when the
// two differ by more than the header's one-second resolution can explain.
const SKEW_WORTH_CORRECTING_MS = 5000;
let serverOffsetMs = 0;

function noteServerClock(response) {
  const serverTime = Date.parse(response.headers.get('Date') ?? '');
  if (Number.isNaN(serverTime)) return;
  const offset = serverTime - Date.now();
  serverOffsetMs = Math.abs(offset) > SKEW_WORTH_CORRECTING_MS ? offset : 0;
}

/** Now, by the server's clock (as far as we can tell). */
export function serverNow() {
  return Date.now() + serverOffsetMs;
}

/**
 * Reads again, with growing pauses, until `isDone(value)`: for changes that travel by event
 * (an order completing after a payment, or cancelled at expiry). The value, or null on timeout.
 */
export async function pollUntil(read, isDone, { timeoutMs = 60_000, signal } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 200; ; delay = Math.min(delay * 1.5, 2000)) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() + delay > deadline) return null;
    await pause(delay, signal);
  }
}

let clientConfig = null;

export const api = {
  currentUser: () => get('/api/users/currentuser').then((data) => data.currentUser),
  signUp: (email, password) => send('POST', '/api/users/signup', { email, password }),
  signIn: (email, password) => send('POST', '/api/users/signin', { email, password }),
  signOut: () => send('POST', '/api/users/signout'),

  /** One page of tickets: pass filters ({q, minPrice, maxPrice, mine, limit}) or the `next` URL of the previous page. */
  async tickets(filtersOrNextUrl) {
    const url = typeof filtersOrNextUrl === 'string' ? filtersOrNextUrl : `/api/tickets${query(filtersOrNextUrl)}`;
    const { data, response } = await request('GET', url);
    return { tickets: data, next: nextLink(response) };
  },
  ticket: (id) => get(`/api/tickets/${encodeURIComponent(id)}`),
  createTicket: (title, price) => send('POST', '/api/tickets', { title, price }),
  updateTicket: (id, title, price) => send('PUT', `/api/tickets/${encodeURIComponent(id)}`, { title, price }),

  createOrder: (ticketId) => send('POST', '/api/orders', { ticketId }),
  orders: () => get('/api/orders'),
  order: (id) => get(`/api/orders/${encodeURIComponent(id)}`),
  cancelOrder: (id) => send('DELETE', `/api/orders/${encodeURIComponent(id)}`),

  pay: (orderId, token) => send('POST', '/api/payments', { orderId, token }),

  /** Whether payments use real Stripe (a publishable key) or the local sandbox (null); asked once. */
  config() {
    clientConfig ??= get('/api/config').catch((error) => {
      clientConfig = null;
      throw error;
    });
    return clientConfig;
  },
};

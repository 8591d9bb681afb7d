// Who is signed in, as far as the page knows. The session itself is an HttpOnly cookie the page
// cannot read; the server tells us the user (GET /api/users/currentuser) and we remember the
// answer until a sign-in, a sign-out or a 401 changes it.
import { api } from './api.js';

let currentUser = null;
const listeners = new Set();

export const session = {
  get user() {
    return currentUser;
  },

  async load() {
    try {
      set(await api.currentUser());
    } catch {
      set(null); // the page still works signed out; protected pages will ask to sign in
    }
    return currentUser;
  },

  set(user) {
    set(user);
  },

  /** Calls `listener(user)` after every change; returns a function that stops it. */
  onChange(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

function set(user) {
  const changed = (user?.id ?? null) !== (currentUser?.id ?? null);
  currentUser = user ? { id: user.id, email: user.email } : null;
  if (changed) listeners.forEach((listener) => listener(currentUser));
}

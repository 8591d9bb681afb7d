// Live ticket changes (GET /api/live/tickets, Server-Sent Events, `event: ticket`). One
// EventSource serves every view that listens; it is opened with the first listener and closed
// with the last, so pages that do not need it hold no connection. The stream is a display hint:
// events may repeat or arrive after a fresher page load, so listeners compare versions
// (see VersionBook) and a change only ever moves a ticket forward.

let source = null;
const listeners = new Set();
const reconnectListeners = new Set();

/**
 * Calls `listener(ticket)` for every ticket change until `signal` aborts. `onReconnect` runs when
 * the stream comes back after a drop, when changes may have been missed (views can reload then).
 */
export function onTicketChange(listener, signal, onReconnect) {
  listeners.add(listener);
  if (onReconnect) reconnectListeners.add(onReconnect);
  open();
  signal.addEventListener('abort', () => {
    listeners.delete(listener);
    reconnectListeners.delete(onReconnect);
    if (listeners.size === 0) close();
  }, { once: true });
}

function open() {
  if (source) return;
  source = new EventSource('/api/live/tickets');
  let dropped = false;
  source.addEventListener('ticket', (event) => {
    let ticket;
    try {
      ticket = JSON.parse(event.data);
    } catch {
      return; // not ours to fail on: skip a garbled frame
    }
    listeners.forEach((listener) => listener(ticket));
  });
  // EventSource reconnects by itself (the server asks for 3 s); remember that changes may be lost meanwhile.
  source.addEventListener('error', () => {
    dropped = true;
  });
  source.addEventListener('open', () => {
    if (dropped) reconnectListeners.forEach((listener) => listener());
    dropped = false;
  });
}

function close() {
  source?.close();
  source = null;
}

/** The newest version seen per ticket id: a change applies only if it is newer than what is shown. */
export class VersionBook {
  #versions = new Map();

  /** Records the ticket's version; true if it is newer than anything seen for that id. */
  accept(ticket) {
    const known = this.#versions.get(ticket.id);
    if (known !== undefined && ticket.version <= known) return false;
    this.#versions.set(ticket.id, ticket.version);
    return true;
  }

  /** True if a newer version of this ticket was seen already (a page fetched before a live change). */
  isStale(ticket) {
    const known = this.#versions.get(ticket.id);
    return known !== undefined && ticket.version < known;
  }
}

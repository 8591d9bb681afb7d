// A countdown to a deadline, shown as "Time left to pay: 4:07". It redraws four times a second so
// the display never skips a second when timers drift, and calls `onZero` once when time is up.
import { formatDateTime, formatRemaining, h, replace } from './dom.js';

export class Countdown {
  #timer = null;

  /** `timeLeft()` gives the milliseconds left (by the server's clock); `deadline` is for display. */
  constructor(element, { timeLeft, deadline, onZero }) {
    this.element = element;
    this.timeLeft = timeLeft;
    this.deadline = deadline;
    this.onZero = onZero;
  }

  start() {
    if (this.#timer) return;
    this.element.hidden = false;
    this.#timer = setInterval(() => this.#tick(), 250);
    this.#tick();
  }

  /** Stops for good: a countdown runs once, so start() after stop() does nothing. */
  stop() {
    clearInterval(this.#timer);
    this.#timer ??= -1;
  }

  #tick() {
    const left = Math.max(0, this.timeLeft());
    replace(this.element, 'Time left to pay: ', h('strong', {}, formatRemaining(left)),
      left > 0 ? h('span', { class: 'muted' }, ` (until ${formatDateTime(this.deadline)})`) : null);
    if (left === 0) {
      this.stop();
      this.onZero();
    }
  }
}

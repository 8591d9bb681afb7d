// "Show more": follows the API's next-page link (Link: rel="next") for any list of tickets.
import { api } from './api.js';
import { h, notice, replace } from './dom.js';

/**
 * A button that loads the next page and hands its tickets to `show`; a failure is shown in
 * `problem`. `setNext(url)` gives it the next page's URL (null hides it).
 */
export function showMoreButton(problem, show) {
  const button = h('button', { type: 'button', class: 'button', hidden: true }, 'Show more');
  let next = null;
  const setNext = (url) => {
    next = url;
    button.hidden = !url;
  };
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const page = await api.tickets(next);
      show(page.tickets);
      setNext(page.next);
    } catch (error) {
      replace(problem, notice('error', error.message));
    } finally {
      button.disabled = false;
    }
  });
  return { button, setNext };
}

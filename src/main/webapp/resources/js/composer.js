// The message box: Enter sends, the counter shows near the length limit, "typing" goes out now and then,
// and errors about sending show under it.

import { onSubmit, submitOnEnter } from 'parley/dom';

const TYPING_SEND_INTERVAL_MS = 2_000;

export class Composer {
  #ui;
  #maxLength;
  #counterFrom;
  #typingSent = new Map(); // room id -> when this tab last said "typing" there

  /**
   * @param send (body) -> sends it in the open room
   * @param openRoom () -> the open room's id, if any
   * @param typed (roomId) -> says the person is typing there (at most every 2 s per room)
   */
  constructor(ui, maxLength, { send, openRoom, typed }) {
    this.#ui = ui;
    this.#maxLength = maxLength;
    this.#counterFrom = Math.round(maxLength * 0.9); // the counter shows once 90 % of the limit is used
    onSubmit(ui.composer, () => {
      const body = ui.input.value.trim();
      if (!body || [...body].length > maxLength) return;
      ui.input.value = '';
      this.#updateCounter();
      this.showError('');
      send(body);
    });
    ui.input.addEventListener('keydown', submitOnEnter);
    ui.input.addEventListener('input', () => {
      const room = openRoom();
      if (room && Date.now() - (this.#typingSent.get(room) ?? 0) >= TYPING_SEND_INTERVAL_MS) {
        this.#typingSent.set(room, Date.now());
        typed(room);
      }
      this.#updateCounter();
    });
  }

  enable(enabled) {
    this.#ui.input.disabled = !enabled;
    this.#updateCounter();
    if (enabled) this.focus();
  }

  focus() {
    this.#ui.input.focus();
  }

  showError(text) {
    this.#ui.error.textContent = text;
  }

  // The server counts Unicode code points of the trimmed text, and so does the counter.
  #updateCounter() {
    const { input, counter, send } = this.#ui;
    const left = this.#maxLength - [...input.value.trim()].length;
    counter.hidden = this.#maxLength - left < this.#counterFrom;
    counter.textContent = left >= 0 ? `${characters(left)} left` : `${characters(-left)} too many`;
    counter.classList.toggle('over', left < 0);
    send.disabled = input.disabled || left < 0;
  }
}

function characters(count) {
  return count === 1 ? '1 character' : `${count} characters`;
}

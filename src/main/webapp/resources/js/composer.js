// The message box: Enter sends, the counter shows near the length limit, "typing" goes out now and then,
// @ offers the people of the room to mention (mention-suggestions.js), and errors about sending show under it.

import { onSubmit, submitOnEnter } from 'parley/dom';
import { MentionSuggestions } from 'parley/mention-suggestions';

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
   * @param mentionable () -> [{name, label}] whom the open room's messages can mention
   * @param uploads the files the next message takes (uploads.js)
   */
  constructor(ui, maxLength, { send, openRoom, typed, mentionable, uploads }) {
    this.#ui = ui;
    this.#maxLength = maxLength;
    this.#counterFrom = Math.round(maxLength * 0.9); // the counter shows once 90 % of the limit is used
    // A message of files alone needs no words; files still uploading are waited for.
    onSubmit(ui.composer, () => {
      const body = ui.input.value.trim();
      const files = uploads.ready();
      if ((!body && files.length === 0) || [...body].length > maxLength) return;
      if (uploads.isUploading()) {
        this.showError('Wait for the files to finish uploading, then send.');
        return;
      }
      ui.input.value = '';
      uploads.clear();
      this.#updateCounter();
      this.showError('');
      send(body, files);
    });
    // Pasting a picture or a file attaches it.
    ui.input.addEventListener('paste', event => {
      if (event.clipboardData?.files.length) {
        event.preventDefault();
        uploads.add(event.clipboardData.files);
      }
    });
    // Before Enter sends: while suggestions show, Enter and Tab choose one instead.
    new MentionSuggestions(ui.input, ui.suggestions, mentionable, () => this.#updateCounter());
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

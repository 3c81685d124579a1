// The message box: Enter sends, the counter shows near the length limit, "typing" goes out now and then,
// @ offers the people of the room to mention, and errors about sending show under it.

import { element, onSubmit, submitOnEnter } from 'parley/dom';

const TYPING_SEND_INTERVAL_MS = 2_000;
const MAX_SUGGESTIONS = 8;
// The "@name" being typed just before the caret, at the start of a word (as markdown.js finds mentions).
const TYPED_MENTION = /(?:^|[^\p{L}\p{N}_.@-])@([A-Za-z0-9_.-]{0,32})$/u;

export class Composer {
  #ui;
  #maxLength;
  #counterFrom;
  #typingSent = new Map(); // room id -> when this tab last said "typing" there
  #mentionable;
  #suggested = [];          // the people offered for the @name being typed
  #chosen = 0;

  /**
   * @param send (body) -> sends it in the open room
   * @param openRoom () -> the open room's id, if any
   * @param typed (roomId) -> says the person is typing there (at most every 2 s per room)
   * @param mentionable () -> [{name, label}] whom the open room's messages can mention
   * @param uploads the files the next message takes (uploads.js)
   */
  constructor(ui, maxLength, { send, openRoom, typed, mentionable, uploads }) {
    this.#mentionable = mentionable;
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
    // Registered before Enter sends: while suggestions show, Enter and Tab choose one instead.
    ui.input.addEventListener('keydown', event => this.#onSuggestionKey(event));
    ui.input.addEventListener('keydown', submitOnEnter);
    ui.input.addEventListener('blur', () => this.#closeSuggestions());
    // mousedown, not click: the choice must land before the box loses focus and closes the list.
    ui.suggestions.addEventListener('mousedown', event => {
      const option = event.target.closest('li[data-name]');
      if (!option) return;
      event.preventDefault();
      this.#choose(Number(option.dataset.index));
    });
    ui.input.addEventListener('input', () => {
      this.#suggest();
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

  // ---- @mentions ----

  #typedMention() {
    const { input } = this.#ui;
    return input.value.slice(0, input.selectionStart).match(TYPED_MENTION)?.[1];
  }

  #suggest() {
    const typed = this.#typedMention();
    if (typed === undefined) {
      this.#closeSuggestions();
      return;
    }
    const wanted = typed.toLowerCase();
    this.#suggested = this.#mentionable()
      .filter(({ name, label }) => name.startsWith(wanted) || label.toLowerCase().includes(wanted))
      .slice(0, MAX_SUGGESTIONS);
    this.#chosen = 0;
    this.#renderSuggestions();
  }

  #renderSuggestions() {
    const { input, suggestions } = this.#ui;
    suggestions.replaceChildren(...this.#suggested.map(({ name, label }, index) => {
      const option = element('li', 'mention-suggestion', name === 'room' ? `@room: ${label}` : `${label} @${name}`);
      option.id = `mention-suggestion-${index}`;
      option.role = 'option';
      option.dataset.name = name;
      option.dataset.index = index;
      option.ariaSelected = String(index === this.#chosen);
      return option;
    }));
    const open = this.#suggested.length > 0;
    suggestions.hidden = !open;
    input.ariaExpanded = String(open);
    if (open) input.setAttribute('aria-activedescendant', `mention-suggestion-${this.#chosen}`);
    else input.removeAttribute('aria-activedescendant');
  }

  #closeSuggestions() {
    this.#suggested = [];
    this.#renderSuggestions();
  }

  #onSuggestionKey(event) {
    if (this.#suggested.length === 0 || event.isComposing) return;
    const count = this.#suggested.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      this.#chosen = (this.#chosen + (event.key === 'ArrowDown' ? 1 : count - 1)) % count;
      this.#renderSuggestions();
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      this.#choose(this.#chosen);
    } else if (event.key === 'Escape') {
      this.#closeSuggestions();
    } else {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation(); // this key is spent: Enter sends nothing, Escape closes no panel
  }

  // The typed "@al" becomes "@alice " and the caret goes after it.
  #choose(index) {
    const chosen = this.#suggested[index];
    const typed = this.#typedMention();
    if (!chosen || typed === undefined) return;
    const { input } = this.#ui;
    const caret = input.selectionStart;
    const start = caret - typed.length;
    input.setRangeText(`${chosen.name} `, start, caret, 'end');
    this.#closeSuggestions();
    this.#updateCounter();
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

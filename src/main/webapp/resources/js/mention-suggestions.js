// @ in a message box offers the people of the room to mention: a list under the box, chosen with the arrow keys
// and Enter or Tab, or a click. The room's composer and the thread's each have one.

import { element } from 'parley/dom';

const MAX_SUGGESTIONS = 8;
// The "@name" being typed just before the caret, at the start of a word (as markdown.js finds mentions).
const TYPED_MENTION = /(?:^|[^\p{L}\p{N}_.@-])@([A-Za-z0-9_.-]{0,32})$/u;

export class MentionSuggestions {
  #input;
  #list;
  #mentionable;
  #chose;
  #suggested = [];          // the people offered for the @name being typed
  #chosen = 0;

  /**
   * Listens to `input`: register it before any keydown listener that sends, so that while suggestions show,
   * Enter and Tab choose one instead of sending.
   * @param list the <ul> the suggestions show in (its id names the options, for aria-activedescendant)
   * @param mentionable () -> [{name, label}] whom the open room's messages can mention
   * @param chose () -> called once a suggestion went into the box
   */
  constructor(input, list, mentionable, chose = () => {}) {
    this.#input = input;
    this.#list = list;
    this.#mentionable = mentionable;
    this.#chose = chose;
    input.addEventListener('keydown', event => this.#onKey(event));
    input.addEventListener('input', () => this.#suggest());
    input.addEventListener('blur', () => this.#close());
    // mousedown, not click: the choice must land before the box loses focus and closes the list.
    list.addEventListener('mousedown', event => {
      const option = event.target.closest('li[data-name]');
      if (!option) return;
      event.preventDefault();
      this.#choose(Number(option.dataset.index));
    });
  }

  #typedMention() {
    const input = this.#input;
    return input.value.slice(0, input.selectionStart).match(TYPED_MENTION)?.[1];
  }

  #suggest() {
    const typed = this.#typedMention();
    if (typed === undefined) {
      this.#close();
      return;
    }
    const wanted = typed.toLowerCase();
    this.#suggested = this.#mentionable()
      .filter(({ name, label }) => name.startsWith(wanted) || label.toLowerCase().includes(wanted))
      .slice(0, MAX_SUGGESTIONS);
    this.#chosen = 0;
    this.#render();
  }

  #optionId(index) {
    return `${this.#list.id}-${index}`;
  }

  #render() {
    const input = this.#input;
    this.#list.replaceChildren(...this.#suggested.map(({ name, label }, index) => {
      const option = element('li', 'mention-suggestion', name === 'room' ? `@room: ${label}` : `${label} @${name}`);
      option.id = this.#optionId(index);
      option.role = 'option';
      option.dataset.name = name;
      option.dataset.index = index;
      option.ariaSelected = String(index === this.#chosen);
      return option;
    }));
    const open = this.#suggested.length > 0;
    this.#list.hidden = !open;
    input.ariaExpanded = String(open);
    if (open) input.setAttribute('aria-activedescendant', this.#optionId(this.#chosen));
    else input.removeAttribute('aria-activedescendant');
  }

  #close() {
    this.#suggested = [];
    this.#render();
  }

  #onKey(event) {
    if (this.#suggested.length === 0 || event.isComposing) return;
    const count = this.#suggested.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      this.#chosen = (this.#chosen + (event.key === 'ArrowDown' ? 1 : count - 1)) % count;
      this.#render();
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      this.#choose(this.#chosen);
    } else if (event.key === 'Escape') {
      this.#close();
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
    const input = this.#input;
    const caret = input.selectionStart;
    input.setRangeText(`${chosen.name} `, caret - typed.length, caret, 'end');
    this.#close();
    this.#chose();
  }
}

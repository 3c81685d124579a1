// The thread panel: one thread's first message and its replies, live, with a composer of its own. Replies are
// messages of the room (they come over the same connection, in the room's order); this panel shows those of
// the thread it has open, and the conversation counts them under the first message.

import { MessageList } from 'parley/message-list';
import { bindMessageActions } from 'parley/message-actions';
import { onSubmit, submitOnEnter } from 'parley/dom';
import { MentionSuggestions } from 'parley/mention-suggestions';

const PAGE_SIZE = 100;

export class ThreadPanel {
  #ui;
  #api;
  #connection;
  #load = 0;          // bumped by each open, so a slow earlier load cannot overwrite a later one
  #loaded = false;    // the thread's replies are on screen: live ones may be added
  #waiting = [];      // live replies that arrived while the thread was loading
  list;
  room = null;        // the room of the open thread
  thread = null;      // the id of its first message

  /**
   * @param changed as for the conversation: our edit or deletion, to show wherever the message is
   * @param mentionable as for the composer: whom the room's messages can mention (a thread is in the open room)
   */
  constructor({ ui, store, api, connection, failed, changed, mentionable }) {
    this.#ui = ui;
    this.#api = api;
    this.#connection = connection;
    this.list = new MessageList(ui.threadList, ui.threadScroller, store);
    bindMessageActions(ui.threadList, this.list, {
      room: () => this.room,
      api,
      store,
      connection,
      changed,
      failed,
      showError: message => this.showError(message),
      focusComposer: () => ui.threadInput.focus(),
    });
    onSubmit(ui.threadComposer, () => this.#send());
    new MentionSuggestions(ui.threadInput, ui.threadSuggestions, mentionable);
    ui.threadInput.addEventListener('keydown', submitOnEnter);
    ui.closeThread.addEventListener('click', () => this.close());
    ui.threadMore.addEventListener('click', () => this.#loadMore().catch(failed));
  }

  isOpen() {
    return !this.#ui.threadPanel.hidden;
  }

  /** Opens the thread a message starts or replies in; highlightId (a search hit) is brought into view. */
  async open(room, messageId, highlightId) {
    const load = ++this.#load;
    this.room = room;
    this.thread = messageId;
    this.#loaded = false;
    this.#waiting = [];
    this.list.clear();
    this.showError('');
    this.#ui.threadMore.hidden = true;
    this.#ui.threadPanel.hidden = false;
    const { root, replies } = await this.#api.thread(room, messageId, { limit: PAGE_SIZE });
    if (load !== this.#load) return;
    this.thread = root.id;
    this.list.add([root, ...replies, ...this.#waiting.filter(reply => reply.thread === root.id)]);
    this.#waiting = [];
    this.#loaded = true;
    this.#ui.threadMore.hidden = replies.length < PAGE_SIZE;
    for (const [clientId, sent] of this.#connection.unacked(room)) {
      if (sent.thread === root.id) this.list.addPending(clientId, sent);
    }
    if (highlightId !== undefined && highlightId !== root.id) this.list.highlight(highlightId);
    else this.list.scrollToBottom();
    this.#ui.threadInput.focus();
  }

  close() {
    this.#load += 1;
    this.room = null;
    this.thread = null;
    this.list.clear();
    this.#ui.threadPanel.hidden = true;
  }

  /** A new message of a room; shown if it is a reply in the open thread. */
  showLive(message) {
    if (message.room !== this.room || message.thread !== this.thread) return;
    if (!this.#loaded) {
      this.#waiting.push(message);
      return;
    }
    const follow = this.list.isNearBottom();
    this.list.add([message]);
    if (follow) this.list.scrollToBottom();
  }

  showError(message) {
    this.#ui.threadError.textContent = message;
  }

  #send() {
    const body = this.#ui.threadInput.value.trim();
    if (!body || this.thread === null || !this.#loaded) return;
    this.showError('');
    const clientId = this.#connection.send(this.room, body, this.thread);
    this.list.addPending(clientId, this.#connection.unackedSend(clientId));
    this.list.scrollToBottom();
    this.#ui.threadInput.value = '';
  }

  // Long threads come a page at a time, after the newest reply shown.
  async #loadMore() {
    const load = this.#load;
    const shown = this.list.shownIds();
    const { replies } = await this.#api.thread(this.room, this.thread, { after: shown.at(-1), limit: PAGE_SIZE });
    if (load !== this.#load) return;
    this.list.add(replies);
    this.#ui.threadMore.hidden = replies.length < PAGE_SIZE;
  }
}

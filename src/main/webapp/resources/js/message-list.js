// The open conversation's messages on screen: each in id order (our sends still on their way below them all),
// with its delivery state, edits and tombstones, and the markers between messages ("New messages", days, a
// sender's run of messages). It only draws; which messages belong here is the conversation's business.

import { messageText } from 'parley/message-text';
import { appUrl, avatarElement, button, clock, dayFormat, element, nameList, personName, setTime } from 'parley/dom';

const GROUP_WITHIN_MS = 5 * 60_000; // a message this soon after the same sender's previous one continues it
/** What the React button offers; any other emoji arrives from other clients and shows all the same. */
export const QUICK_REACTIONS = ['👍', '❤️', '😂', '🎉', '😮', '😢', '🙏', '👀'];
const HIGHLIGHT_MS = 3_000;

const deliveryWords = {
  sending: 'Sending…',
  waiting: 'Waiting for the connection…',
  failed: 'Not sent',
  sent: 'Sent',
};

export class MessageList {
  #list;
  #scroller;
  #store;
  #threads; // messages here may start threads: they offer Reply and show their replies' summary
  // The ids that were unread when the room was opened, fixed then so that "New messages" stays put while
  // messages arrive and older pages load.
  unreadSince = { after: 0, upTo: 0 };

  constructor(list, scroller, store, { threads = false } = {}) {
    this.#list = list;
    this.#scroller = scroller;
    this.#store = store;
    this.#threads = threads;
  }

  clear() {
    this.#list.replaceChildren();
  }

  // History pages and live frames overlap, and an ack may already have confirmed our own message: an id
  // that is on screen is never added twice.
  add(messages) {
    for (const message of messages) {
      if (this.item(message.id)) continue;
      if (message.clientId) this.pending(message.clientId)?.remove();
      this.#insertInOrder(this.#messageElement(message));
    }
    this.changed();
  }

  /** One of our sends, not acked yet, below everything confirmed. */
  addPending(clientId, sent) {
    if (this.pending(clientId)) return;
    const item = this.#messageElement({ sender: this.#store.me, body: sent.body, clientId, files: sent.files });
    this.#showDelivery(item, sent);
    this.#list.append(item);
    this.changed();
  }

  /** Our send is stored: it takes its id, time and place. */
  confirm({ clientId, id, sentAt }) {
    const item = this.pending(clientId);
    if (!item) return;
    item.dataset.id = id;
    setTime(item.querySelector('time'), sentAt, clock);
    this.#showDelivery(item, { state: 'sent' });
    this.#insertInOrder(item);
    this.changed();
  }

  showDelivery(clientId, sent) {
    const item = this.pending(clientId);
    if (item) this.#showDelivery(item, sent);
  }

  removePending(clientId) {
    this.pending(clientId)?.remove();
    this.changed();
  }

  item(id) {
    return this.#list.querySelector(`li.message[data-id="${id}"]`);
  }

  /** Our message with this clientId while it has no id yet. */
  pending(clientId) {
    const item = this.#list.querySelector(`li.message[data-client-id="${CSS.escape(clientId)}"]`);
    return item && !item.dataset.id ? item : null;
  }

  oldestId() {
    return this.#list.querySelector('li.message[data-id]')?.dataset.id;
  }

  /** The ids of the messages on screen, in order. */
  shownIds() {
    return [...this.#list.querySelectorAll('li.message[data-id]')].map(item => Number(item.dataset.id));
  }

  /** Someone's name or picture changed: their messages already drawn show the new ones. */
  showProfile(username) {
    for (const item of this.#list.querySelectorAll('li.message[data-sender]')) {
      if (item.dataset.sender !== username) continue;
      item.querySelector('.avatar')?.replaceWith(avatarElement(this.#store, username));
      item.querySelector('.message-sender')?.replaceWith(personName(this.#store, 'message-sender', username));
    }
  }

  // ---- Threads ----

  /**
   * A reply arrived: its thread's first message, if it is here, counts it, unless its summary counted it
   * already (a page read after the reply was stored).
   */
  noteReply({ id, thread, sender, sentAt }) {
    const item = this.item(thread);
    if (!item || !this.#threads) return;
    const shown = item.dataset.replies ? JSON.parse(item.dataset.replies) : { count: 0, lastReplyId: 0, people: [] };
    if (id <= shown.lastReplyId) return;
    const people = shown.people.includes(sender) ? shown.people : [...shown.people, sender];
    this.#showReplies(item, { count: shown.count + 1, lastReplyId: id, lastReplyAt: sentAt, people });
  }

  // "3 replies · Last reply 14:05", which opens the thread.
  #showReplies(item, replies) {
    if (!item || !this.#threads) return;
    item.dataset.replies = JSON.stringify(replies);
    item.querySelector('.thread-summary')?.remove();
    if (replies.count === 0) return;
    const summary = button('thread-summary', `${replies.count} ${replies.count === 1 ? 'reply' : 'replies'}`);
    const time = document.createElement('time');
    setTime(time, replies.lastReplyAt, clock);
    summary.append(' · Last reply ', time);
    summary.ariaLabel = `${summary.textContent}, open the thread`;
    (item.querySelector('.reactions') ?? item.querySelector('.message-body, .message-tombstone')).after(summary);
  }

  /** A message's reactions, all of them: each emoji with its count, pressed if one of them is ours. */
  showReactions(id, reactions) {
    const item = this.item(id);
    if (!item || item.classList.contains('deleted')) return;
    item.querySelector('.reactions')?.remove();
    if (reactions.length > 0) item.querySelector('.message-body').after(this.#reactionsElement(reactions));
    if (item.dataset.replies) this.#showReplies(item, JSON.parse(item.dataset.replies));
  }

  /** The reactions shown on a message, as {emoji: [users]}. */
  reactionsOf(id) {
    const shown = this.item(id)?.querySelectorAll('.reaction') ?? [];
    return Object.fromEntries([...shown].map(reaction => [reaction.dataset.emoji, JSON.parse(reaction.dataset.users)]));
  }

  /** The small choice of emoji under a message, opened by its React button; one at a time on the page. */
  togglePicker(item) {
    const open = item.querySelector('.reaction-picker');
    this.#list.querySelectorAll('.reaction-picker').forEach(picker => picker.remove());
    if (open) return;
    const picker = element('div', 'reaction-picker');
    picker.role = 'group';
    picker.ariaLabel = 'React with';
    for (const emoji of QUICK_REACTIONS) {
      const choice = button('pick-reaction', emoji);
      choice.dataset.emoji = emoji;
      choice.ariaLabel = `React with ${emoji}`;
      picker.append(choice);
    }
    item.append(picker);
    picker.querySelector('button').focus();
  }

  closePickers() {
    this.#list.querySelectorAll('.reaction-picker').forEach(picker => picker.remove());
  }

  #reactionsElement(reactions) {
    const bar = element('div', 'reactions');
    for (const { emoji, users } of reactions) {
      const reaction = button('reaction', `${emoji} ${users.length}`);
      reaction.dataset.emoji = emoji;
      reaction.dataset.users = JSON.stringify(users);
      reaction.ariaPressed = String(users.includes(this.#store.me));
      const names = users.map(user => (user === this.#store.me ? 'you' : this.#store.displayName(user)));
      reaction.title = `${listOf(names)} reacted with ${emoji}`;
      reaction.ariaLabel = reaction.title;
      bar.append(reaction);
    }
    return bar;
  }

  // From our own request, an "edited" frame or a history page; they may come in any order, and only a later
  // version replaces the one shown (editedAt has a fixed format: strings compare as times).
  showEdit({ id, body, editedAt }) {
    const item = this.item(id);
    if (!item || item.classList.contains('deleted') || (item.dataset.editedAt ?? '') >= editedAt) return;
    item.querySelector('.message-body').replaceWith(bodyElement(body, this.#store));
    showEditedMark(item, editedAt);
  }

  showDeletion({ id, moderated }) {
    const item = this.item(id);
    if (!item) return;
    showDeleted(item, moderated);
    this.changed(); // "New messages" never sits above a tombstone
  }

  highlight(messageId) {
    const item = this.item(messageId);
    if (!item) return;
    item.classList.add('highlight');
    item.scrollIntoView({ block: 'center' });
    setTimeout(() => item.classList.remove('highlight'), HIGHLIGHT_MS);
  }

  scrollToNewMarker() {
    this.#list.querySelector('.new-marker')?.scrollIntoView({ block: 'start' });
  }

  isNearBottom() {
    const { scrollHeight, scrollTop, clientHeight } = this.#scroller;
    return scrollHeight - scrollTop - clientHeight < 80;
  }

  scrollToBottom() {
    this.#scroller.scrollTop = this.#scroller.scrollHeight;
  }

  // ---- Building messages ----

  #messageElement({ id, sender, body, sentAt, clientId, editedAt, deleted, moderated, reactions, replies, files }) {
    const me = this.#store.me;
    const item = element('li', 'message');
    item.classList.toggle('mine', sender === me);
    item.dataset.sender = sender;
    if (id !== undefined) item.dataset.id = id;
    if (clientId && sender === me) item.dataset.clientId = clientId;
    const meta = element('div', 'message-meta');
    const time = document.createElement('time');
    if (sentAt) setTime(time, sentAt, clock);
    meta.append(avatarElement(this.#store, sender), personName(this.#store, 'message-sender', sender), time);
    item.append(meta, bodyElement(body, this.#store));
    if (files?.length) item.append(filesElement(files));
    if (sender === me) {
      meta.append(element('span', 'message-status'));
      item.append(messageActions(true, this.#threads));
      if (id !== undefined) this.#showDelivery(item, { state: 'sent' });
    } else {
      item.append(messageActions(false, this.#threads));
    }
    if (reactions?.length) item.querySelector('.message-body').after(this.#reactionsElement(reactions));
    if (editedAt) showEditedMark(item, editedAt);
    if (deleted) showDeleted(item, moderated);
    if (replies) this.#showReplies(item, replies);
    return item;
  }

  // Where one of our messages is on its way: it shows at once as "Sending…" and turns "Sent" on its ack.
  // A refused one says why and offers to send it again (with its clientId, so it is stored once at most).
  #showDelivery(item, { state, reason, retryable }) {
    item.dataset.delivery = state;
    item.classList.toggle('pending', state === 'sending' || state === 'waiting');
    item.classList.toggle('failed', state === 'failed');
    const status = item.querySelector('.message-status');
    status.textContent = deliveryWords[state];
    status.title = reason ?? '';
    item.querySelector('.delivery-actions')?.remove();
    if (state === 'failed') item.append(deliveryActions(retryable));
  }

  // Confirmed messages sit in id order; pending ones (no id yet) stay below them all.
  #insertInOrder(item) {
    const id = Number(item.dataset.id);
    const next = [...this.#list.querySelectorAll('li.message')]
      .find(other => other !== item && (other.dataset.id === undefined || Number(other.dataset.id) > id));
    this.#list.insertBefore(item, next ?? null);
  }

  // ---- Markers ----

  // Markers between messages depend on their neighbours, so they are checked after every change: pages
  // arrive at both ends, and "Today" becomes "Yesterday" at midnight. Markers that are still right stay in
  // place, so the list's live region does not announce them again.
  changed() {
    this.#placeNewMarker();
    this.#placeDaySeparators();
    this.#groupBySender();
  }

  // A message from the same sender soon after their previous one, with nothing in between, continues it:
  // the name is shown once per group (screen readers still hear it on every message).
  #groupBySender() {
    let previous = null;
    for (const node of this.#list.children) {
      const isMessage = node.matches('li.message');
      if (isMessage) node.classList.toggle('continued', previous !== null && continues(previous, node));
      previous = isMessage ? node : null;
    }
  }

  // "New messages" goes above the first message from someone else that was unread when the room was opened
  // (a tombstone has nothing to read). If that one is not loaded yet, it goes above the oldest loaded one
  // and moves up with older pages.
  #placeNewMarker() {
    const { after, upTo } = this.unreadSince;
    const first = [...this.#list.querySelectorAll('li.message[data-id]:not(.deleted)')].find(item => {
      const id = Number(item.dataset.id);
      return id > after && id <= upTo && item.dataset.sender !== this.#store.me;
    });
    const marker = this.#list.querySelector('.new-marker');
    if (marker && marker.nextElementSibling === first) return;
    marker?.remove();
    first?.before(element('li', 'new-marker', 'New messages'));
  }

  // A separator sits above the first message of each local day, and above "New messages" if that is there.
  #placeDaySeparators() {
    const wanted = new Map(); // first message of a day -> its label
    let previousDay = null;
    for (const item of this.#list.querySelectorAll('li.message')) {
      const date = messageDate(item);
      if (localDay(date) !== previousDay) wanted.set(item, dayLabel(date));
      previousDay = localDay(date);
    }
    for (const separator of this.#list.querySelectorAll('.day-separator')) {
      const item = nextMessage(separator);
      if (wanted.get(item) === separator.textContent) wanted.delete(item);
      else separator.remove();
    }
    for (const [item, label] of wanted) {
      const anchor = item.previousElementSibling?.matches('.new-marker') ? item.previousElementSibling : item;
      anchor.before(element('li', 'day-separator', label));
    }
  }
}

// ---- Editing our own messages ----

export function startEditing(item) {
  const body = item.querySelector('.message-body');
  const input = element('textarea', 'edit-input');
  input.value = body.dataset.source;
  input.rows = Math.min(8, input.value.split('\n').length + 1);
  input.ariaLabel = 'Edit message';
  const save = element('button', 'button save-edit', 'Save');
  save.type = 'submit';
  const editor = element('form', 'message-editor');
  editor.append(input, save, button('button button-quiet cancel-edit', 'Cancel'), element('p', 'edit-error'));
  item.classList.add('editing');
  body.after(editor);
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
}

// Focus goes back to the Edit button, unless the user has moved on while a save was under way.
export function stopEditing(item) {
  const editor = item.querySelector('.message-editor');
  const hadFocus = editor?.contains(document.activeElement);
  editor?.remove();
  item.classList.remove('editing');
  if (hadFocus) item.querySelector('.edit-message').focus();
}

// The text as written stays with it, for editing: what is shown is its Markdown, formatted.
function bodyElement(body, store) {
  const text = element('div', 'message-body');
  text.dataset.source = body;
  text.append(messageText(body, { me: store.me, isPerson: name => store.isKnown(name) }));
  return text;
}

// Images show in place (their link opens the full size); other files are links that download them. The server
// serves only raster images inline, so nothing else can run as a page whatever its name says.
const PREVIEWED = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

function filesElement(files) {
  const list = element('ul', 'message-files');
  for (const { id, name, contentType, size } of files) {
    const item = element('li', 'message-file');
    const url = appUrl(`api/files/${encodeURIComponent(id)}`);
    const link = document.createElement('a');
    link.href = PREVIEWED.has(contentType) ? url : `${url}?download=true`;
    if (PREVIEWED.has(contentType)) {
      link.className = 'file-preview';
      link.target = '_blank';
      link.rel = 'noopener';
      const image = document.createElement('img');
      image.src = url;
      image.alt = name;
      image.loading = 'lazy';
      link.append(image);
    } else {
      link.className = 'file-download';
      link.download = name;
      link.append(element('span', 'file-name', name), element('span', 'file-size', sizeText(size)));
    }
    link.title = `${name}, ${sizeText(size)}`;
    item.append(link);
    list.append(item);
  }
  return list;
}

/** 1 234 567 bytes as "1.2 MB". */
export function sizeText(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

// Everyone may react and reply in a thread; only the sender edits and deletes.
function messageActions(own, threads) {
  const actions = element('div', 'message-actions');
  const react = button('react-message', 'React');
  react.ariaLabel = 'Add a reaction';
  actions.append(react);
  if (threads) {
    const reply = button('reply-message', 'Reply');
    reply.ariaLabel = 'Reply in a thread';
    actions.append(reply);
  }
  if (own) actions.append(button('edit-message', 'Edit'), button('delete-message', 'Delete'));
  return actions;
}

function listOf(names) {
  return nameList.format(names.length > 10 ? [...names.slice(0, 10), `${names.length - 10} more`] : names);
}

function deliveryActions(retryable) {
  const actions = element('div', 'delivery-actions');
  if (retryable) actions.append(button('retry-send', 'Retry'));
  actions.append(button('discard-send', 'Discard'));
  return actions;
}

function showEditedMark(item, editedAt) {
  item.dataset.editedAt = editedAt;
  let mark = item.querySelector('.edited-mark');
  if (!mark) {
    mark = element('span', 'edited-mark', '(edited)');
    item.querySelector('.message-meta').append(mark);
  }
  mark.title = `Edited ${new Date(editedAt).toLocaleString()}`;
}

function showDeleted(item, moderated) {
  if (item.classList.contains('deleted')) return;
  item.classList.remove('editing');
  item.classList.add('deleted');
  item.querySelectorAll('.message-body, .message-files, .message-actions, .message-editor, .edited-mark, .message-status, .reactions, .reaction-picker')
    .forEach(node => node.remove());
  item.append(element('p', 'message-tombstone',
    moderated ? 'This message was removed by a moderator' : 'This message was deleted'));
  // A thread outlives its first message: its replies stay reachable under the tombstone.
  const summary = item.querySelector('.thread-summary');
  if (summary) item.append(summary);
}

function continues(previous, item) {
  return previous.dataset.sender === item.dataset.sender
    && messageDate(item) - messageDate(previous) < GROUP_WITHIN_MS;
}

function nextMessage(node) {
  let next = node.nextElementSibling;
  while (next && !next.matches('li.message')) next = next.nextElementSibling;
  return next;
}

// A pending message has no time yet: it is being sent now.
function messageDate(item) {
  const sentAt = item.querySelector('time').dateTime;
  return sentAt ? new Date(sentAt) : new Date();
}

function localDay(date) {
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

function dayLabel(date) {
  const today = new Date();
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  if (localDay(date) === localDay(today)) return 'Today';
  if (localDay(date) === localDay(yesterday)) return 'Yesterday';
  return dayFormat.formatToParts(date).filter(part => part.type !== 'literal').map(part => part.value).join(' ');
}

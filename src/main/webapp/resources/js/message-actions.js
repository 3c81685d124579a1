// What the buttons on messages do, wherever a MessageList shows them (the conversation and the thread panel):
// react, reply in a thread, edit and delete our own, retry or discard a refused send. One listener per list
// serves every message in it, present and future.

import { startEditing, stopEditing } from 'parley/message-list';
import { SignedOut, roomPath } from 'parley/api';
import { element, submitOnEnter } from 'parley/dom';

const WHO_SHOWS_MS = 4_000;

/**
 * @param listElement the list's element
 * @param list the MessageList drawing into it
 * @param room () -> the id of the room its messages belong to
 * @param changed ({room, id, body?, editedAt?} or {room, id, deleted: true}) -> our edit or deletion, to show
 *   wherever the message is
 * @param focusComposer () -> puts focus back where this list's messages are written
 * @param openThread (messageId) -> shows the thread a message starts (lists that offer Reply)
 */
export function bindMessageActions(listElement, list,
  { room, api, store, connection, changed, failed, showError, focusComposer, openThread }) {

  async function saveEdit(item) {
    const editor = item.querySelector('.message-editor');
    const body = editor.querySelector('.edit-input').value.trim();
    const error = editor.querySelector('.edit-error');
    if (body === item.querySelector('.message-body').dataset.source) {
      stopEditing(item);
      return;
    }
    if (!body) {
      error.textContent = 'A message cannot be empty; delete it instead.';
      return;
    }
    const save = editor.querySelector('.save-edit');
    save.disabled = true;
    try {
      changed(await api.json('PATCH', roomPath(room(), `/messages/${item.dataset.id}`), { body }));
      stopEditing(item);
    } catch (failure) {
      if (failure instanceof SignedOut) return;
      error.textContent = failure.message;
      save.disabled = false;
    }
  }

  async function remove(item) {
    if (!confirm('Delete this message? Everyone in the conversation will see that it was deleted.')) return;
    const roomId = room();
    const id = Number(item.dataset.id);
    await api(roomPath(roomId, `/messages/${id}`), { method: 'DELETE' });
    changed({ room: roomId, id, deleted: true });
  }

  // Ours taken back if it is there, added if not; the answer has the message's reactions as they are now.
  async function toggleReaction(item, emoji) {
    list.closePickers();
    const roomId = room();
    const id = Number(item.dataset.id);
    const ours = (list.reactionsOf(id)[emoji] ?? []).includes(store.me);
    const path = roomPath(roomId, `/messages/${id}/reactions/${encodeURIComponent(emoji)}`);
    const reactions = await api(path, { method: ours ? 'DELETE' : 'PUT' });
    if (room() === roomId) list.showReactions(id, reactions);
  }

  function retry(clientId) {
    showError('');
    connection.retry(clientId);
  }

  function discard(clientId) {
    connection.discard(clientId);
    list.removePending(clientId);
    focusComposer();
  }

  // Who reacted shows on hover (the title); on a touch screen a long press opens the context menu, which shows it
  // in a bubble instead.
  function showWhoReacted(reaction) {
    listElement.querySelectorAll('.reaction-who').forEach(bubble => bubble.remove());
    const bubble = element('span', 'reaction-who', reaction.title);
    bubble.role = 'status';
    reaction.parentElement.append(bubble);
    setTimeout(() => bubble.remove(), WHO_SHOWS_MS);
  }

  document.addEventListener('click', event => {
    if (!event.target.closest('.reaction-picker, .react-message')) list.closePickers();
  });
  listElement.addEventListener('contextmenu', event => {
    const reaction = event.target.closest('button.reaction');
    if (!reaction) return;
    event.preventDefault();
    showWhoReacted(reaction);
  });
  listElement.addEventListener('click', event => {
    const control = event.target.closest('button');
    const item = control?.closest('li.message');
    if (!item) return;
    if (control.matches('.react-message')) list.togglePicker(item);
    else if (control.matches('.pick-reaction, .reaction')) toggleReaction(item, control.dataset.emoji).catch(failed);
    else if (control.matches('.reply-message, .thread-summary')) {
      if (item.dataset.id && openThread) openThread(Number(item.dataset.id));
    }
    else if (control.matches('.edit-message')) startEditing(item);
    else if (control.matches('.cancel-edit')) stopEditing(item);
    else if (control.matches('.delete-message')) remove(item).catch(failed);
    else if (control.matches('.retry-send')) retry(item.dataset.clientId);
    else if (control.matches('.discard-send')) discard(item.dataset.clientId);
  });
  listElement.addEventListener('submit', event => {
    event.preventDefault();
    saveEdit(event.target.closest('li.message'));
  });
  listElement.addEventListener('keydown', event => {
    const picker = event.target.closest('.reaction-picker');
    if (picker && event.key === 'Escape') {
      event.preventDefault();
      const item = picker.closest('li.message');
      list.closePickers();
      item.querySelector('.react-message')?.focus();
      return;
    }
    if (!event.target.matches('.edit-input')) return;
    if (event.key === 'Escape') {
      event.preventDefault(); // this Escape is spent: no panel closes with it
      stopEditing(event.target.closest('li.message'));
    } else {
      submitOnEnter(event);
    }
  });
}

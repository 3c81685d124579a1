// Files on their way into a message: picked, dropped or pasted, each uploaded at once (with a progress bar) to
// the open room, and taken by the next message sent there. XMLHttpRequest rather than fetch: only it reports an
// upload's progress.

import { roomPath } from 'parley/api';
import { button, element } from 'parley/dom';
import { sizeText } from 'parley/message-list';

export class Uploads {
  #ui;
  #root;
  #openRoom;
  #signedOut;
  #entries = []; // {file, room, state: 'uploading' | 'done' | 'failed', sent, uploaded?, reason?, request?}

  /**
   * @param root where Parley is deployed
   * @param openRoom () -> the open room's id
   * @param signedOut () -> the session ended (an upload was answered 401)
   */
  constructor(ui, root, { openRoom, signedOut }) {
    this.#ui = ui;
    this.#root = root;
    this.#openRoom = openRoom;
    this.#signedOut = signedOut;
    ui.attach.addEventListener('click', () => ui.fileInput.click());
    ui.fileInput.addEventListener('change', () => {
      this.add(ui.fileInput.files);
      ui.fileInput.value = '';
    });
    ui.attachments.addEventListener('click', event => {
      const remove = event.target.closest('button.remove-attachment');
      if (remove) this.#remove(this.#entries[Number(remove.dataset.index)]);
    });
  }

  add(files) {
    const room = this.#openRoom();
    if (!room) return;
    for (const file of files) {
      const entry = { file, room, state: 'uploading', sent: 0 };
      this.#entries.push(entry);
      this.#upload(entry);
    }
    this.#render();
  }

  /** The uploaded files the next message of the open room takes, as {id, name, contentType, size}. */
  ready() {
    return this.#entries.filter(entry => entry.state === 'done' && entry.room === this.#openRoom())
      .map(entry => entry.uploaded);
  }

  isUploading() {
    return this.#entries.some(entry => entry.state === 'uploading' && entry.room === this.#openRoom());
  }

  /** After a send took them, or when another room opens: uploads still on their way are cancelled. */
  clear() {
    this.#entries.forEach(entry => entry.request?.abort());
    this.#entries = [];
    this.#render();
  }

  #upload(entry) {
    const request = new XMLHttpRequest();
    entry.request = request;
    const path = `${roomPath(entry.room, '/files')}?${new URLSearchParams({ name: entry.file.name })}`;
    request.open('POST', new URL(path, this.#root));
    request.setRequestHeader('Content-Type', entry.file.type || 'application/octet-stream');
    request.responseType = 'json';
    request.upload.addEventListener('progress', event => {
      entry.sent = event.loaded;
      this.#showProgress(entry);
    });
    request.addEventListener('load', () => {
      delete entry.request;
      if (request.status === 401) this.#signedOut();
      if (request.status === 201) {
        entry.state = 'done';
        entry.uploaded = request.response;
      } else {
        entry.state = 'failed';
        entry.reason = request.response?.message ?? `The upload failed (${request.status}).`;
      }
      this.#render();
    });
    request.addEventListener('error', () => {
      delete entry.request;
      entry.state = 'failed';
      entry.reason = 'The upload did not get through; check the connection and add the file again.';
      this.#render();
    });
    request.send(entry.file);
  }

  #remove(entry) {
    entry?.request?.abort();
    this.#entries = this.#entries.filter(other => other !== entry);
    this.#render();
  }

  #render() {
    const items = this.#entries.map((entry, index) => {
      const item = element('li', `attachment ${entry.state}`);
      item.append(element('span', 'attachment-name', entry.file.name), element('span', 'attachment-size', sizeText(entry.file.size)));
      if (entry.state === 'uploading') {
        const progress = document.createElement('progress');
        progress.max = entry.file.size || 1;
        progress.value = entry.sent;
        progress.ariaLabel = `Uploading ${entry.file.name}`;
        item.append(progress);
      }
      if (entry.state === 'failed') item.append(element('span', 'attachment-error', entry.reason));
      const remove = button('remove-attachment', '×');
      remove.dataset.index = index;
      remove.ariaLabel = `Remove ${entry.file.name}`;
      item.append(remove);
      return item;
    });
    this.#ui.attachments.replaceChildren(...items);
    this.#ui.attachments.hidden = items.length === 0;
  }

  #showProgress(entry) {
    const index = this.#entries.indexOf(entry);
    const progress = this.#ui.attachments.children[index]?.querySelector('progress');
    if (progress) progress.value = entry.sent;
  }
}

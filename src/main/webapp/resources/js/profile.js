// One's own profile, in a dialog opened from one's name in the top bar: the display name and status line others
// see (everyone's pages hear of a change through the profile frame), and a local account's password.

import { SignedOut } from 'parley/api';
import { appUrl, avatarElement, onSubmit } from 'parley/dom';

export class ProfileDialog {
  #ui;
  #api;
  #changed;

  /** @param changed (me) -> our profile as the server now has it, {username, displayName, status?, avatar?} */
  constructor(ui, api, changed) {
    this.#ui = ui;
    this.#api = api;
    this.#changed = changed;
    ui.me.addEventListener('click', () => this.open().catch(error => this.#showError(ui.profileError, error)));
    ui.closeProfile.addEventListener('click', () => ui.profileDialog.close());
    onSubmit(ui.profileForm, () => this.#save().catch(error => this.#showError(ui.profileError, error)));
    onSubmit(ui.passwordForm, () => this.#changePassword().catch(error => this.#showError(ui.passwordError, error)));
    ui.chooseAvatar.addEventListener('click', () => ui.avatarInput.click());
    ui.avatarInput.addEventListener('change', () => {
      const [picture] = ui.avatarInput.files;
      ui.avatarInput.value = '';
      if (picture) this.#setPicture(picture).catch(error => this.#showError(ui.profileError, error));
    });
    ui.removeAvatar.addEventListener('click', () => this.#removePicture().catch(error => this.#showError(ui.profileError, error)));
  }

  // The picture is its own request (its bytes are the body), saved at once like a chosen file is sent.
  async #setPicture(picture) {
    this.#ui.profileError.textContent = '';
    const response = await fetch(appUrl('api/me/avatar'), {
      method: 'PUT', headers: { 'Content-Type': picture.type || 'application/octet-stream' }, body: picture,
    });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.message ?? `The picture was not saved (${response.status}).`);
    }
    await this.#refresh();
  }

  async #removePicture() {
    await this.#api('api/me/avatar', { method: 'DELETE' });
    await this.#refresh();
  }

  async #refresh() {
    const me = await this.#api('api/me');
    this.#showPicture(me);
    this.#changed(me);
  }

  #showPicture(me) {
    const person = { avatar: () => me.avatar, displayName: () => me.displayName };
    this.#ui.profileAvatar.replaceChildren(avatarElement(person, me.username));
    this.#ui.removeAvatar.hidden = !me.avatar;
  }

  // Filled from the server each time, so what another tab saved shows here too.
  async open() {
    const ui = this.#ui;
    const me = await this.#api('api/me');
    ui.profileName.value = me.displayName;
    ui.profileStatus.value = me.status ?? '';
    this.#showPicture(me);
    ui.profileError.textContent = '';
    ui.passwordForm.hidden = !me.password;
    ui.passwordError.textContent = '';
    ui.passwordStatus.textContent = '';
    if (!ui.profileDialog.open) ui.profileDialog.showModal();
    ui.profileName.focus();
  }

  async #save() {
    const ui = this.#ui;
    ui.profileError.textContent = '';
    const me = await this.#api.json('PATCH', 'api/me',
      { displayName: ui.profileName.value.trim(), status: ui.profileStatus.value.trim() });
    this.#changed(me);
    ui.profileDialog.close();
  }

  async #changePassword() {
    const ui = this.#ui;
    ui.passwordError.textContent = '';
    ui.passwordStatus.textContent = '';
    await this.#api.json('PUT', 'api/me/password',
      { currentPassword: ui.currentPassword.value, newPassword: ui.newPassword.value });
    ui.currentPassword.value = '';
    ui.newPassword.value = '';
    ui.passwordStatus.textContent = 'Password changed. You stay signed in here; your other sign-ins have ended.';
  }

  #showError(where, error) {
    if (!(error instanceof SignedOut)) where.textContent = error.message;
  }
}

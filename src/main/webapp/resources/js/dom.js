// Building the page's elements. textContent only: names and bodies are user input and may contain markup.

export const clock = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
export const dateAndTime = new Intl.DateTimeFormat([], { dateStyle: 'medium', timeStyle: 'short' });
// The page's words are English, so names of days and lists are too ("Mon 23 Nov 2026", "Bob and Carol").
export const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
export const nameList = new Intl.ListFormat('en-GB', { type: 'conjunction' });

export const byId = id => document.getElementById(id);

/** An address under where Parley is deployed (the page's data-root), never under the page's own path. */
export function appUrl(path) {
  return new URL(path, new URL(byId('app').dataset.root, location.origin)).href;
}

export function element(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function button(className, text) {
  const node = element('button', className, text);
  node.type = 'button';
  return node;
}

// Display names are free text, so two people may choose the same one (or one that looks the same): wherever
// someone is named, their username, which is unique and plain, stands beside it.
export function personName(store, className, username, suffix = '') {
  const name = element('span', className, store.displayName(username));
  if (store.displayName(username) !== username) name.append(element('span', 'handle', `@${username}`));
  if (suffix) name.append(suffix);
  return name;
}

// Someone's picture, or the first letter of their name where they have none. Decorative: their name is beside it.
export function avatarElement(store, username) {
  const avatar = store.avatar(username);
  if (avatar) {
    const image = document.createElement('img');
    image.className = 'avatar';
    image.src = appUrl(`api/avatars/${encodeURIComponent(avatar)}`);
    image.alt = '';
    image.loading = 'lazy';
    return image;
  }
  const initial = element('span', 'avatar avatar-initial', [...store.displayName(username)][0]?.toUpperCase() ?? '?');
  initial.ariaHidden = 'true';
  return initial;
}

export function setTime(time, sentAt, format) {
  const date = new Date(sentAt);
  time.dateTime = sentAt;
  time.textContent = format.format(date);
  time.title = date.toLocaleString();
}

// Enter sends and Shift+Enter starts a new line; during IME composition Enter confirms text.
export function submitOnEnter(event) {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    event.target.form.requestSubmit();
  }
}

export function onSubmit(form, action) {
  form.addEventListener('submit', event => {
    event.preventDefault();
    action();
  });
}

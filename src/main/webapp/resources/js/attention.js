// Getting a person's attention while Parley is not in front of them: the unread count in the tab's title,
// and desktop notifications once they turned them on. The browser's permission prompt only ever follows
// their click on the button, never the page loading.

const PREFERENCE = 'parley.notifications';
const plainTitle = document.title;

/** "(3) Chat · Parley" while the tab is hidden and something is unread; the plain title otherwise. */
export function showUnreadInTitle(count) {
  document.title = document.hidden && count > 0 ? `(${count}) ${plainTitle}` : plainTitle;
}

/** 'unsupported', 'blocked' (the browser said no), 'on' or 'off'. */
export function notificationSetting() {
  if (!('Notification' in window)) return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  return Notification.permission === 'granted' && preference() === 'on' ? 'on' : 'off';
}

/** Turns notifications off, or asks the browser's permission and turns them on; answers the new setting. */
export async function toggleNotifications() {
  if (notificationSetting() === 'on') {
    remember('off');
  } else if (await Notification.requestPermission() === 'granted') {
    remember('on');
  }
  return notificationSetting();
}

/** Shows a notification if they are on; a click brings the tab forward and runs onOpen. */
export function notify({ title, body, tag, onOpen }) {
  if (notificationSetting() !== 'on') return;
  const notification = new Notification(title, { body, tag });
  notification.addEventListener('click', () => {
    window.focus();
    onOpen();
    notification.close();
  });
}

// Storage can be switched off by the browser; notifications then last as long as the page.
let fallback = 'off';

function preference() {
  try {
    return localStorage.getItem(PREFERENCE) ?? fallback;
  } catch {
    return fallback;
  }
}

function remember(setting) {
  fallback = setting;
  try {
    localStorage.setItem(PREFERENCE, setting);
  } catch {
    // The in-page fallback holds it.
  }
}

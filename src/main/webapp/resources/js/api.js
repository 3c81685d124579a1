// Parley's HTTP API as the chat page calls it (docs/protocol.md). Every URL is built on where Parley is
// deployed ("/" or a prefix such as "/chat/"), never on the page's own path.

export class SignedOut extends Error {}

export function createApi(root) {
  // The session ended (expired, or signed out elsewhere): sign in, then come back to this very page.
  function goToSignIn() {
    const next = location.pathname + location.search;
    location.assign(new URL(`signin.xhtml?${new URLSearchParams({ next })}`, root));
  }

  async function api(path, options = {}) {
    const response = await fetch(new URL(path, root), options);
    if (response.status === 401) {
      goToSignIn();
      throw new SignedOut('Your session has ended.');
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      // An admin disabled this account: the sign-in page says so when they try again.
      if (problem.error === 'account_disabled') {
        goToSignIn();
        throw new SignedOut(problem.message);
      }
      throw new Error(problem.message ?? `Request failed (${response.status}).`);
    }
    return response.status === 204 ? null : response.json();
  }

  api.json = (method, path, body) =>
    api(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  // threads: 'collapsed' leaves replies in threads out (the conversation shows them in the thread panel).
  api.history = (roomId, { before, after, limit, threads }) =>
    api(`${roomPath(roomId, '/messages')}?${queryString({ before, after, limit, threads })}`);
  api.thread = (roomId, messageId, { after, limit }) =>
    api(`${roomPath(roomId, `/messages/${messageId}/thread`)}?${queryString({ after, limit })}`);
  return api;
}

export function roomPath(roomId, rest = '') {
  return `api/rooms/${encodeURIComponent(roomId)}${rest}`;
}

// Leaves out parameters that are undefined, such as "before" on the first page.
export function queryString(params) {
  return new URLSearchParams(Object.entries(params).filter(([, value]) => value !== undefined));
}

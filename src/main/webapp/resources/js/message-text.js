// A message body is plain text. Web addresses in it become links, built node by node with DOM calls:
// no part of a body is ever parsed as HTML, so markup in a message shows as the characters it is.

const ADDRESS = /\bhttps?:\/\/[^\s<>"]+/gi;
// Sentence punctuation right after an address belongs to the sentence, not to the address.
const CLOSING_PUNCTUATION = '.,;:!?\'"]}>';

/** The body as text nodes and <a> elements, ready to append. */
export function messageText(body) {
  const text = document.createDocumentFragment();
  let shown = 0;
  for (const match of body.matchAll(ADDRESS)) {
    const address = withoutClosingPunctuation(match[0]);
    const link = linkTo(address);
    if (!link) continue;
    text.append(body.slice(shown, match.index), link);
    shown = match.index + address.length;
  }
  text.append(body.slice(shown));
  return text;
}

function withoutClosingPunctuation(address) {
  let end = address.length;
  while (end > 0 && endsSentence(address.slice(0, end))) end -= 1;
  return address.slice(0, end);
}

// A ")" closes the address only if the address opened it, as in https://en.wikipedia.org/wiki/Tea_(meal).
function endsSentence(address) {
  const last = address.at(-1);
  if (last === ')') return count(address, '(') < count(address, ')');
  return CLOSING_PUNCTUATION.includes(last);
}

function count(text, character) {
  return text.split(character).length - 1;
}

// Only http and https become links; the URL parser, not a pattern, has the last word on what the address is.
function linkTo(address) {
  let url;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const link = document.createElement('a');
  link.href = url.href;
  link.textContent = address;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  return link;
}

// The Markdown that messages may use, parsed into a tree of plain objects (no DOM, no HTML): paragraphs with
// line breaks, ``` code blocks, > quotes, - and 1. lists; inside them **bold**, *italic* or _italic_,
// ~~strike~~, `code`, [text](https://...) and bare http(s) addresses. Anything else, raw HTML included, is text.
// message-text.js builds DOM nodes from the tree; node --test checks the parser (src/test/js).

const ADDRESS = /https?:\/\/[^\s<>"]+/y;
const LABELLED_LINK = /\[([^[\]\n]{1,200})\]\((https?:\/\/[^\s()<>"]+)\)/y;
// Sentence punctuation right after an address belongs to the sentence, not to the address.
const CLOSING_PUNCTUATION = '.,;:!?\'"]}>*_~';
const BULLET = /^ {0,3}[-*+] +(.*)$/;
const NUMBERED = /^ {0,3}(\d{1,9})[.)] +(.*)$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const FENCE = /^ {0,3}```/;
const MAX_DEPTH = 8; // quotes in quotes, emphasis in emphasis: deep enough for people, bounded for attackers
// @username (3 to 32 of [a-z0-9_.-], any case) at the start of a word, and @room; the server counts by the same
// rule (platform/Mentions.java). A full stop or hyphen at the end belongs to the sentence.
const MENTION = /@([A-Za-z0-9_.-]{3,32})/y;
const MENTIONS = /(?<![\p{L}\p{N}_.@-])@([A-Za-z0-9_.-]{3,32})/gu;

/** The lower-case names a body mentions (room for @room). */
export function mentionsIn(body) {
  return new Set([...body.matchAll(MENTIONS)].map(match => mentionedName(match[1])).filter(Boolean));
}

function mentionedName(typed) {
  const name = typed.replace(/[.-]+$/, '').toLowerCase();
  return name.length >= 3 ? name : null;
}

/** The blocks of a message: [{type: 'paragraph', lines}, {type: 'code', text}, {type: 'quote', blocks}, {type: 'list', ordered, start, items}]. */
export function parseMessage(body, depth = 0) {
  const lines = body.split('\n');
  const blocks = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i += 1;
    } else if (FENCE.test(line)) {
      const end = lines.findIndex((next, j) => j > i && FENCE.test(next));
      const last = end === -1 ? lines.length : end;
      blocks.push({ type: 'code', text: lines.slice(i + 1, last).join('\n') });
      i = last + 1;
    } else if (QUOTE.test(line) && depth < MAX_DEPTH) {
      const quoted = [];
      while (i < lines.length && QUOTE.test(lines[i])) quoted.push(lines[i++].match(QUOTE)[1]);
      blocks.push({ type: 'quote', blocks: parseMessage(quoted.join('\n'), depth + 1) });
    } else if (BULLET.test(line) || NUMBERED.test(line)) {
      const ordered = !BULLET.test(line);
      const pattern = ordered ? NUMBERED : BULLET;
      const items = [];
      while (i < lines.length && pattern.test(lines[i])) {
        const match = lines[i++].match(pattern);
        items.push(parseInline(ordered ? match[2] : match[1]));
      }
      blocks.push(ordered ? { type: 'list', ordered, start: Number(line.match(NUMBERED)[1]), items }
        : { type: 'list', ordered, items });
    } else {
      const paragraph = [];
      while (i < lines.length && lines[i].trim() !== '' && !startsBlock(lines[i])) paragraph.push(lines[i++]);
      if (paragraph.length === 0) paragraph.push(lines[i++]); // a quote too deep: its line is text
      blocks.push({ type: 'paragraph', lines: paragraph.map(text => parseInline(text)) });
    }
  }
  return blocks;
}

function startsBlock(line) {
  return FENCE.test(line) || QUOTE.test(line) || BULLET.test(line) || NUMBERED.test(line);
}

/**
 * One line's inline nodes: {type: 'text', text}, {type: 'code', text}, {type: 'link', href, children},
 * {type: 'mention', name, text}, {type: 'strong' | 'em' | 'del', children}. A marker that is not closed is text.
 */
export function parseInline(text, depth = 0) {
  const nodes = [];
  let plain = '';
  const flush = () => {
    if (plain) nodes.push({ type: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const found = inlineAt(text, i, depth);
    if (found) {
      flush();
      nodes.push(found.node);
      i = found.end;
    } else {
      plain += text[i];
      i += 1;
    }
  }
  flush();
  return nodes;
}

function inlineAt(text, i, depth) {
  const c = text[i];
  if (c === '`') return codeSpan(text, i);
  if (c === 'h' && !isWordCharacter(text[i - 1])) return address(text, i);
  if (c === '[') return labelledLink(text, i, depth);
  if (c === '@' && !/[\p{L}\p{N}_.@-]/u.test(text[i - 1] ?? ' ')) return mention(text, i);
  if (depth >= MAX_DEPTH) return null;
  if (text.startsWith('**', i) || text.startsWith('__', i)) return delimited(text, i, text.slice(i, i + 2), 'strong', depth);
  if (text.startsWith('~~', i)) return delimited(text, i, '~~', 'del', depth);
  if (c === '*' || c === '_') return delimited(text, i, c, 'em', depth);
  return null;
}

// `code` shows exactly what is between the backticks; a run of n backticks closes with a run of n.
function codeSpan(text, i) {
  let ticks = 1;
  while (text[i + ticks] === '`') ticks += 1;
  const fence = '`'.repeat(ticks);
  const close = text.indexOf(fence, i + ticks);
  if (close === -1 || close === i + ticks) return null;
  return { node: { type: 'code', text: text.slice(i + ticks, close) }, end: close + ticks };
}

function address(text, i) {
  ADDRESS.lastIndex = i;
  const match = ADDRESS.exec(text);
  if (!match) return null;
  const shown = withoutClosingPunctuation(match[0]);
  const href = webAddress(shown);
  if (!href) return null;
  return { node: { type: 'link', href, children: [{ type: 'text', text: shown }] }, end: i + shown.length };
}

function mention(text, i) {
  MENTION.lastIndex = i;
  const match = MENTION.exec(text);
  const name = match && mentionedName(match[1]);
  if (!name) return null;
  const shown = match[1].replace(/[.-]+$/, '');
  return { node: { type: 'mention', name, text: `@${shown}` }, end: i + 1 + shown.length };
}

function labelledLink(text, i, depth) {
  LABELLED_LINK.lastIndex = i;
  const match = LABELLED_LINK.exec(text);
  const href = match && webAddress(match[2]);
  if (!href) return null;
  // No link in a link: its label may be emphasised, not linked again.
  const children = parseInline(match[1], depth + 1).map(node => (node.type === 'link' ? node.children[0] : node));
  return { node: { type: 'link', href, children }, end: i + match[0].length };
}

// Emphasis opens before something other than a space and closes after something other than a space; _ only
// at word edges, so that snake_case_names stay as they are.
function delimited(text, i, marker, type, depth) {
  const start = i + marker.length;
  if (start >= text.length || /\s/.test(text[start])) return null;
  if (marker[0] === '_' && isWordCharacter(text[i - 1])) return null;
  let close = text.indexOf(marker, start + 1);
  while (close !== -1) {
    const closesHere = !/\s/.test(text[close - 1])
      && !(marker[0] === '_' && isWordCharacter(text[close + marker.length]))
      && !(marker.length === 1 && text[close + 1] === marker); // *a **b** c*: ** is not the closing *
    if (closesHere) break;
    close = text.indexOf(marker, close + (marker.length === 1 && text[close + 1] === marker ? 2 : 1));
  }
  if (close === -1) return null;
  return { node: { type, children: parseInline(text.slice(start, close), depth + 1) }, end: close + marker.length };
}

function isWordCharacter(c) {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
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

/** The address as the URL parser reads it, if it is http or https; null for anything else. */
export function webAddress(address) {
  let url;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

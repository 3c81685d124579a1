// A message body on screen: its Markdown (markdown.js) built node by node with DOM calls, from a fixed set of
// elements. No part of a body is ever parsed as HTML, so markup in a message shows as the characters it is.

import { parseMessage } from 'parley/markdown';

const INLINE_ELEMENTS = { strong: 'strong', em: 'em', del: 'del' };

/**
 * The body as elements and text nodes, ready to append. @names of people (isPerson) and @room are mentions; those
 * of {@code me}, and @room, stand out.
 */
export function messageText(body, { me, isPerson }) {
  const text = document.createDocumentFragment();
  for (const block of parseMessage(body)) text.append(blockElement(block, { me, isPerson }));
  return text;
}

function blockElement(block, people) {
  const inlineNode = node => inline(node, people);
  switch (block.type) {
    case 'code': {
      const pre = document.createElement('pre');
      const code = document.createElement('code');
      code.textContent = block.text;
      pre.append(code);
      return pre;
    }
    case 'quote': {
      const quote = document.createElement('blockquote');
      block.blocks.forEach(inner => quote.append(blockElement(inner, people)));
      return quote;
    }
    case 'list': {
      const list = document.createElement(block.ordered ? 'ol' : 'ul');
      if (block.ordered && block.start !== 1) list.start = block.start;
      for (const item of block.items) {
        const entry = document.createElement('li');
        entry.append(...item.map(inlineNode));
        list.append(entry);
      }
      return list;
    }
    default: {
      const paragraph = document.createElement('p');
      block.lines.forEach((line, i) => {
        if (i > 0) paragraph.append(document.createElement('br'));
        paragraph.append(...line.map(inlineNode));
      });
      return paragraph;
    }
  }
}

function inline(node, people) {
  const inlineNode = child => inline(child, people);
  if (node.type === 'text') return document.createTextNode(node.text);
  if (node.type === 'mention') {
    const { me, isPerson } = people;
    if (node.name !== 'room' && !isPerson(node.name)) return document.createTextNode(node.text);
    const mention = document.createElement('span');
    mention.className = node.name === me || node.name === 'room' ? 'mention mention-me' : 'mention';
    mention.textContent = node.text;
    return mention;
  }
  if (node.type === 'code') {
    const code = document.createElement('code');
    code.textContent = node.text;
    return code;
  }
  if (node.type === 'link') {
    // Only http and https reach here (the parser's webAddress), and the page they open cannot reach back.
    const link = document.createElement('a');
    link.href = node.href;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.append(...node.children.map(inlineNode));
    return link;
  }
  const element = document.createElement(INLINE_ELEMENTS[node.type]);
  element.append(...node.children.map(inlineNode));
  return element;
}

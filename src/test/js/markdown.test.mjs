// The Markdown subset of messages, as markdown.js parses it: what becomes formatting and what stays text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mentionsIn, parseInline, parseMessage } from '../../main/webapp/resources/js/markdown.js';

const text = value => ({ type: 'text', text: value });

// The inline nodes as a compact string: **x** -> <strong>x</strong>, links with their href.
function shape(nodes) {
  return nodes.map(node => {
    if (node.type === 'text') return node.text;
    if (node.type === 'code') return `<code>${node.text}</code>`;
    if (node.type === 'link') return `<a ${node.href}>${shape(node.children)}</a>`;
    if (node.type === 'mention') return `[${node.name}]`;
    return `<${node.type}>${shape(node.children)}</${node.type}>`;
  }).join('');
}

const inline = body => shape(parseInline(body));

test('bold, italic, strike and code, nested where it makes sense', () => {
  assert.equal(inline('**bold** and *italic* and _also_ and ~~gone~~'),
    '<strong>bold</strong> and <em>italic</em> and <em>also</em> and <del>gone</del>');
  assert.equal(inline('**bold with *italic* inside**'), '<strong>bold with <em>italic</em> inside</strong>');
  assert.equal(inline('*a **b** c*'), '<em>a <strong>b</strong> c</em>');
  assert.equal(inline('`**not bold**` and ``a ` tick``'), '<code>**not bold**</code> and <code>a ` tick</code>');
});

test('markers that do not open or close stay as typed', () => {
  assert.equal(inline('2 * 3 * 4'), '2 * 3 * 4');
  assert.equal(inline('**unclosed'), '**unclosed');
  assert.equal(inline('snake_case_name and __init__'), 'snake_case_name and <strong>init</strong>');
  assert.equal(inline('file_name_here.txt'), 'file_name_here.txt');
  assert.equal(inline('a ` lonely tick'), 'a ` lonely tick');
  assert.equal(inline('* not emphasis *'), '* not emphasis *');
});

test('raw HTML is text: no node of the tree is ever HTML', () => {
  assert.deepEqual(parseInline('<img src=x onerror=alert(1)>'), [text('<img src=x onerror=alert(1)>')]);
  assert.deepEqual(parseInline('<b>**x**</b>'), [text('<b>'), { type: 'strong', children: [text('x')] }, text('</b>')]);
});

test('links: bare addresses and [labels](addresses), http and https only', () => {
  assert.equal(inline('see https://example.org/a_b_c. Then'), 'see <a https://example.org/a_b_c>https://example.org/a_b_c</a>. Then');
  assert.equal(inline('https://en.wikipedia.org/wiki/Tea_(meal)'),
    '<a https://en.wikipedia.org/wiki/Tea_(meal)>https://en.wikipedia.org/wiki/Tea_(meal)</a>');
  assert.equal(inline('(see https://example.org/x)'), '(see <a https://example.org/x>https://example.org/x</a>)');
  assert.equal(inline('[the **guide**](https://example.org/guide)'), '<a https://example.org/guide>the <strong>guide</strong></a>');
  assert.equal(inline('[click](javascript:alert(1))'), '[click](javascript:alert(1))');
  assert.equal(inline('javascript:alert(1) and data:text/html,x'), 'javascript:alert(1) and data:text/html,x');
  assert.equal(inline('[a [b](https://x.org) c](https://y.org)'), '[a <a https://x.org/>b</a> c](<a https://y.org/>https://y.org</a>)');
  assert.equal(inline('xhttps://example.org'), 'xhttps://example.org', 'an address starts a word');
});

test('blocks: paragraphs with line breaks, code blocks, quotes and lists', () => {
  const blocks = parseMessage('Hello\nthere\n\n```\n**raw** <b>\n```\n> quoted *text*\n> more\n- one\n- **two**\n3. three\n4. four');
  assert.deepEqual(blocks.map(block => block.type), ['paragraph', 'code', 'quote', 'list', 'list']);
  assert.deepEqual(blocks[0].lines.map(shape), ['Hello', 'there']);
  assert.equal(blocks[1].text, '**raw** <b>');
  assert.deepEqual(blocks[2].blocks[0].lines.map(shape), ['quoted <em>text</em>', 'more']);
  assert.deepEqual(blocks[3].items.map(shape), ['one', '<strong>two</strong>']);
  assert.equal(blocks[4].ordered, true);
  assert.equal(blocks[4].start, 3);
});

test('an unclosed code block runs to the end; deep nesting is bounded', () => {
  assert.deepEqual(parseMessage('```\ncode'), [{ type: 'code', text: 'code' }]);
  const deep = parseMessage('>'.repeat(50) + ' deep');
  let depth = 0;
  for (let block = deep[0]; block?.type === 'quote'; block = block.blocks[0]) depth += 1;
  assert.ok(depth <= 8, `quotes nest at most 8 deep, got ${depth}`);
  const stars = '*'.repeat(5000) + 'x' + '*'.repeat(5000);
  assert.ok(parseInline(stars).length > 0, 'a wall of markers parses, and quickly');
});

test('mentions: @username at the start of a word, and @room; the sentence keeps its full stop', () => {
  assert.deepEqual(parseInline('hi @Alice.'), [text('hi '), { type: 'mention', name: 'alice', text: '@Alice' }, text('.')]);
  assert.equal(inline('mail bob@example.org, **@carol**, `@dave`'), 'mail bob@example.org, <strong>[carol]</strong>, <code>@dave</code>');
  assert.deepEqual([...mentionsIn('@room: ask @bob.smith and @al, not x@carol')], ['room', 'bob.smith']);
});

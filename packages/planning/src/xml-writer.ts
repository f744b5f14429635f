/*
 * Just enough XML writing for the IATI export: escaped text and attributes, and elements as
 * indented lines. Everything a user typed passes through `escapeXmlText` or
 * `escapeXmlAttribute`; element and attribute names are the writer's own constants.
 */

/**
 * Characters XML 1.0 cannot carry at all, not even as a character reference: C0 controls other
 * than tab, line feed and carriage return, lone surrogates, U+FFFE and U+FFFF.
 */
const notXmlCharacter = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text that XML cannot carry is replaced by U+FFFD, so a stray control never breaks the file. */
function xmlCharacters(text: string): string {
  return text.replace(notXmlCharacter, '\uFFFD');
}

/**
 * Character data: `&` and `<` (and `>`, for `]]>`) escaped; a carriage return as a reference,
 * since a parser would otherwise turn it into a line feed.
 */
export function escapeXmlText(text: string): string {
  return xmlCharacters(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/**
 * A double-quoted attribute value: besides the markup characters, tab, line feed and carriage
 * return are written as references, since a parser normalises them to spaces otherwise.
 */
export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}

/** Attributes in the order given; an undefined value leaves its attribute out. */
export type XmlAttributes = Readonly<Record<string, string | number | undefined>>;

function attributesOf(attributes: XmlAttributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`)
    .join('');
}

/** An element as lines: `<name …/>`, or `<name …>text</name>` when it has text. */
export function leafElement(name: string, attributes: XmlAttributes = {}, text?: string): string[] {
  const open = `${name}${attributesOf(attributes)}`;
  return text === undefined ? [`<${open}/>`] : [`<${open}>${escapeXmlText(text)}</${name}>`];
}

/** An element's start tag, for a writer that streams its children. */
export function startTag(name: string, attributes: XmlAttributes = {}): string {
  return `<${name}${attributesOf(attributes)}>`;
}

/**
 * An element holding child elements, each child's lines indented by two spaces; without any,
 * `<name …/>`.
 */
export function parentElement(
  name: string,
  attributes: XmlAttributes,
  children: readonly (readonly string[])[],
): string[] {
  if (children.every((lines) => lines.length === 0)) return leafElement(name, attributes);
  return [
    startTag(name, attributes),
    ...children.flatMap((lines) => lines.map((line) => `  ${line}`)),
    `</${name}>`,
  ];
}

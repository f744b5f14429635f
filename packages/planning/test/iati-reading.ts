import { DOMParser, type Element } from '@xmldom/xmldom';
import { centsOf } from '../src/index.js';

/** The child elements of `parent` named `name`, in document order. */
const children = (parent: Element, name: string): Element[] =>
  Array.from(parent.childNodes).filter(
    (node): node is Element => node.nodeType === node.ELEMENT_NODE && node.nodeName === name,
  );

const child = (parent: Element, name: string): Element | undefined => children(parent, name)[0];

const attribute = (element: Element | undefined, name: string): string | undefined =>
  element?.hasAttribute(name) ? (element.getAttribute(name) ?? undefined) : undefined;

const attributes = <K extends string>(element: Element, names: readonly K[]) =>
  Object.fromEntries(names.map((name) => [name, attribute(element, name) ?? ''])) as Record<
    K,
    string
  >;

/** The text of an element's first narrative. */
const narrative = (element: Element | undefined): string =>
  (element && child(element, 'narrative')?.textContent) ?? '';

/** A value element in whole cents: the decimal as written, read exactly. */
const valueOf = (element: Element) => {
  const value = child(element, 'value');
  return {
    cents: centsOf(value?.textContent ?? ''),
    currency: attribute(value, 'currency') ?? '',
    valueDate: attribute(value, 'value-date') ?? '',
  };
};

function readActivity(activity: Element) {
  return {
    identifier: child(activity, 'iati-identifier')?.textContent ?? '',
    hierarchy: attribute(activity, 'hierarchy') ?? '',
    title: narrative(child(activity, 'title')),
    descriptions: children(activity, 'description').map((d) => ({
      type: attribute(d, 'type') ?? '',
      text: narrative(d),
    })),
    participatingOrgs: children(activity, 'participating-org').map((org) => ({
      role: attribute(org, 'role') ?? '',
      type: attribute(org, 'type'),
      name: narrative(org),
    })),
    status: attribute(child(activity, 'activity-status'), 'code') ?? '',
    dates: Object.fromEntries(
      children(activity, 'activity-date').map((d) => [
        attribute(d, 'type') ?? '',
        attribute(d, 'iso-date') ?? '',
      ]),
    ),
    recipientCountries: children(activity, 'recipient-country').map(
      (c) => attribute(c, 'code') ?? '',
    ),
    sectors: children(activity, 'sector').map((s) =>
      attributes(s, ['vocabulary', 'code', 'percentage']),
    ),
    policyMarkers: children(activity, 'policy-marker').map((m) => ({
      ...attributes(m, ['vocabulary', 'code', 'significance']),
      text: narrative(m),
    })),
    budgets: children(activity, 'budget').map((b) => {
      const { cents, valueDate } = valueOf(b);
      return {
        start: attribute(child(b, 'period-start'), 'iso-date') ?? '',
        end: attribute(child(b, 'period-end'), 'iso-date') ?? '',
        cents,
        valueDate,
      };
    }),
    transactions: children(activity, 'transaction').map((t) => ({
      ref: attribute(t, 'ref') ?? '',
      type: attribute(child(t, 'transaction-type'), 'code') ?? '',
      date: attribute(child(t, 'transaction-date'), 'iso-date') ?? '',
      ...valueOf(t),
      provider: narrative(child(t, 'provider-org')),
    })),
    related: children(activity, 'related-activity').map((r) => attributes(r, ['ref', 'type'])),
  };
}
export type ReadActivity = ReturnType<typeof readActivity>;

/**
 * An IATI activity file read back by a conforming XML parser, as much of it as the export
 * writes: what a consumer of the file would see.
 */
export function readIatiActivities(xml: string): {
  version: string;
  generated: string;
  activities: ReadActivity[];
} {
  const root = new DOMParser({
    // A warning (U+FFFD in the text, say) is no fault of the file's; anything worse is.
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(xml, 'text/xml').documentElement;
  if (root?.nodeName !== 'iati-activities') throw new Error('Not an iati-activities file');
  return {
    version: attribute(root, 'version') ?? '',
    generated: attribute(root, 'generated-datetime') ?? '',
    activities: children(root, 'iati-activity').map(readActivity),
  };
}

import { findCountry, type Id, type Language, type Organisation } from '@prevention/core';
import { z } from 'zod';
import { activityStatuses, markerLevels, stages, type Marker } from './codes.js';
import type { PlanAction } from './action.js';
import { usdOfFlow } from './financing.js';
import type { FundingFlow } from './funding-flow.js';
import {
  dacSignificanceOfMarker,
  genderPolicyMarker,
  humanRightsPolicyMarker,
  iatiActivityDateTypes,
  iatiActivityStatusOfPlan,
  iatiBudget,
  iatiDescriptionTypes,
  IatiOrganisationType,
  iatiOrganisationTypeOf,
  iatiRelatedActivityTypes,
  iatiRoles,
  iatiTransactionTypesOf,
  sdgSectorVocabularies,
  type IatiTransactionType,
} from './iati-codes.js';
import { apportion, centsOf, formatUsd } from './money.js';
import type { CollectiveOutcome } from './outcome.js';
import type { Plan } from './plan.js';
import { leafElement, parentElement, startTag, type XmlAttributes } from './xml-writer.js';

/**
 * An IATI organisation identifier, `{registration agency}-{number}` as org-id.guide has them
 * (`XM-DAC-41114`): no spaces, slashes or other characters an identifier may not hold.
 */
export const IatiOrganisationRef = z
  .string()
  .regex(
    /^[A-Za-z0-9]+(-[A-Za-z0-9._]+)+$/,
    'Expected an IATI organisation identifier such as XM-DAC-41114',
  )
  .max(100);

/** Who publishes the file: every activity's reporting-org, and the prefix of its identifiers. */
export const IatiReportingOrg = z
  .object({
    ref: IatiOrganisationRef,
    type: IatiOrganisationType,
    name: z.string().min(1).max(200),
  })
  .strict();
export type IatiReportingOrg = z.infer<typeof IatiReportingOrg>;

export interface IatiActivitiesInput {
  plan: Pick<Plan, 'id' | 'countryCode' | 'status' | 'content'>;
  /** The organisations the plan names, by id; one missing is written by its id, with no type. */
  organisations: ReadonlyMap<Id, Pick<Organisation, 'name' | 'kind' | 'countryCode'>>;
  reportingOrg: IatiReportingOrg;
  generatedAt: Date;
  /** When the plan last changed, for every activity's `last-updated-datetime`. */
  updatedAt?: Date;
  /**
   * What activity identifiers start with, before `-` and the plan's or action's id. IATI wants
   * the reporting organisation's identifier (the default), or one it reported before.
   */
  identifierPrefix?: string;
  /** The language the plan is written in (default English); the export's own words are English. */
  language?: Language;
}

/** The IATI identifier of the plan's activity and of each action's. */
function iatiIdentifiersOf(
  input: Pick<IatiActivitiesInput, 'plan' | 'reportingOrg' | 'identifierPrefix'>,
): { plan: string; action: (actionId: Id) => string } {
  const prefix = IatiOrganisationRef.parse(input.identifierPrefix ?? input.reportingOrg.ref);
  return { plan: `${prefix}-${input.plan.id}`, action: (actionId) => `${prefix}-${actionId}` };
}

type Lines = readonly string[];

/**
 * The plan as an IATI 2.03 `iati-activities` file, in chunks: the opening, then one activity at
 * a time, so that a large plan is never one string. The plan itself is an activity of
 * hierarchy 1, its parent; each action a child activity of hierarchy 2 with its organisations,
 * status, dates, country, SDG sectors, markers, budget per year and the transactions of the
 * flows to it. Money given to an outcome rather than an action belongs to no action, so its
 * transactions are the plan activity's own, and every flow is written exactly once: the
 * transactions add up to `computePlanFinancing`'s totals (see iati-codes.ts for how each status
 * is written). Values are US dollars at each flow's rate, as the plan counts them.
 */
export function iatiActivitiesXml(input: IatiActivitiesInput): Generator<string, void, undefined> {
  // Built before the first chunk is asked for, so a bad input fails the call, not the stream.
  return activityChunks(new IatiActivityWriter(input), input);
}

function* activityChunks(
  writer: IatiActivityWriter,
  input: IatiActivitiesInput,
): Generator<string, void, undefined> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  const generated = input.generatedAt.toISOString();
  yield `${startTag('iati-activities', { version: '2.03', 'generated-datetime': generated })}\n`;
  yield writer.chunk(writer.planActivity());
  for (const action of input.plan.content.actions)
    yield writer.chunk(writer.actionActivity(action));
  yield '</iati-activities>\n';
}

/** Writes the activities of one plan; each method returns an element as lines. */
class IatiActivityWriter {
  readonly #input: IatiActivitiesInput;
  readonly #language: Language;
  readonly #identifiers: ReturnType<typeof iatiIdentifiersOf>;
  readonly #country: { alpha2: string; name: string };
  readonly #outcomes: ReadonlyMap<Id, CollectiveOutcome>;
  readonly #flowsOf = new Map<Id | null, FundingFlow[]>();

  constructor(input: IatiActivitiesInput) {
    this.#input = input;
    this.#language = input.language ?? 'en';
    this.#identifiers = iatiIdentifiersOf(input);
    const country = findCountry(input.plan.countryCode);
    if (!country) throw new RangeError(`No country ${input.plan.countryCode}`);
    this.#country = country;
    const { content } = input.plan;
    this.#outcomes = new Map(content.outcomes.map((outcome) => [outcome.id, outcome]));
    // Flows by the action they go to; those given to an outcome under `null`, the plan's own.
    for (const flow of content.flows) {
      const key = flow.target.kind === 'action' ? flow.target.actionId : null;
      const list = this.#flowsOf.get(key) ?? [];
      list.push(flow);
      this.#flowsOf.set(key, list);
    }
  }

  /** An activity's lines as one chunk, indented under `iati-activities`. */
  chunk(lines: Lines): string {
    return `${lines.map((line) => `  ${line}`).join('\n')}\n`;
  }

  planActivity(): Lines {
    const { plan, reportingOrg } = this.#input;
    const { content } = plan;
    const outcomeFlows = this.#flowsOf.get(null) ?? [];
    const { startYear, endYear } = content.cycle;
    return this.#activity(1, this.#identifiers.plan, [
      this.#narratives('title', {}, content.title),
      this.#generatedText(
        'description',
        { type: iatiDescriptionTypes.general },
        `The prevention plan of ${this.#country.name} for ${startYear}–${endYear}: ` +
          `${content.actions.length} actions serving ${content.outcomes.length} collective ` +
          'outcomes, each action a child activity. Money given to a collective outcome rather ' +
          'than to an action is reported on this activity.',
      ),
      ...this.#objectives(content.outcomes),
      parentElement(
        'participating-org',
        { ref: reportingOrg.ref, type: reportingOrg.type, role: iatiRoles.accountable },
        [this.#narrative(reportingOrg.name)],
      ),
      ...this.#funders(outcomeFlows, []),
      leafElement('activity-status', { code: iatiActivityStatusOfPlan[plan.status] }),
      leafElement('activity-date', {
        type: iatiActivityDateTypes.plannedStart,
        'iso-date': `${startYear}-01-01`,
      }),
      leafElement('activity-date', {
        type: iatiActivityDateTypes.plannedEnd,
        'iso-date': `${endYear}-12-31`,
      }),
      this.#recipientCountry(),
      ...this.#sdgSectors(content.outcomes),
      ...outcomeFlows.flatMap((flow) => this.#transactions(flow, null)),
      ...content.actions.map((action) =>
        leafElement('related-activity', {
          ref: this.#identifiers.action(action.id),
          type: iatiRelatedActivityTypes.child,
        }),
      ),
    ]);
  }

  actionActivity(action: PlanAction): Lines {
    const flows = this.#flowsOf.get(action.id) ?? [];
    const outcomes = action.outcomeIds.flatMap((id) => this.#outcomes.get(id) ?? []);
    const identifier = this.#identifiers.action(action.id);
    const dates: [string, string | null][] = [
      [iatiActivityDateTypes.plannedStart, action.plannedStart],
      [iatiActivityDateTypes.actualStart, action.actualStart],
      [iatiActivityDateTypes.plannedEnd, action.plannedEnd],
      [iatiActivityDateTypes.actualEnd, action.actualEnd],
    ];
    return this.#activity(2, identifier, [
      this.#narratives('title', {}, action.title),
      this.#generatedText(
        'description',
        { type: iatiDescriptionTypes.general },
        `An action of the prevention plan of ${this.#country.name}, at the ` +
          `${stages[action.stage].en.toLowerCase()} stage of the continuum, for the ` +
          `${action.pillars.join(', ')} ${action.pillars.length === 1 ? 'pillar' : 'pillars'}` +
          `${action.areas.length > 0 ? ` in ${action.areas.join(', ')}` : ''}. ` +
          `Status: ${activityStatuses[action.status].en.toLowerCase()}.`,
      ),
      ...this.#objectives(outcomes),
      this.#participatingOrg(action.leadOrganisationId, iatiRoles.accountable),
      ...action.partners.map((p) => this.#participatingOrg(p.organisationId, p.role)),
      ...this.#funders(
        flows,
        action.partners.filter((p) => p.role === iatiRoles.funding).map((p) => p.organisationId),
      ),
      leafElement('activity-status', { code: action.status }),
      ...dates.flatMap(([type, date]) =>
        date === null ? [] : [leafElement('activity-date', { type, 'iso-date': date })],
      ),
      this.#recipientCountry(),
      ...this.#sdgSectors(outcomes),
      this.#policyMarker(genderPolicyMarker, action.genderMarker),
      this.#policyMarker(
        humanRightsPolicyMarker,
        action.humanRightsMarker,
        `Human rights marker (UN INFO): ${action.humanRightsMarker} of 3, ` +
          markerLevels[action.humanRightsMarker].en.toLowerCase(),
      ),
      ...[...action.requiredBudget]
        .sort((a, b) => a.year.localeCompare(b.year))
        .map(({ year, amountUsd }) =>
          parentElement('budget', iatiBudget, [
            leafElement('period-start', { 'iso-date': `${year}-01-01` }),
            leafElement('period-end', { 'iso-date': `${year}-12-31` }),
            this.#usdValue(centsOf(amountUsd), `${year}-01-01`),
          ]),
        ),
      ...flows.flatMap((flow) =>
        this.#transactions(flow, { organisationId: action.leadOrganisationId, identifier }),
      ),
      leafElement('related-activity', {
        ref: this.#identifiers.plan,
        type: iatiRelatedActivityTypes.parent,
      }),
    ]);
  }

  /** The activity element, its children in the order of the schema's sequence. */
  #activity(hierarchy: 1 | 2, identifier: string, children: Lines[]): Lines {
    const { reportingOrg, updatedAt } = this.#input;
    return parentElement(
      'iati-activity',
      {
        'xml:lang': this.#language,
        'default-currency': 'USD',
        hierarchy,
        'last-updated-datetime': updatedAt?.toISOString(),
      },
      [
        leafElement('iati-identifier', {}, identifier),
        parentElement('reporting-org', { ref: reportingOrg.ref, type: reportingOrg.type }, [
          this.#narrative(reportingOrg.name),
        ]),
        ...children,
      ],
    );
  }

  /** Text the plan's authors wrote, in the activity's language. */
  #narrative(text: string): Lines {
    return leafElement('narrative', {}, text);
  }

  #narratives(name: string, attributes: XmlAttributes, text: string): Lines {
    return parentElement(name, attributes, [this.#narrative(text)]);
  }

  /** Text the export composes, in English, marked so when the plan is in another language. */
  #generatedNarrative(text: string): Lines {
    return leafElement(
      'narrative',
      { 'xml:lang': this.#language === 'en' ? undefined : 'en' },
      text,
    );
  }

  #generatedText(name: string, attributes: XmlAttributes, text: string): Lines {
    return parentElement(name, attributes, [this.#generatedNarrative(text)]);
  }

  /** The outcomes an activity serves, as its objectives. */
  #objectives(outcomes: readonly CollectiveOutcome[]): Lines[] {
    if (outcomes.length === 0) return [];
    const titles = outcomes.map((outcome) => outcome.title).join('; ');
    return [this.#narratives('description', { type: iatiDescriptionTypes.objectives }, titles)];
  }

  #organisation(id: Id): { name: string; type: IatiOrganisationType | undefined } {
    const organisation = this.#input.organisations.get(id);
    if (!organisation) return { name: id, type: undefined };
    const type = iatiOrganisationTypeOf(organisation, this.#input.plan.countryCode);
    return { name: organisation.name, type };
  }

  #participatingOrg(id: Id, role: number): Lines {
    const { name, type } = this.#organisation(id);
    return parentElement('participating-org', { type, role }, [this.#narrative(name)]);
  }

  /**
   * The sources of the counted (committed or disbursed) flows, as funding organisations, once
   * each and not again when the plan already names them as funding partners.
   */
  #funders(flows: readonly FundingFlow[], listed: readonly Id[]): Lines[] {
    const funders = new Set<Id>();
    for (const flow of flows)
      if (flow.status !== 'pledged' && !listed.includes(flow.sourceOrganisationId))
        funders.add(flow.sourceOrganisationId);
    return [...funders].map((id) => this.#participatingOrg(id, iatiRoles.funding));
  }

  #recipientCountry(): Lines {
    return leafElement('recipient-country', { code: this.#country.alpha2, percentage: 100 });
  }

  /**
   * The SDG goals (vocabulary 7) and targets (8) of the outcomes, each vocabulary's percentages
   * equal and adding up to exactly 100, as IATI asks of several sectors in one vocabulary.
   */
  #sdgSectors(outcomes: readonly CollectiveOutcome[]): Lines[] {
    const targets = [...new Set(outcomes.flatMap((outcome) => outcome.sdgTargets))];
    const goals = [...new Set(targets.map((target) => target.slice(0, target.indexOf('.'))))];
    const sectors = (vocabulary: string, codes: readonly string[]) => {
      if (codes.length === 0) return [];
      const shares = apportion(
        100_00,
        codes.map(() => 1),
      );
      return codes.map((code, i) =>
        leafElement('sector', { vocabulary, code, percentage: formatUsd(shares[i] ?? 0) }),
      );
    };
    return [
      ...sectors(sdgSectorVocabularies.goal, goals),
      ...sectors(sdgSectorVocabularies.target, targets),
    ];
  }

  /** A policy marker; one in the reporting organisation's vocabulary says what it is in words. */
  #policyMarker(
    marker: { vocabulary: string; code: string },
    level: Marker,
    words?: string,
  ): Lines {
    return parentElement(
      'policy-marker',
      { ...marker, significance: dacSignificanceOfMarker[level] },
      words === undefined ? [] : [this.#generatedNarrative(words)],
    );
  }

  /** US cents as an IATI value in US dollars. */
  #usdValue(cents: number, valueDate: string): Lines {
    return leafElement('value', { currency: 'USD', 'value-date': valueDate }, formatUsd(cents));
  }

  /**
   * A flow's transactions on the activity it goes to (see `iatiTransactionTypesOf`), dated and
   * valued on the flow's date, in US dollars at its rate; a flow in another currency says what
   * was given in its description. The receiver, on an action, is its lead organisation.
   */
  #transactions(
    flow: FundingFlow,
    receiver: { organisationId: Id; identifier: string } | null,
  ): Lines[] {
    const provider = this.#organisation(flow.sourceOrganisationId);
    const given =
      flow.currency === 'USD'
        ? null
        : `${formatUsd(centsOf(flow.amount))} ${flow.currency} × ${flow.usdRate} USD/${flow.currency}`;
    const description = [flow.description, given].filter((text) => text !== null).join(' — ');
    return iatiTransactionTypesOf[flow.status].map((type: IatiTransactionType) =>
      parentElement('transaction', { ref: flow.id }, [
        leafElement('transaction-type', { code: type }),
        leafElement('transaction-date', { 'iso-date': flow.date }),
        this.#usdValue(usdOfFlow(flow), flow.date),
        ...(description === '' ? [] : [this.#narratives('description', {}, description)]),
        this.#orgReference('provider-org', provider, {}),
        ...(receiver
          ? [
              this.#orgReference('receiver-org', this.#organisation(receiver.organisationId), {
                'receiver-activity-id': receiver.identifier,
              }),
            ]
          : []),
      ]),
    );
  }

  #orgReference(
    name: 'provider-org' | 'receiver-org',
    organisation: { name: string; type: IatiOrganisationType | undefined },
    attributes: XmlAttributes,
  ): Lines {
    return parentElement(name, { ...attributes, type: organisation.type }, [
      this.#narrative(organisation.name),
    ]);
  }
}

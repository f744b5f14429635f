import { z } from 'zod';
import { AppError } from '../app-error.js';
import type { AreaCode } from '../areas/area.js';
import type { FormSection } from '../form/form-builder.js';
import type { FormSectionSpec } from '../form/form-spec.js';
import { Indicator, type Observation } from '../indicator.js';
import type { LocalisedText } from '../localised.js';
import type { Month } from '../period.js';
import { PillarId } from '../pillar.js';
import { FieldSensitivity } from '../redaction.js';
import { nodesOf, type AggregateNode } from '../risk-model.js';
import { stricterSensitivity, type Sensitivity } from '../sensitivity.js';
import { Signal } from '../signal.js';
import { schemaHasPath } from './schema-paths.js';

/**
 * A kind of signal a pillar reports — a conflict event, a violation, a hazard — as the payload
 * of the core `Signal` envelope, with the sensitivity its records and fields get by default.
 */
export interface SignalKind<P extends z.ZodType = z.ZodType> {
  readonly kind: string;
  readonly label: LocalisedText;
  readonly description: LocalisedText;
  readonly payload: P;
  /** The sensitivity of a new record of this kind unless its reporter raises it. */
  readonly sensitivity: Sensitivity;
  /** Default field sensitivities of the payload (paths relative to the payload). */
  readonly fieldSensitivity: FieldSensitivity;
}

/** What `deriveObservations` needs besides the signals; pure data and pure functions. */
export interface DerivationContext {
  /** The months to derive observations for, both included. Earlier signals feed baselines. */
  readonly from: Month;
  readonly to: Month;
  /** The population of an area in a month, for per-capita indicators; undefined if unknown. */
  populationOf(areaCode: AreaCode, month: Month): number | undefined;
}

/**
 * The pillar contract. A pillar is a module that provides its id and labels, its indicator
 * catalogue, the schemas of its signal kinds, its section of a joint assessment (schema and
 * form metadata), its subtree of the risk model, and a function that derives indicator
 * observations from its signals. Pillars know nothing of each other; `risk`, `assessment` and
 * `planning` compose them through this interface, so a fourth pillar needs no change to the
 * other three.
 */
export interface PillarModule<S extends FormSection = FormSection> {
  readonly id: PillarId;
  readonly label: LocalisedText;
  readonly description: LocalisedText;
  readonly indicators: readonly Indicator[];
  readonly signalKinds: readonly SignalKind[];
  readonly assessmentSection: S;
  /** An aggregate node whose id is the pillar id; every node id below starts with `<id>.`. */
  readonly riskModel: AggregateNode;
  /** Observations of the pillar's indicators, for the context's months; other pillars' signals are ignored. */
  deriveObservations(signals: readonly Signal[], context: DerivationContext): Observation[];
}

function fail(pillar: string, message: string): never {
  throw new AppError('BAD_REQUEST', `Pillar ${pillar}: ${message}`);
}

/**
 * Checks a pillar module against the contract and returns it unchanged. Mistakes that would
 * otherwise surface far away — a risk leaf for an indicator not in the catalogue, a field
 * sensitivity for a payload field that does not exist — fail here, when the module loads.
 */
export function definePillarModule<S extends FormSection>(
  module: PillarModule<S>,
): PillarModule<S> {
  const id = PillarId.parse(module.id);
  const codes = new Set<string>();
  for (const indicator of module.indicators) {
    const parsed = Indicator.safeParse(indicator);
    if (!parsed.success) fail(id, `indicator ${indicator.code}: ${z.prettifyError(parsed.error)}`);
    if (indicator.pillar !== id)
      fail(id, `indicator ${indicator.code} belongs to ${indicator.pillar}`);
    if (codes.has(indicator.code)) fail(id, `indicator ${indicator.code} is listed twice`);
    codes.add(indicator.code);
  }

  const kinds = new Set<string>();
  for (const signalKind of module.signalKinds) {
    if (!/^[a-z][a-z0-9-]*$/.test(signalKind.kind)) fail(id, `bad signal kind ${signalKind.kind}`);
    if (kinds.has(signalKind.kind)) fail(id, `signal kind ${signalKind.kind} is listed twice`);
    kinds.add(signalKind.kind);
    FieldSensitivity.parse(signalKind.fieldSensitivity);
    for (const path of Object.keys(signalKind.fieldSensitivity)) {
      if (!schemaHasPath(signalKind.payload, path))
        fail(id, `signal kind ${signalKind.kind} has no payload field ${path}`);
    }
  }

  if (module.assessmentSection.metadata.id !== id)
    fail(id, `its assessment section is called ${module.assessmentSection.metadata.id}`);

  if (module.riskModel.id !== id) fail(id, `its risk subtree is called ${module.riskModel.id}`);
  const nodeIds = new Set<string>();
  for (const node of nodesOf(module.riskModel)) {
    if (node.id !== id && !node.id.startsWith(`${id}.`))
      fail(id, `risk node ${node.id} does not start with ${id}.`);
    if (nodeIds.has(node.id)) fail(id, `risk node ${node.id} appears twice`);
    nodeIds.add(node.id);
    if (node.kind === 'indicator' && !codes.has(node.indicator ?? node.id))
      fail(
        id,
        `risk node ${node.id} reads indicator ${node.indicator ?? node.id}, not in the catalogue`,
      );
  }
  return module;
}

/** The signal kind of a signal, among the given pillars. */
export function findSignalKind(
  pillars: readonly PillarModule[],
  pillar: PillarId,
  kind: string,
): SignalKind | undefined {
  return pillars.find((p) => p.id === pillar)?.signalKinds.find((k) => k.kind === kind);
}

/**
 * Validates a signal: the envelope, then the payload with the schema of its pillar's kind.
 * The result carries the stricter of the reporter's and the kind's default field
 * sensitivities, so a reporter can raise a field's sensitivity but never lower it.
 */
export function parseSignal(pillars: readonly PillarModule[], input: unknown): Signal {
  const envelope = Signal.safeParse(input);
  if (!envelope.success)
    throw new AppError('BAD_REQUEST', 'The signal is not valid.', {
      issues: envelope.error.issues.map((i) => ({ path: i.path.map(pathKey), message: i.message })),
    });
  const signal = envelope.data;
  const kind = findSignalKind(pillars, signal.pillar, signal.kind);
  if (!kind)
    throw new AppError(
      'BAD_REQUEST',
      `No pillar ${signal.pillar} with a signal kind ${signal.kind}.`,
    );
  const payload = kind.payload.safeParse(signal.payload);
  if (!payload.success)
    throw new AppError('BAD_REQUEST', `The ${kind.kind} payload is not valid.`, {
      issues: payload.error.issues.map((i) => ({
        path: ['payload', ...i.path.map(pathKey)],
        message: i.message,
      })),
    });
  const fieldSensitivity: FieldSensitivity = { ...signal.fieldSensitivity };
  for (const [path, level] of Object.entries(kind.fieldSensitivity)) {
    const given = fieldSensitivity[path];
    fieldSensitivity[path] = given ? stricterSensitivity(given, level) : level;
  }
  return {
    ...signal,
    sensitivity: stricterSensitivity(signal.sensitivity, kind.sensitivity),
    fieldSensitivity,
    payload: payload.data as Record<string, unknown>,
  };
}

function pathKey(key: PropertyKey): string | number {
  return typeof key === 'number' ? key : String(key);
}

/** The key of a pillar's section in a composed assessment: its id in camelCase. */
export function sectionKey(pillar: PillarId): string {
  return pillar.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export interface ComposedAssessmentSections {
  /** One entry per pillar, in the order given: what a client renders. */
  readonly sections: readonly {
    pillar: PillarId;
    key: string;
    label: LocalisedText;
    metadata: FormSectionSpec;
  }[];
  /** The pillar sections of a joint assessment, keyed by `sectionKey(pillar)`. */
  readonly schema: z.ZodObject;
  /** Each section's own level under its key, and its field sensitivities below it. */
  readonly fieldSensitivity: FieldSensitivity;
}

/**
 * The pillar part of a joint assessment, composed from any set of pillar modules: the joint
 * assessment package adds the cross-cutting parts (team, gender analysis, risks …) around it.
 */
export function composeAssessmentSections(
  pillars: readonly PillarModule[],
): ComposedAssessmentSections {
  const keys = new Set<string>();
  const fieldSensitivity: FieldSensitivity = {};
  const shape: Record<string, z.ZodType> = {};
  const sections = pillars.map((pillar) => {
    const key = sectionKey(pillar.id);
    if (keys.has(key)) throw new AppError('BAD_REQUEST', `Pillar ${pillar.id} is listed twice.`);
    keys.add(key);
    shape[key] = pillar.assessmentSection.schema;
    fieldSensitivity[key] = pillar.assessmentSection.metadata.sensitivity;
    for (const [path, level] of Object.entries(pillar.assessmentSection.fieldSensitivity))
      fieldSensitivity[`${key}.${path}`] = level;
    return {
      pillar: pillar.id,
      key,
      label: pillar.label,
      metadata: pillar.assessmentSection.metadata,
    };
  });
  return { sections, schema: z.object(shape).strict(), fieldSensitivity };
}

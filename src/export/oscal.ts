/**
 * The review as an OSCAL mapping collection (NIST OSCAL control mapping model, 1.2.0 metaschema): the
 * code's units are the sources, the law's provisions the targets, and each exported link is one
 * `map` carrying the NIST IR 8477 relationship, matching rationale and strength the user recorded.
 *
 * OSCAL puts the mapping `method` on a `mapping`, not on a `map`, so links are grouped into one
 * mapping per method: `human` (links a person added and accepted), `hybrid` (machine suggestions a
 * person accepted) and, only with `includeSuggestions`, `automation` (machine suggestions nobody
 * has reviewed yet, each also flagged by a `link-status` property). Rejected links are never
 * exported. Strings in, a string out; given `uuid` and `now` the output is deterministic.
 */
import { formatCitation } from '../citations/format';
import type {
  Annotation,
  DocumentRecord,
  LinkRecord,
  ProjectRecord,
  RationaleType,
  Relationship,
} from '../model/review';

/** The OSCAL version the emitted document claims (the release that carries the mapping model). */
export const OSCAL_VERSION = '1.2.0';

/** Namespace of the properties and relationship values that are Crosswalk's, not OSCAL's. */
export const CROSSWALK_OSCAL_NS = 'urn:crosswalk:ns:oscal';

/** The relationship token used (in CROSSWALK_OSCAL_NS) for a link nobody has assessed yet. */
export const UNASSESSED_RELATIONSHIP = 'not-assessed';

export type OscalMethod = 'human' | 'hybrid' | 'automation';

/** NIST IR 8477 relationships as OSCAL's `relationship` tokens. */
export const OSCAL_RELATIONSHIPS: Readonly<Record<Relationship, string>> = {
  equal: 'equal-to',
  'subset-of': 'subset-of',
  'superset-of': 'superset-of',
  'intersects-with': 'intersects-with',
  'no-relationship': 'no-relationship',
};

export interface OscalMappingInput {
  readonly project: ProjectRecord;
  readonly lawDocument: DocumentRecord;
  readonly codeDocument: DocumentRecord;
  readonly links: readonly LinkRecord[];
  readonly annotations: readonly Annotation[];
  /** Called once per uuid needed, in document order: pass a seeded generator for stable output. */
  readonly uuid: () => string;
  /** ISO 8601 time written as `last-modified`. */
  readonly now: string;
  /** Also export machine suggestions nobody has accepted yet (method `automation`, flagged). */
  readonly includeSuggestions?: boolean;
}

interface OscalProp {
  readonly name: string;
  readonly ns: string;
  readonly value: string;
}

interface OscalMapItem {
  readonly type: 'control';
  readonly 'id-ref': string;
  readonly props: readonly OscalProp[];
}

export interface OscalMap {
  readonly uuid: string;
  readonly ns?: string;
  readonly 'matching-rationale'?: RationaleType;
  readonly relationship: string;
  readonly sources: readonly OscalMapItem[];
  readonly targets: readonly OscalMapItem[];
  readonly 'confidence-score'?: { readonly percentage: number };
  readonly props: readonly OscalProp[];
  readonly remarks?: string;
}

export interface OscalMapping {
  readonly uuid: string;
  readonly method: OscalMethod;
  readonly 'source-resource': OscalResource;
  readonly 'target-resource': OscalResource;
  readonly maps: readonly OscalMap[];
  readonly 'mapping-description': string;
}

interface OscalResource {
  readonly type: 'catalog';
  readonly href: string;
  readonly props: readonly OscalProp[];
  readonly remarks: string;
}

export interface OscalMappingCollection {
  readonly 'mapping-collection': {
    readonly uuid: string;
    readonly metadata: {
      readonly title: string;
      readonly 'last-modified': string;
      readonly version: string;
      readonly 'oscal-version': string;
    };
    readonly provenance: {
      readonly method: OscalMethod;
      readonly 'matching-rationale': RationaleType;
      readonly status: 'complete' | 'draft';
      readonly 'mapping-description': string;
    };
    readonly mappings: readonly OscalMapping[];
  };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Oldest first, as the memo orders verdicts: the last one is the current verdict. */
function byTime(a: Annotation, b: Annotation): number {
  return compare(a.updatedAt, b.updatedAt) || compare(a.author, b.author) || compare(a.id, b.id);
}

function prop(name: string, value: string): OscalProp {
  return { name, ns: CROSSWALK_OSCAL_NS, value };
}

function methodOf(link: LinkRecord): OscalMethod | null {
  if (link.status === 'accepted') return link.origin === 'user' ? 'human' : 'hybrid';
  if (link.status === 'suggested' && link.origin === 'machine') return 'automation';
  return null;
}

const METHOD_ORDER: readonly OscalMethod[] = ['human', 'hybrid', 'automation'];

const METHOD_DESCRIPTION: Readonly<Record<OscalMethod, string>> = {
  human: 'Links a reviewer added by hand and accepted.',
  hybrid: 'Links the linker suggested and a reviewer accepted.',
  automation:
    'Machine suggestions nobody has reviewed yet (flagged `link-status: suggested`): not a finding.',
};

function resource(document: DocumentRecord): OscalResource {
  return {
    type: 'catalog',
    href: `urn:sha256:${document.fingerprint}`,
    props: [prop('file-name', document.fileName), prop('document-kind', document.kind)],
    remarks: document.title,
  };
}

function item(id: string): OscalMapItem {
  return {
    type: 'control',
    'id-ref': id,
    props: [{ name: 'label', ns: CROSSWALK_OSCAL_NS, value: formatCitation(id) }],
  };
}

/** The most used rationale type among the exported verdicts; `semantic` when there is none. */
function dominantRationale(verdicts: readonly (Annotation | undefined)[]): RationaleType {
  const counts: Record<RationaleType, number> = { syntactic: 0, semantic: 0, functional: 0 };
  for (const verdict of verdicts) if (verdict?.rationaleType) counts[verdict.rationaleType] += 1;
  let best: RationaleType = 'semantic';
  for (const type of ['semantic', 'syntactic', 'functional'] as const)
    if (counts[type] > counts[best]) best = type;
  return best;
}

function toMap(
  link: LinkRecord,
  verdict: Annotation | undefined,
  method: OscalMethod,
  uuid: string,
): OscalMap {
  const relationship = verdict?.relationship ?? null;
  const props: OscalProp[] = [prop('link-status', link.status), prop('link-origin', link.origin)];
  if (verdict?.stance) props.push(prop('stance', verdict.stance));
  if (verdict?.strength != null) props.push(prop('strength', String(verdict.strength)));
  if (verdict) props.push(prop('review-status', verdict.status));
  if (verdict && verdict.author !== '') props.push(prop('reviewer', verdict.author));
  for (const tag of verdict?.tags ?? []) props.push(prop('tag', tag));
  for (const basis of link.basis) props.push(prop('basis', basis));
  const remarks = [
    method === 'automation' ? '**Machine suggestion, not reviewed.**' : '',
    verdict?.rationale ?? '',
  ]
    .filter((part) => part.trim() !== '')
    .join('\n\n');
  return {
    uuid,
    ...(relationship === null ? { ns: CROSSWALK_OSCAL_NS } : {}),
    ...(verdict?.rationaleType ? { 'matching-rationale': verdict.rationaleType } : {}),
    relationship: relationship === null ? UNASSESSED_RELATIONSHIP : OSCAL_RELATIONSHIPS[relationship],
    sources: [item(link.source)],
    targets: [item(link.target)],
    ...(method === 'automation' && link.score !== null
      ? { 'confidence-score': { percentage: link.score } }
      : {}),
    props,
    ...(remarks === '' ? {} : { remarks }),
  };
}

/** Builds the mapping collection as data (see renderOscalMapping for the JSON text). */
export function buildOscalMapping(input: OscalMappingInput): OscalMappingCollection {
  const { project, lawDocument, codeDocument, now, uuid } = input;
  const latest = new Map<string, Annotation>();
  const key = (source: string, target: string): string => `${source}\u0000${target}`;
  for (const annotation of [...input.annotations].sort(byTime)) {
    if (annotation.target === null || annotation.projectId !== project.id) continue;
    latest.set(key(annotation.source, annotation.target), annotation);
  }

  const groups = new Map<OscalMethod, LinkRecord[]>();
  for (const link of input.links) {
    if (link.projectId !== project.id) continue;
    const method = methodOf(link);
    if (method === null || (method === 'automation' && input.includeSuggestions !== true)) continue;
    const list = groups.get(method) ?? [];
    list.push(link);
    groups.set(method, list);
  }

  const collectionUuid = uuid();
  const exported: (Annotation | undefined)[] = [];
  const mappings: OscalMapping[] = [];
  for (const method of METHOD_ORDER) {
    const links = groups.get(method);
    if (links === undefined) continue;
    links.sort((a, b) => compare(a.source, b.source) || compare(a.target, b.target) || compare(a.id, b.id));
    const mappingUuid = uuid();
    const maps = links.map((link) => {
      const verdict = latest.get(key(link.source, link.target));
      exported.push(verdict);
      return toMap(link, verdict, method, uuid());
    });
    mappings.push({
      uuid: mappingUuid,
      method,
      'source-resource': resource(codeDocument),
      'target-resource': resource(lawDocument),
      maps,
      'mapping-description': METHOD_DESCRIPTION[method],
    });
  }

  const methods = mappings.map((m) => m.method);
  // Nothing exported yet: the collection is (so far) a person's work.
  const overall: OscalMethod = methods.every((m) => m === 'human')
    ? 'human'
    : methods.every((m) => m === 'automation')
      ? 'automation'
      : 'hybrid';
  const complete =
    !methods.includes('automation') &&
    exported.every((verdict) => verdict !== undefined && verdict.status === 'reviewed');

  return {
    'mapping-collection': {
      uuid: collectionUuid,
      metadata: {
        title: `${project.name}: ${codeDocument.title} mapped to ${lawDocument.title}`,
        'last-modified': now,
        version: project.updatedAt,
        'oscal-version': OSCAL_VERSION,
      },
      provenance: {
        method: overall,
        'matching-rationale': dominantRationale(exported),
        status: complete ? 'complete' : 'draft',
        'mapping-description':
          `Crosswalk review of "${codeDocument.title}" (sources: code units) against ` +
          `"${lawDocument.title}" (targets: law provisions). Relationships follow NIST IR 8477, read ` +
          'from the code unit (source) to the law provision (target). A relationship of ' +
          `\`${UNASSESSED_RELATIONSHIP}\` (namespace ${CROSSWALK_OSCAL_NS}) marks a link whose ` +
          'relationship was not assessed.',
      },
      mappings,
    },
  };
}

/** The review as OSCAL mapping-collection JSON (two-space indent, trailing newline). */
export function renderOscalMapping(input: OscalMappingInput): string {
  return `${JSON.stringify(buildOscalMapping(input), null, 2)}\n`;
}

import { describe, expect, it } from 'vitest';
import { formatCitation } from '../../src/citations/format';
import {
  buildOscalMapping,
  CROSSWALK_OSCAL_NS,
  OSCAL_RELATIONSHIPS,
  renderOscalMapping,
  UNASSESSED_RELATIONSHIP,
  type OscalMap,
  type OscalMappingCollection,
  type OscalMappingInput,
} from '../../src/export/oscal';
import { RELATIONSHIPS, type Annotation, type LinkRecord } from '../../src/model/review';
import { annotation, ANNOTATIONS, CODE_DOC, LAW_DOC, link, LINKS, PROJECT, T2 } from './fixtures';

function counter(): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  };
}

function input(patch: Partial<OscalMappingInput> = {}): OscalMappingInput {
  return {
    project: PROJECT,
    lawDocument: LAW_DOC,
    codeDocument: CODE_DOC,
    links: LINKS,
    annotations: ANNOTATIONS,
    uuid: counter(),
    now: T2,
    ...patch,
  };
}

function parse(text: string): OscalMappingCollection {
  return JSON.parse(text) as OscalMappingCollection;
}

const allMaps = (doc: OscalMappingCollection): OscalMap[] =>
  doc['mapping-collection'].mappings.flatMap((m) => m.maps);

const pair = (m: OscalMap): string => `${m.sources[0]?.['id-ref'] ?? ''}->${m.targets[0]?.['id-ref'] ?? ''}`;

describe('renderOscalMapping', () => {
  it('writes an OSCAL mapping-collection', () => {
    const text = renderOscalMapping(input());
    expect(text).toMatch(/^\{\n {2}"mapping-collection": \{\n {4}"uuid": /);
    expect(text.endsWith('}\n')).toBe(true);
    const doc = parse(text)['mapping-collection'];
    expect(doc.uuid).toBe('00000000-0000-4000-8000-000000000001');
    expect(doc.metadata).toEqual({
      title: `${PROJECT.name}: ${CODE_DOC.title} mapped to ${LAW_DOC.title}`,
      'last-modified': T2,
      version: PROJECT.updatedAt,
      'oscal-version': '1.2.0',
    });
    expect(doc.provenance.method).toBe('hybrid');
    expect(doc.provenance['matching-rationale']).toBe('semantic');
    expect(doc.provenance.status).toBe('draft');
    expect(typeof doc.provenance['mapping-description']).toBe('string');
    for (const mapping of doc.mappings) {
      expect(mapping['source-resource']).toMatchObject({
        type: 'catalog',
        href: `urn:sha256:${CODE_DOC.fingerprint}`,
      });
      expect(mapping['target-resource']).toMatchObject({
        type: 'catalog',
        href: `urn:sha256:${LAW_DOC.fingerprint}`,
      });
      expect(mapping.maps.length).toBeGreaterThan(0);
    }
    const uuids = [doc.uuid, ...doc.mappings.flatMap((m) => [m.uuid, ...m.maps.map((x) => x.uuid)])];
    expect(new Set(uuids).size).toBe(uuids.length);
  });

  it('is deterministic given uuid and now', () => {
    expect(renderOscalMapping(input())).toBe(renderOscalMapping(input()));
    const reversed = input({ links: [...LINKS].reverse(), annotations: [...ANNOTATIONS].reverse() });
    expect(renderOscalMapping(reversed)).toBe(renderOscalMapping(input()));
  });

  it('maps every accepted link once, and no rejected or suggested one by default', () => {
    const doc = buildOscalMapping(input());
    const accepted = LINKS.filter((l) => l.status === 'accepted').map((l) => `${l.source}->${l.target}`);
    expect(allMaps(doc).map(pair).sort()).toEqual([...accepted].sort());
    const methods = Object.fromEntries(
      doc['mapping-collection'].mappings.map((m) => [m.method, m.maps.map(pair)]),
    );
    expect(methods.human).toEqual(['msr_9.3__point_1->art_3__point_49']);
    expect(methods.hybrid).toHaveLength(3);
    expect(methods.automation).toBeUndefined();
  });

  it('adds unreviewed machine suggestions, flagged, only when asked', () => {
    const doc = buildOscalMapping(input({ includeSuggestions: true }))['mapping-collection'];
    const automation = doc.mappings.find((m) => m.method === 'automation');
    expect(automation?.maps.map(pair)).toEqual(['msr_9.3->art_53__para_1__point_a']);
    const map = automation?.maps[0];
    expect(map?.props).toContainEqual({ name: 'link-status', ns: CROSSWALK_OSCAL_NS, value: 'suggested' });
    expect(map?.remarks).toMatch(/Machine suggestion, not reviewed/);
    expect(map?.['confidence-score']).toEqual({ percentage: 0.4 });
    expect(doc.provenance.method).toBe('hybrid');
    expect(doc.provenance.status).toBe('draft');
    expect(allMaps({ 'mapping-collection': doc }).map(pair)).not.toContain(
      'msr_9.3->art_55__para_1__point_a',
    );
  });

  it('carries the verdict: relationship, rationale type, strength, remarks, citation labels', () => {
    const doc = buildOscalMapping(input());
    const map = allMaps(doc).find((m) => pair(m) === 'msr_9.3->art_55__para_1__point_c');
    expect(map?.relationship).toBe('subset-of');
    expect(map?.ns).toBeUndefined();
    expect(map?.['matching-rationale']).toBe('semantic');
    expect(map?.remarks).toBe('Two days is stricter than “without undue delay”.');
    expect(map?.props).toContainEqual({ name: 'strength', ns: CROSSWALK_OSCAL_NS, value: '7' });
    expect(map?.props).toContainEqual({ name: 'stance', ns: CROSSWALK_OSCAL_NS, value: 'expands' });
    expect(map?.sources).toEqual([
      {
        type: 'control',
        'id-ref': 'msr_9.3',
        props: [{ name: 'label', ns: CROSSWALK_OSCAL_NS, value: formatCitation('msr_9.3') }],
      },
    ]);
    expect(map?.targets[0]?.props[0]?.value).toBe('Article 55(1), point (c)');
  });

  it('marks a link with no assessed relationship in its own namespace', () => {
    const doc = buildOscalMapping(input());
    const map = allMaps(doc).find((m) => pair(m) === 'cmt_9->art_55__para_1');
    expect(map?.relationship).toBe(UNASSESSED_RELATIONSHIP);
    expect(map?.ns).toBe(CROSSWALK_OSCAL_NS);
    expect(map?.remarks).toBeUndefined();
  });

  it('maps every NIST IR 8477 relationship to its OSCAL token', () => {
    const expected: Record<string, string> = {
      equal: 'equal-to',
      'subset-of': 'subset-of',
      'superset-of': 'superset-of',
      'intersects-with': 'intersects-with',
      'no-relationship': 'no-relationship',
    };
    expect(OSCAL_RELATIONSHIPS).toEqual(expected);
    for (const relationship of RELATIONSHIPS) {
      const links: LinkRecord[] = [link('msr_9.3', 'art_55__para_1__point_c')];
      const annotations: Annotation[] = [
        annotation('x', 'msr_9.3', 'art_55__para_1__point_c', { relationship, rationaleType: 'functional' }),
      ];
      const doc = buildOscalMapping(input({ links, annotations }));
      const [map] = allMaps(doc);
      expect(map?.relationship).toBe(expected[relationship]);
      expect(map?.['matching-rationale']).toBe('functional');
      expect(doc['mapping-collection'].provenance['matching-rationale']).toBe('functional');
      expect(doc['mapping-collection'].provenance.status).toBe('complete');
    }
  });

  it('uses the latest verdict on a link', () => {
    const links = [link('msr_9.3', 'art_55__para_1__point_c')];
    const annotations = [
      annotation('new', 'msr_9.3', 'art_55__para_1__point_c', { relationship: 'equal', updatedAt: T2 }),
      annotation('old', 'msr_9.3', 'art_55__para_1__point_c', { relationship: 'superset-of' }),
    ];
    const [map] = allMaps(buildOscalMapping(input({ links, annotations })));
    expect(map?.relationship).toBe('equal-to');
  });

  it('round-trips through JSON.parse, hostile text unchanged', () => {
    const hostile = 'He said "no" \\ </script><script>alert(1)</script> — ünïcödé 🚀 \u2028\u0000 \n`x`';
    const links = [link('msr_9.3', 'art_55__para_1__point_c')];
    const annotations = [
      annotation('h', 'msr_9.3', 'art_55__para_1__point_c', {
        rationale: hostile,
        tags: [hostile],
        author: hostile,
      }),
    ];
    const project = { ...PROJECT, name: hostile };
    const text = renderOscalMapping(input({ links, annotations, project }));
    const doc = parse(text);
    expect(doc).toEqual(buildOscalMapping(input({ links, annotations, project })));
    expect(doc['mapping-collection'].metadata.title.startsWith(hostile)).toBe(true);
    const [map] = allMaps(doc);
    expect(map?.remarks).toBe(hostile);
    expect(map?.props).toContainEqual({ name: 'tag', ns: CROSSWALK_OSCAL_NS, value: hostile });
    expect(map?.props).toContainEqual({ name: 'reviewer', ns: CROSSWALK_OSCAL_NS, value: hostile });
  });

  it('writes no mappings when nothing is accepted', () => {
    const doc = buildOscalMapping(input({ links: [], annotations: [] }))['mapping-collection'];
    expect(doc.mappings).toEqual([]);
    expect(doc.provenance.method).toBe('human');
  });
});

/**
 * Links: the linker's suggestions are stored for review, and running the linker again never
 * overrides what the user decided or added by hand.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  addUserLink,
  createProject,
  linksFor,
  newAnnotation,
  projectLinks,
  saveAnnotation,
  saveSuggestions,
  setLinkStatus,
} from '../../../renderer/db';
import { suggestLinks, type LinkReport, type LinkSuggestion } from '../../../src/linking/suggest';
import { linkId } from '../../../src/model/review';
import { MINI_CODE, MINI_LAW } from '../../support/trees';
import { miniProject } from './setup';

const setUp = miniProject;

function suggestion(source: string, target: string, rank: number, score = 0.5): LinkSuggestion {
  return {
    source,
    target,
    rank,
    score,
    basis: ['similarity'],
    evidence: [`shares key terms (run score ${score})`],
    suggestedStance: null,
  };
}

const report = (...links: LinkSuggestion[]): LinkReport => ({ links, unresolved: [] });

describe('saveSuggestions', () => {
  it('stores every suggestion of a real linker run as a machine link awaiting review', async () => {
    const { db, projectId } = await setUp();
    const run = suggestLinks(MINI_LAW, MINI_CODE);
    expect(run.links.length).toBeGreaterThan(0);
    const saved = await saveSuggestions(db, projectId, run);
    expect(saved).toEqual({ added: run.links.length, refreshed: 0, removed: 0 });
    const stored = await projectLinks(db, projectId);
    expect(stored).toHaveLength(run.links.length);
    for (const s of run.links) {
      const link = await db.links.get(linkId(projectId, s.source, s.target));
      expect(link).toMatchObject({
        projectId,
        source: s.source,
        target: s.target,
        status: 'suggested',
        origin: 'machine',
        rank: s.rank,
        score: s.score,
        basis: s.basis,
        evidence: s.evidence,
        suggestedStance: s.suggestedStance,
      });
    }
  });

  it('keeps accepted and rejected decisions across a re-run, refreshing only the machine’s figures', async () => {
    const { db, projectId } = await setUp();
    await saveSuggestions(
      db,
      projectId,
      report(
        suggestion('msr_6.2', 'art_55__para_1__point_d', 1, 0.9),
        suggestion('msr_6.2', 'art_53__para_1__point_a', 2, 0.4),
        suggestion('msr_9.3', 'art_55__para_1__point_c', 1, 0.8),
      ),
    );
    await setLinkStatus(db, linkId(projectId, 'msr_6.2', 'art_55__para_1__point_d'), 'accepted');
    await setLinkStatus(db, linkId(projectId, 'msr_6.2', 'art_53__para_1__point_a'), 'rejected');

    const saved = await saveSuggestions(
      db,
      projectId,
      report(
        suggestion('msr_6.2', 'art_53__para_1__point_a', 1, 0.7),
        suggestion('msr_6.2', 'art_55__para_1__point_d', 2, 0.6),
        suggestion('msr_9.3', 'art_55__para_1__point_c', 1, 0.85),
      ),
    );
    expect(saved).toEqual({ added: 0, refreshed: 3, removed: 0 });
    const links = await linksFor(db, projectId, 'msr_6.2');
    expect(links.map((l) => [l.target, l.status, l.rank, l.score])).toEqual([
      ['art_53__para_1__point_a', 'rejected', 1, 0.7],
      ['art_55__para_1__point_d', 'accepted', 2, 0.6],
    ]);
    expect(links[0]?.evidence).toEqual(['shares key terms (run score 0.7)']);
  });

  it('drops stale suggestions nobody acted on, and keeps decided, annotated and hand-made ones', async () => {
    const { db, projectId } = await setUp();
    await saveSuggestions(
      db,
      projectId,
      report(
        suggestion('msr_6.2', 'art_55__para_1__point_d', 1),
        suggestion('msr_6.2', 'art_53__para_1__point_a', 2),
        suggestion('msr_6.2', 'art_53__para_1__point_c', 3),
        suggestion('msr_6.2', 'art_55__para_1__point_b', 4),
      ),
    );
    await setLinkStatus(db, linkId(projectId, 'msr_6.2', 'art_53__para_1__point_a'), 'rejected');
    await saveAnnotation(
      db,
      newAnnotation({
        projectId,
        source: 'msr_6.2',
        target: 'art_53__para_1__point_c',
        quote: { exact: 'x', prefix: '', suffix: '' },
        rationale: 'Copyright is not a security matter.',
      }),
    );
    await addUserLink(db, projectId, 'msr_6.2', 'art_55__para_1__point_a');

    // The new run suggests none of them.
    const saved = await saveSuggestions(
      db,
      projectId,
      report(suggestion('msr_9.3', 'art_55__para_1__point_c', 1)),
    );
    expect(saved).toEqual({ added: 1, refreshed: 0, removed: 2 });
    const left = (await linksFor(db, projectId, 'msr_6.2')).map((l) => [l.target, l.status, l.origin]);
    expect(left).toEqual([
      ['art_53__para_1__point_a', 'rejected', 'machine'],
      ['art_53__para_1__point_c', 'suggested', 'machine'],
      ['art_55__para_1__point_a', 'accepted', 'user'],
    ]);
  });

  it('leaves a link the user added as the user made it when the linker later suggests it too', async () => {
    const { db, projectId } = await setUp();
    const mine = await addUserLink(db, projectId, 'msr_9.3', 'art_55__para_1__point_c');
    const saved = await saveSuggestions(
      db,
      projectId,
      report(suggestion('msr_9.3', 'art_55__para_1__point_c', 1, 0.9)),
    );
    expect(saved).toEqual({ added: 0, refreshed: 0, removed: 0 });
    expect(await db.links.get(mine.id)).toEqual(mine);
  });

  it('is refused for a project that does not exist', async () => {
    const { db } = await setUp();
    await expect(saveSuggestions(db, 'missing', report(suggestion('a', 'b', 1)))).rejects.toThrow(
      /no such project/,
    );
    expect(await db.links.count()).toBe(0);
  });
});

describe('user links', () => {
  it('adds a hand-made link as accepted, with no machine figures', async () => {
    const { db, projectId } = await setUp();
    const link = await addUserLink(db, projectId, 'msr_9.3__point_1', 'art_55__para_1__point_c');
    expect(link).toMatchObject({
      id: linkId(projectId, 'msr_9.3__point_1', 'art_55__para_1__point_c'),
      status: 'accepted',
      origin: 'user',
      rank: null,
      score: null,
      basis: [],
      evidence: [],
      suggestedStance: null,
    });
    expect(await linksFor(db, projectId, 'msr_9.3__point_1')).toEqual([link]);
  });

  it('accepts the machine’s suggestion for the pair instead of making a second link', async () => {
    const { db, projectId } = await setUp();
    await saveSuggestions(db, projectId, report(suggestion('msr_6.2', 'art_55__para_1__point_d', 1, 0.9)));
    const link = await addUserLink(db, projectId, 'msr_6.2', 'art_55__para_1__point_d');
    expect(link).toMatchObject({ status: 'accepted', origin: 'machine', rank: 1, score: 0.9 });
    expect(link.evidence).toEqual(['shares key terms (run score 0.9)']);
    expect(await linksFor(db, projectId, 'msr_6.2')).toEqual([link]);
  });

  it('setLinkStatus records a decision, can take it back, and ignores a missing link', async () => {
    const { db, projectId } = await setUp();
    await saveSuggestions(db, projectId, report(suggestion('msr_6.2', 'art_55__para_1__point_d', 1)));
    const id = linkId(projectId, 'msr_6.2', 'art_55__para_1__point_d');
    expect((await setLinkStatus(db, id, 'rejected'))?.status).toBe('rejected');
    expect((await db.links.get(id))?.status).toBe('rejected');
    expect((await setLinkStatus(db, id, 'suggested'))?.status).toBe('suggested');
    expect(await setLinkStatus(db, 'nope', 'accepted')).toBeNull();
    expect(await db.links.count()).toBe(1);
  });

  it('lists a unit’s links by rank, hand-made ones after, and no other unit’s or project’s', async () => {
    const { db, projectId } = await setUp();
    const other = await createProject(db, {
      name: 'Other',
      lawFingerprint: MINI_LAW.document.fingerprint,
      codeFingerprint: MINI_CODE.document.fingerprint,
      sample: false,
    });
    await saveSuggestions(
      db,
      projectId,
      report(
        suggestion('msr_6.2', 'art_53__para_1__point_a', 2),
        suggestion('msr_6.2', 'art_55__para_1__point_d', 1),
        suggestion('msr_9.3', 'art_55__para_1__point_c', 1),
      ),
    );
    await addUserLink(db, projectId, 'msr_6.2', 'art_3__point_65');
    await addUserLink(db, other.id, 'msr_6.2', 'art_3__point_49');
    expect((await linksFor(db, projectId, 'msr_6.2')).map((l) => l.target)).toEqual([
      'art_55__para_1__point_d',
      'art_53__para_1__point_a',
      'art_3__point_65',
    ]);
    expect((await projectLinks(db, projectId)).map((l) => `${l.source} ${l.target}`)).toEqual([
      'msr_6.2 art_55__para_1__point_d',
      'msr_6.2 art_53__para_1__point_a',
      'msr_6.2 art_3__point_65',
      'msr_9.3 art_55__para_1__point_c',
    ]);
  });
});

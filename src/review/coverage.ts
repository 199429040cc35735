/**
 * The law's side of a review: which articles (and which of their paragraphs and points) the code
 * reaches, through links a reviewer accepted or suggestions still open, and which articles it
 * leaves untouched. Rejected links count nowhere: the reviewer said the code does not go there.
 */
import type { ClauseTree, Unit } from '../model/clause';
import type { LinkRecord } from '../model/review';
import { commitmentOf } from './overview';

export interface LinkCounts {
  readonly accepted: number;
  /** Open suggestions: links neither accepted nor rejected. */
  readonly suggested: number;
}

/** Link counts of one law provision: to it alone, and to it or anything inside it. */
export interface ProvisionCounts {
  readonly own: LinkCounts;
  readonly within: LinkCounts;
}

/**
 * How far the code reaches an article (or annex): `accepted` once a link to it or inside it is
 * accepted; `suggested` while only open suggestions lead there; `untouched` when nothing does.
 */
export type CoverageState = 'accepted' | 'suggested' | 'untouched';

export interface ProvisionCoverage {
  readonly id: string;
  readonly unit: Unit;
  readonly counts: ProvisionCounts;
}

export interface ArticleCoverage {
  /** The article's (or annex's, or for provisions outside both, the provision's own) clause id. */
  readonly id: string;
  readonly unit: Unit;
  /** Accepted links to the article or anything inside it. */
  readonly accepted: number;
  /** Open suggestions to the article or anything inside it. */
  readonly suggested: number;
  readonly state: CoverageState;
  /** Code units with an accepted link here, in the code's order. */
  readonly acceptedSources: readonly string[];
  /** Code units with open suggestions here but no accepted link, in the code's order. */
  readonly suggestedSources: readonly string[];
  /** The links themselves: accepted, then suggested; each in the code's order, then the law's. */
  readonly links: readonly LinkRecord[];
  /** The article and the provisions inside it that links reach, in the law's order. */
  readonly provisions: readonly ProvisionCoverage[];
}

export interface ChapterCoverage {
  /** The chapter's clause id; `annexes` for the annexes; `articles` for articles in no chapter. */
  readonly key: string;
  /** The chapter; null for the annexes and for articles outside any chapter. */
  readonly unit: Unit | null;
  readonly articles: readonly ArticleCoverage[];
  readonly accepted: number;
  readonly suggested: number;
  /** How many of its articles are untouched. */
  readonly untouched: number;
}

/** The law's articles a commitment (with its measures and points) reaches, in the law's order. */
export interface CommitmentReach {
  readonly accepted: readonly string[];
  /** Reached through open suggestions only. */
  readonly suggested: readonly string[];
}

export interface LawCoverage {
  readonly chapters: readonly ChapterCoverage[];
  /**
   * Linked provisions outside any article or annex (recitals, a chapter as a whole), one entry
   * each. Only linked ones are listed: a recital no code cites is not a gap.
   */
  readonly outside: readonly ArticleCoverage[];
  /** Articles and annexes in all. */
  readonly articleCount: number;
  /** Articles and annexes with at least one accepted link. */
  readonly acceptedCount: number;
  /** Articles and annexes no accepted or open link reaches. */
  readonly untouchedCount: number;
  /** Accepted or suggested links whose target is not in the law as imported. */
  readonly unplaced: readonly LinkRecord[];
  /** Per commitment id, the articles (annexes, outside provisions) it reaches. */
  readonly byCommitment: ReadonlyMap<string, CommitmentReach>;
}

const CONTAINERS: ReadonlySet<string> = new Set(['article', 'annex']);
const NONE: LinkCounts = { accepted: 0, suggested: 0 };

function isOpen(link: LinkRecord): link is LinkRecord & { status: 'accepted' | 'suggested' } {
  return link.status === 'accepted' || link.status === 'suggested';
}

function add(counts: LinkCounts | undefined, status: 'accepted' | 'suggested'): LinkCounts {
  const base = counts ?? NONE;
  return status === 'accepted'
    ? { accepted: base.accepted + 1, suggested: base.suggested }
    : { accepted: base.accepted, suggested: base.suggested + 1 };
}

/** Position of every unit in its document, to sort by. */
function orderOf(tree: ClauseTree): Map<string, number> {
  return new Map(tree.units.map((unit, i) => [unit.id as string, i]));
}

/**
 * Accepted and suggested links to every law provision: to it alone (`own`) and to it or anything
 * inside it (`within`, what a collapsed branch of the law's tree shows). Provisions no link
 * reaches are absent. Links to a provision not in the law are left out.
 */
export function provisionCounts(law: ClauseTree, links: readonly LinkRecord[]): Map<string, ProvisionCounts> {
  const byId = new Map<string, Unit>(law.units.map((unit) => [unit.id, unit]));
  const own = new Map<string, LinkCounts>();
  const within = new Map<string, LinkCounts>();
  for (const link of links) {
    if (!isOpen(link)) continue;
    let unit = byId.get(link.target);
    if (unit === undefined) continue;
    own.set(unit.id, add(own.get(unit.id), link.status));
    while (unit !== undefined) {
      within.set(unit.id, add(within.get(unit.id), link.status));
      unit = unit.parent === null ? undefined : byId.get(unit.parent);
    }
  }
  const out = new Map<string, ProvisionCounts>();
  for (const [id, counts] of within) out.set(id, { own: own.get(id) ?? NONE, within: counts });
  return out;
}

/**
 * The links that reach a law provision or anything inside it, accepted first, then open
 * suggestions; each group in the code's order of their sources, then the law's order of their
 * targets. Rejected links are left out.
 */
export function linksWithin(
  law: ClauseTree,
  code: ClauseTree,
  lawId: string,
  links: readonly LinkRecord[],
): LinkRecord[] {
  const byId = new Map<string, Unit>(law.units.map((unit) => [unit.id, unit]));
  const inside = (target: string): boolean => {
    let unit = byId.get(target);
    while (unit !== undefined) {
      if (unit.id === lawId) return true;
      unit = unit.parent === null ? undefined : byId.get(unit.parent);
    }
    return false;
  };
  return sortLinks(
    links.filter((link) => isOpen(link) && inside(link.target)),
    orderOf(code),
    orderOf(law),
  );
}

function sortLinks(
  links: readonly LinkRecord[],
  codeOrder: ReadonlyMap<string, number>,
  lawOrder: ReadonlyMap<string, number>,
): LinkRecord[] {
  const last = Number.MAX_SAFE_INTEGER;
  return [...links].sort(
    (a, b) =>
      (a.status === 'accepted' ? 0 : 1) - (b.status === 'accepted' ? 0 : 1) ||
      (codeOrder.get(a.source) ?? last) - (codeOrder.get(b.source) ?? last) ||
      (lawOrder.get(a.target) ?? last) - (lawOrder.get(b.target) ?? last) ||
      a.source.localeCompare(b.source),
  );
}

/** The links of one code unit into a provision, split by status. */
export interface SourceLinks {
  readonly source: string;
  /** Targets of its accepted links, in the order given. */
  readonly accepted: readonly string[];
  /** Targets of its open suggestions, in the order given. */
  readonly suggested: readonly string[];
}

/**
 * Links (as `linksWithin` or an article's `links` give them) gathered per code unit: first the
 * units with an accepted link (with any open suggestions they also have), then the units with
 * open suggestions only. Each group keeps the order of the units' first links.
 */
export function bySource(links: readonly LinkRecord[]): {
  readonly accepted: SourceLinks[];
  readonly suggested: SourceLinks[];
} {
  const groups = new Map<string, { accepted: string[]; suggested: string[] }>();
  for (const link of links) {
    if (!isOpen(link)) continue;
    let group = groups.get(link.source);
    if (group === undefined) groups.set(link.source, (group = { accepted: [], suggested: [] }));
    group[link.status].push(link.target);
  }
  const accepted: SourceLinks[] = [];
  const suggested: SourceLinks[] = [];
  for (const [source, group] of groups)
    (group.accepted.length > 0 ? accepted : suggested).push({ source, ...group });
  return { accepted, suggested };
}

function uniqueSources(links: readonly LinkRecord[]): string[] {
  return [...new Set(links.map((link) => link.source))];
}

/**
 * The law's coverage by the code: per chapter, each article (and annex) with its accepted links and
 * open suggestions, the code units behind them and the provisions inside it they reach; the
 * articles nothing reaches; and per commitment of the code, the articles it reaches.
 */
export function lawCoverage(law: ClauseTree, code: ClauseTree, links: readonly LinkRecord[]): LawCoverage {
  const lawById = new Map<string, Unit>(law.units.map((unit) => [unit.id, unit]));
  const codeById = new Map<string, Unit>(code.units.map((unit) => [unit.id, unit]));
  const lawOrder = orderOf(law);
  const codeOrder = orderOf(code);
  const counts = provisionCounts(law, links);

  // The article or annex a provision sits in (itself, if it is one); null outside both.
  const containerCache = new Map<string, Unit | null>();
  const containerOf = (unit: Unit): Unit | null => {
    const hit = containerCache.get(unit.id);
    if (hit !== undefined) return hit;
    let current: Unit | undefined = unit;
    while (current !== undefined && !CONTAINERS.has(current.type))
      current = current.parent === null ? undefined : lawById.get(current.parent);
    const found = current ?? null;
    containerCache.set(unit.id, found);
    return found;
  };

  // Where each link lands: its article, annex, or (outside both) the provision itself.
  const byPlace = new Map<string, LinkRecord[]>();
  const unplaced: LinkRecord[] = [];
  const reach = new Map<string, { accepted: Set<string>; suggested: Set<string> }>();
  for (const link of links) {
    if (!isOpen(link)) continue;
    const target = lawById.get(link.target);
    if (target === undefined) {
      unplaced.push(link);
      continue;
    }
    const place = containerOf(target) ?? target;
    const list = byPlace.get(place.id);
    if (list) list.push(link);
    else byPlace.set(place.id, [link]);
    const source = codeById.get(link.source);
    const commitment = source === undefined ? null : commitmentOf(source, codeById);
    if (commitment !== null) {
      let sets = reach.get(commitment.id);
      if (sets === undefined)
        reach.set(commitment.id, (sets = { accepted: new Set(), suggested: new Set() }));
      sets[link.status].add(place.id);
    }
  }

  const entry = (unit: Unit): ArticleCoverage => {
    const placed = sortLinks(byPlace.get(unit.id) ?? [], codeOrder, lawOrder);
    const acceptedLinks = placed.filter((link) => link.status === 'accepted');
    const acceptedSources = uniqueSources(acceptedLinks);
    const taken = new Set(acceptedSources);
    const suggestedSources = uniqueSources(placed.filter((l) => l.status === 'suggested')).filter(
      (source) => !taken.has(source),
    );
    const accepted = acceptedLinks.length;
    const suggested = placed.length - accepted;
    const targets = [...new Set(placed.map((link) => link.target))].sort(
      (a, b) => (lawOrder.get(a) ?? 0) - (lawOrder.get(b) ?? 0),
    );
    const provisions: ProvisionCoverage[] = [];
    for (const id of targets) {
      const provision = lawById.get(id);
      const provisionCount = counts.get(id);
      if (provision !== undefined && provisionCount !== undefined)
        provisions.push({ id, unit: provision, counts: provisionCount });
    }
    return {
      id: unit.id,
      unit,
      accepted,
      suggested,
      state: accepted > 0 ? 'accepted' : suggested > 0 ? 'suggested' : 'untouched',
      acceptedSources,
      suggestedSources,
      links: placed,
      provisions,
    };
  };

  // The chapter an article sits in: the outermost one (sections are inside chapters).
  const chapterOf = (unit: Unit): Unit | null => {
    let found: Unit | null = null;
    let current = unit.parent === null ? undefined : lawById.get(unit.parent);
    while (current !== undefined) {
      if (current.type === 'chapter') found = current;
      current = current.parent === null ? undefined : lawById.get(current.parent);
    }
    return found;
  };

  const chapters = new Map<string, { unit: Unit | null; articles: ArticleCoverage[] }>();
  const annexes: ArticleCoverage[] = [];
  const outside: ArticleCoverage[] = [];
  for (const unit of law.units) {
    if (unit.type === 'annex') {
      annexes.push(entry(unit));
      continue;
    }
    if (unit.type === 'article') {
      const chapter = chapterOf(unit);
      const key = chapter?.id ?? 'articles';
      let group = chapters.get(key);
      if (group === undefined) chapters.set(key, (group = { unit: chapter, articles: [] }));
      group.articles.push(entry(unit));
      continue;
    }
    if (containerOf(unit) === null && byPlace.has(unit.id)) outside.push(entry(unit));
  }

  const chapter = (key: string, unit: Unit | null, articles: ArticleCoverage[]): ChapterCoverage => ({
    key,
    unit,
    articles,
    accepted: articles.reduce((sum, a) => sum + a.accepted, 0),
    suggested: articles.reduce((sum, a) => sum + a.suggested, 0),
    untouched: articles.filter((a) => a.state === 'untouched').length,
  });
  const groups = [...chapters].map(([key, group]) => chapter(key, group.unit, group.articles));
  if (annexes.length > 0) groups.push(chapter('annexes', null, annexes));

  const all = groups.flatMap((group) => group.articles);
  const byLaw = (a: string, b: string): number => (lawOrder.get(a) ?? 0) - (lawOrder.get(b) ?? 0);
  const byCommitment = new Map<string, CommitmentReach>();
  for (const [id, sets] of reach)
    byCommitment.set(id, {
      accepted: [...sets.accepted].sort(byLaw),
      suggested: [...sets.suggested].filter((place) => !sets.accepted.has(place)).sort(byLaw),
    });

  return {
    chapters: groups,
    outside,
    articleCount: all.length,
    acceptedCount: all.filter((a) => a.state === 'accepted').length,
    untouchedCount: all.filter((a) => a.state === 'untouched').length,
    unplaced,
    byCommitment,
  };
}

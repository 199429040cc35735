import { DOCUMENT_MISSING, PROJECT_GONE, ProjectProblem } from '../ui/ProjectProblem';
import { useEffect, useId, useMemo, useState, type CSSProperties } from 'react';
import { formatCitation } from '../../src/citations/index';
import type { ClauseTree, Unit } from '../../src/model/clause';
import type { Annotation, LinkRecord, ProjectRecord } from '../../src/model/review';
import { bySource, lawCoverage, type ArticleCoverage, type ChapterCoverage } from '../../src/review/coverage';
import {
  buildOverview,
  cellUnits,
  columnLabel,
  LOOSE_ROW,
  OVERVIEW_COLUMNS,
  type OverviewColumn,
  type OverviewRow,
} from '../../src/review/overview';
import { spotKey, verdictsBySpot } from '../../src/review/verdicts';
import { useAnnotations, useLinks, useProject, useSetting, useTree } from '../db';
import { oneLine } from '../ui/format';
import { StanceBadge } from '../workspace/StanceBadge';
import { SourceList } from './SourceList';
import './overview.css';

export interface OverviewProps {
  readonly projectId: string;
  readonly onOpenUnit: (unitId: string) => void;
  readonly onBack: () => void;
}

/** What a click in the matrix chose: a row (or `all`) and a column, disputed or disagreed units. */
type Choice = { readonly row: string; readonly which: OverviewColumn | 'disputed' | 'disagreed' };

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function rowName(row: OverviewRow): string {
  if (row.key === 'all') return 'All commitments';
  if (row.commitment === null || row.key === LOOSE_ROW) return 'Measures outside any commitment';
  return formatCitation(row.commitment.id);
}

function unitName(unit: Unit | undefined, id: string): string {
  const title = unit?.heading ?? (unit !== undefined ? oneLine(unit.text, 70) : '');
  return title ? `${formatCitation(id)} — ${oneLine(title, 90)}` : formatCitation(id);
}

function chapterName(chapter: ChapterCoverage): string {
  if (chapter.key === 'annexes') return 'Annexes';
  if (chapter.unit === null) return 'Articles';
  return chapter.unit.heading
    ? `${formatCitation(chapter.unit.id)} — ${chapter.unit.heading}`
    : formatCitation(chapter.unit.id);
}

function whichLabel(which: Choice['which']): string {
  if (which === 'disputed') return 'disputed';
  if (which === 'disagreed') return 'reviewers disagree';
  return columnLabel(which);
}

interface ReportProps {
  readonly project: ProjectRecord;
  readonly law: ClauseTree;
  readonly code: ClauseTree;
  readonly links: readonly LinkRecord[];
  readonly annotations: readonly Annotation[];
  readonly author: string;
  readonly onOpenUnit: (unitId: string) => void;
  readonly onBack: () => void;
}

function Matrix({
  code,
  annotations,
  author,
  reach,
  onOpenUnit,
}: Pick<ReportProps, 'code' | 'annotations' | 'author' | 'onOpenUnit'> & {
  readonly reach: ReturnType<typeof lawCoverage>['byCommitment'];
}) {
  const overview = useMemo(() => buildOverview(code, annotations, author), [code, annotations, author]);
  const codeById = useMemo(() => new Map<string, Unit>(code.units.map((unit) => [unit.id, unit])), [code]);
  const spots = useMemo(() => verdictsBySpot(annotations, author), [annotations, author]);
  const [choice, setChoice] = useState<Choice | null>(null);
  const titleId = useId();
  const listId = useId();
  const totalsMax = Math.max(1, ...OVERVIEW_COLUMNS.map((c) => overview.totals.cells[c].length));

  const rows = [...overview.rows, overview.totals];
  const chosenRow = choice === null ? undefined : rows.find((row) => row.key === choice.row);
  const chosen = chosenRow !== undefined && choice !== null ? cellUnits(chosenRow, choice.which) : null;

  const cell = (row: OverviewRow, column: OverviewColumn, max: number) => {
    const count = row.cells[column].length;
    const pressed = choice?.row === row.key && choice.which === column;
    const level = max === 0 ? 0 : count / max;
    return (
      <td key={column} className="ov-td">
        <button
          type="button"
          className={`ov-cell tint-${column}${count === 0 ? ' zero' : ''}`}
          style={{ '--level': level.toFixed(3) } as CSSProperties}
          data-testid="overview-cell"
          data-commitment={row.key}
          data-stance={column}
          data-count={count}
          disabled={count === 0}
          aria-pressed={pressed}
          aria-controls={pressed ? listId : undefined}
          aria-label={`${rowName(row)}, ${columnLabel(column)}: ${plural(count, 'unit')}`}
          onClick={() => setChoice(pressed ? null : { row: row.key, which: column })}
        >
          {count}
        </button>
      </td>
    );
  };

  const flagButton = (row: OverviewRow, which: 'disputed' | 'disagreed') => {
    const ids = cellUnits(row, which);
    const pressed = choice?.row === row.key && choice.which === which;
    if (ids.length === 0) return null;
    return (
      <button
        type="button"
        className="link ov-flag"
        data-testid={`overview-${which}`}
        data-commitment={row.key}
        aria-pressed={pressed}
        aria-label={`${rowName(row)}: ${plural(ids.length, 'unit')} ${which === 'disputed' ? 'disputed' : 'on which reviewers disagree'}`}
        onClick={() => setChoice(pressed ? null : { row: row.key, which })}
      >
        {which === 'disputed' ? `${ids.length} disputed` : `${ids.length} disagree`}
      </button>
    );
  };

  const line = (row: OverviewRow, max: number, total: boolean) => {
    const reached = total ? undefined : reach.get(row.key);
    return (
      <tr
        key={row.key}
        className={total ? 'ov-total' : undefined}
        data-testid={total ? undefined : 'overview-row'}
      >
        <th scope="row" className="ov-rowhead">
          <span className="ov-rowname">{rowName(row)}</span>
          {row.commitment?.heading && (
            <span className="ov-rowheading">{oneLine(row.commitment.heading, 60)}</span>
          )}
        </th>
        {OVERVIEW_COLUMNS.map((column) => cell(row, column, max))}
        <td className="ov-num" data-testid="overview-reviewed">
          {row.reviewed.length} of {row.unitIds.length}
        </td>
        <td className="ov-flags">
          {flagButton(row, 'disputed')}
          {flagButton(row, 'disagreed')}
          {row.disputed.length === 0 && row.disagreed.length === 0 && <span className="muted">0</span>}
        </td>
        <td className="ov-reach">
          {reached === undefined ? (
            total ? null : (
              <span className="muted">none yet</span>
            )
          ) : (
            <>
              {reached.accepted.map((id) => formatCitation(id)).join(', ')}
              {reached.suggested.length > 0 && (
                <span className="muted">
                  {reached.accepted.length > 0
                    ? ` · ${reached.suggested.length} more suggested`
                    : `${reached.suggested.length} suggested, none accepted`}
                </span>
              )}
            </>
          )}
        </td>
      </tr>
    );
  };

  return (
    <section className="ov-section" aria-labelledby={titleId}>
      <h3 id={titleId}>Verdicts by commitment</h3>
      <p className="muted small ov-intro">
        Each commitment and measure counts once, under the stance of your verdict (a colleague&apos;s where
        you have none yet). Choose a number to list the units behind it.
      </p>
      <div className="ov-scroll">
        <table className="ov-matrix" data-testid="overview-matrix">
          <caption className="sr-only">
            Commitments and their measures by the stance recorded for them, with how many are reviewed and
            disputed, and the articles of the law they reach through accepted links
          </caption>
          <thead>
            <tr>
              <th scope="col">Commitment</th>
              {OVERVIEW_COLUMNS.map((column) => (
                <th scope="col" key={column} className={`ov-colhead stance-${column}`}>
                  {columnLabel(column)}
                </th>
              ))}
              <th scope="col">Reviewed</th>
              <th scope="col">Disputed</th>
              <th scope="col">Articles reached</th>
            </tr>
          </thead>
          <tbody>{overview.rows.map((row) => line(row, overview.maxCell, false))}</tbody>
          <tfoot>{line(overview.totals, totalsMax, true)}</tfoot>
        </table>
      </div>
      {chosen !== null && chosenRow !== undefined && choice !== null && (
        <div
          className="ov-units"
          id={listId}
          data-testid="overview-units"
          role="region"
          aria-label="Units chosen"
        >
          <h4>
            {rowName(chosenRow)} · {whichLabel(choice.which)} · {plural(chosen.length, 'unit')}
          </h4>
          <ul>
            {chosen.map((id) => (
              <li key={id}>
                <button
                  type="button"
                  className="ov-unit"
                  data-testid="overview-unit"
                  data-unit={id}
                  onClick={() => onOpenUnit(id)}
                >
                  <span>{unitName(codeById.get(id), id)}</span>
                  <StanceBadge annotation={spots.get(spotKey(id, null))?.shown} />
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function ArticleRow({
  article,
  codeById,
  onOpenUnit,
}: {
  readonly article: ArticleCoverage;
  readonly codeById: ReadonlyMap<string, Unit>;
  readonly onOpenUnit: (unitId: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const detailId = useId();
  const { unit } = article;
  const counts =
    article.state === 'untouched'
      ? 'untouched'
      : `${article.accepted} accepted · ${article.suggested} suggested`;
  const name = (
    <>
      <span className="cov-mark" aria-hidden="true" />
      <span className="cov-cite">{formatCitation(unit.id)}</span>
      {unit.heading && <span className="cov-heading">{oneLine(unit.heading, 90)}</span>}
      <span className="cov-counts">{counts}</span>
    </>
  );
  return (
    <li
      className={`cov-row state-${article.state}`}
      data-testid="coverage-article"
      data-article={article.id}
      data-accepted={article.accepted}
      data-suggested={article.suggested}
      data-state={article.state}
    >
      {article.state === 'untouched' ? (
        <div className="cov-toggle static">{name}</div>
      ) : (
        <button
          type="button"
          className="cov-toggle"
          aria-expanded={open}
          aria-controls={open ? detailId : undefined}
          onClick={() => setOpen(!open)}
        >
          {name}
        </button>
      )}
      {open && (
        <div className="cov-detail" id={detailId}>
          {article.provisions.length > 1 && (
            <ul
              className="cov-provisions small"
              aria-label={`Where the links to ${formatCitation(unit.id)} land`}
            >
              {article.provisions.map((p) => (
                <li key={p.id}>
                  <span className="cov-where">{formatCitation(p.id)}</span> {p.counts.own.accepted} accepted,{' '}
                  {p.counts.own.suggested} suggested
                </li>
              ))}
            </ul>
          )}
          <SourceList
            groups={bySource(article.links)}
            anchorId={article.id}
            codeById={codeById}
            onOpenUnit={onOpenUnit}
            testId="coverage-unit"
            acceptedTitle="Accepted links from"
            suggestedTitle="Open suggestions only from"
            level={5}
          />
        </div>
      )}
    </li>
  );
}

function Coverage({
  coverage,
  code,
  onOpenUnit,
}: {
  readonly coverage: ReturnType<typeof lawCoverage>;
  readonly code: ClauseTree;
  readonly onOpenUnit: (unitId: string) => void;
}) {
  const [untouchedOnly, setUntouchedOnly] = useState(false);
  const codeById = useMemo(() => new Map<string, Unit>(code.units.map((unit) => [unit.id, unit])), [code]);
  const titleId = useId();
  const shown = (articles: readonly ArticleCoverage[]) =>
    untouchedOnly ? articles.filter((a) => a.state === 'untouched') : articles;
  return (
    <section className="ov-section" aria-labelledby={titleId} data-testid="coverage">
      <div className="cov-head">
        <h3 id={titleId}>Law coverage</h3>
        <label className="cov-filter">
          <input
            type="checkbox"
            checked={untouchedOnly}
            onChange={(e) => setUntouchedOnly(e.target.checked)}
            data-testid="coverage-untouched-only"
          />
          Show untouched only
        </label>
      </div>
      <p className="small ov-intro" data-testid="coverage-summary">
        {coverage.acceptedCount} of {coverage.articleCount} articles and annexes have an accepted link;{' '}
        {coverage.untouchedCount} {coverage.untouchedCount === 1 ? 'is' : 'are'} untouched (no accepted link
        and no open suggestion).
      </p>
      <p className="small muted cov-legend" aria-hidden="true">
        <span className="cov-row state-accepted">
          <span className="cov-mark" /> accepted link
        </span>
        <span className="cov-row state-suggested">
          <span className="cov-mark" /> suggestions only
        </span>
        <span className="cov-row state-untouched">
          <span className="cov-mark" /> untouched
        </span>
      </p>
      {coverage.chapters.map((chapter) => {
        const articles = shown(chapter.articles);
        if (articles.length === 0) return null;
        return (
          <div
            key={chapter.key}
            className="cov-chapter"
            data-testid="coverage-chapter"
            data-chapter={chapter.key}
          >
            <h4>
              {chapterName(chapter)}{' '}
              <span className="muted small">
                {chapter.accepted} accepted · {chapter.suggested} suggested · {chapter.untouched} untouched
              </span>
            </h4>
            <ul className="cov-articles">
              {articles.map((article) => (
                <ArticleRow key={article.id} article={article} codeById={codeById} onOpenUnit={onOpenUnit} />
              ))}
            </ul>
          </div>
        );
      })}
      {!untouchedOnly && coverage.outside.length > 0 && (
        <div className="cov-chapter" data-testid="coverage-chapter" data-chapter="outside">
          <h4>Recitals and other provisions the code links to</h4>
          <ul className="cov-articles">
            {coverage.outside.map((article) => (
              <ArticleRow key={article.id} article={article} codeById={codeById} onOpenUnit={onOpenUnit} />
            ))}
          </ul>
        </div>
      )}
      {untouchedOnly && coverage.untouchedCount === 0 && (
        <p className="muted">No article is untouched: the code reaches every one.</p>
      )}
      {coverage.unplaced.length > 0 && (
        <p className="small muted">
          {plural(coverage.unplaced.length, 'link points', 'links point')} to provisions that are not in the
          law as imported.
        </p>
      )}
    </section>
  );
}

/** The overview's body, from loaded data: the verdict matrix and the law's coverage. */
export function OverviewReport(props: ReportProps) {
  const coverage = useMemo(
    () => lawCoverage(props.law, props.code, props.links),
    [props.law, props.code, props.links],
  );
  return (
    <main className="overview" data-testid="overview" aria-labelledby="overview-title">
      <div className="ov-bar">
        <button type="button" className="link" onClick={props.onBack} data-testid="overview-back">
          ← Workspace
        </button>
        <h2 id="overview-title">Overview</h2>
        <span className="muted ov-project">{props.project.name}</span>
      </div>
      <div className="ov-body">
        <Matrix
          code={props.code}
          annotations={props.annotations}
          author={props.author}
          reach={coverage.byCommitment}
          onOpenUnit={props.onOpenUnit}
        />
        <Coverage coverage={coverage} code={props.code} onOpenUnit={props.onOpenUnit} />
      </div>
    </main>
  );
}

/**
 * The project at a glance: commitments × stances (a click on a number lists the units behind it,
 * a click on a unit opens it in the workspace), reviewed and disputed per commitment, and which
 * articles of the law the code reaches and which it leaves untouched.
 */
export function Overview({ projectId, onOpenUnit, onBack }: OverviewProps) {
  const project = useProject(projectId);
  const law = useTree(project?.lawFingerprint);
  const code = useTree(project?.codeFingerprint);
  const links = useLinks(projectId);
  const annotations = useAnnotations(projectId);
  const author = useSetting('author') ?? '';

  useEffect(() => {
    if (project) document.title = `Overview — ${project.name} — Crosswalk`;
  }, [project]);

  if (project === undefined || links === undefined || annotations === undefined) {
    return <p className="status muted pad">Opening the overview…</p>;
  }
  if (project === null) {
    return (
      <ProjectProblem message={PROJECT_GONE} backLabel="Back" onBack={onBack} backTestId="overview-back" />
    );
  }
  if (law === null || code === null) {
    return (
      <ProjectProblem
        message={DOCUMENT_MISSING}
        backLabel="Back"
        onBack={onBack}
        backTestId="overview-back"
      />
    );
  }
  if (law === undefined || code === undefined)
    return <p className="status muted pad">Opening the documents…</p>;
  return (
    <OverviewReport
      project={project}
      law={law}
      code={code}
      links={links}
      annotations={annotations}
      author={author}
      onOpenUnit={onOpenUnit}
      onBack={onBack}
    />
  );
}

import { formatCitation } from '../../src/citations/index';
import type { MergeConflict } from '../../src/export/index';
import type { Annotation } from '../../src/model/review';
import { Dialog } from '../ui/Dialog';
import type { BundleImportResult } from './importBundle';

const excerpt = (text: string, max = 120): string => (text.length > max ? `${text.slice(0, max)}…` : text);

function where(source: string, target: string | null): string {
  return `${formatCitation(source)}${target === null ? '' : ` → ${formatCitation(target)}`}`;
}

function describe(conflict: MergeConflict): {
  readonly where: string;
  readonly kind: string;
  readonly ours: string;
  readonly theirs: string;
} {
  if (conflict.kind === 'objection') {
    const text = (o: typeof conflict.ours): string =>
      `${o.assessment ?? 'not assessed'}, by ${o.author || 'an unnamed author'}${o.response ? `: “${excerpt(o.response)}”` : ''}`;
    return {
      where: `Objection “${conflict.ours.title || 'untitled'}”`,
      kind: 'objection edited on both sides',
      ours: text(conflict.ours),
      theirs: text(conflict.theirs),
    };
  }
  const at = where(conflict.source, conflict.target);
  if (conflict.kind === 'link')
    return {
      where: at,
      kind: 'link decided differently',
      ours: `link ${conflict.ours.status}`,
      theirs: `link ${conflict.theirs.status}`,
    };
  const verdict = (a: Annotation): string =>
    `${a.stance ?? 'no stance'}, ${a.status}, by ${a.author || 'an unnamed author'}${a.rationale ? `: “${excerpt(a.rationale)}”` : ''}`;
  return {
    where: at,
    kind: conflict.kind === 'parallel' ? 'two reviewers' : 'edited on both sides',
    ours: verdict(conflict.ours),
    theirs: verdict(conflict.theirs),
  };
}

/** What a bundle import brought in, and where two people disagree (both verdicts are kept). */
export function MergeReportDialog({
  result,
  onClose,
  onOpen,
  onResolve,
}: {
  readonly result: BundleImportResult;
  readonly onClose: () => void;
  readonly onOpen: () => void;
  /** Opens the conflict view of the project the bundle went into. */
  readonly onResolve: () => void;
}) {
  const { report } = result;
  const needsAttention = result.conflicts.length > 0 || result.orphans.length > 0;
  return (
    <Dialog title="Bundle imported" onClose={onClose} testId="merge-report" wide>
      <p>
        {result.fileName} was merged into <b>{result.project.name}</b>
        {result.created ? ' (a new project over the same two PDFs)' : ''}.
      </p>
      <ul data-testid="merge-counts">
        {result.documentsAdded > 0 && (
          <li>
            {result.documentsAdded} PDF{result.documentsAdded === 1 ? '' : 's'} carried in the bundle added to
            the library
          </li>
        )}
        <li>
          {report.linksAdded} links added, {report.linksUnchanged} already here
          {report.linksDecided > 0 ? `, ${report.linksDecided} suggestions took the sender’s decision` : ''}
        </li>
        <li>
          {report.annotationsAdded} verdicts added, {report.annotationsUnchanged} already here
        </li>
        <li>
          {report.objectionsAdded} objections added, {report.objectionsUnchanged} already here
        </li>
        <li>
          {report.conflicts} conflicts (both sides kept; none of your verdicts or link decisions was changed)
        </li>
        {result.moved.length > 0 && (
          <li>{result.moved.length} verdicts re-attached to a renumbered or reworded unit by their quotes</li>
        )}
        {result.orphans.length > 0 && (
          <li>
            {result.orphans.length} verdicts could not be placed in this version of the documents: kept, and
            listed in the conflict view to re-attach
          </li>
        )}
      </ul>
      {result.warning !== null && <p className="status error">{result.warning}</p>}
      {result.moved.length > 0 && (
        <details>
          <summary>Re-attached verdicts</summary>
          <ul className="small" data-testid="merge-moved">
            {result.moved.map((m) => (
              <li key={m.annotation.id}>
                {formatCitation(m.from)} → {formatCitation(m.to)} ({m.annotation.author || 'unnamed'}, match{' '}
                {Math.round(m.score * 100)}%)
              </li>
            ))}
          </ul>
        </details>
      )}
      {result.orphans.length > 0 && (
        <>
          <h3>Verdicts that lost their place</h3>
          <ul className="small" data-testid="merge-orphans">
            {result.orphans.map((a) => (
              <li key={a.id}>
                {where(a.source, a.target)}: {a.stance ?? 'no stance'} by {a.author || 'an unnamed author'}
                {a.quote.exact !== '' ? ` — written on “${excerpt(a.quote.exact, 80)}”` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {result.conflicts.length > 0 && (
        <table className="grid small">
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Kind</th>
              <th scope="col">Yours</th>
              <th scope="col">Theirs</th>
            </tr>
          </thead>
          <tbody>
            {result.conflicts.map((conflict, index) => {
              const text = describe(conflict);
              return (
                <tr key={index}>
                  <td>{text.where}</td>
                  <td>{text.kind}</td>
                  <td>{text.ours}</td>
                  <td>{text.theirs}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
        {needsAttention && (
          <button type="button" className="secondary" onClick={onResolve}>
            Resolve conflicts…
          </button>
        )}
        <button type="button" className="primary" onClick={onOpen}>
          Open the project
        </button>
      </div>
    </Dialog>
  );
}

import { formatCitation } from '../../src/citations/index';
import type { MergeConflict } from '../../src/export/index';
import { Dialog } from '../ui/Dialog';
import type { BundleImportResult } from './importBundle';

function describe(conflict: MergeConflict): {
  readonly where: string;
  readonly ours: string;
  readonly theirs: string;
} {
  const where = `${formatCitation(conflict.source)}${conflict.target === null ? '' : ` → ${formatCitation(conflict.target)}`}`;
  if (conflict.kind === 'link') {
    return { where, ours: `link ${conflict.ours.status}`, theirs: `link ${conflict.theirs.status}` };
  }
  const verdict = (a: typeof conflict.ours): string =>
    `${a.stance ?? 'no stance'}, ${a.status}, by ${a.author || 'an unnamed author'}${a.rationale ? `: “${a.rationale.slice(0, 120)}${a.rationale.length > 120 ? '…' : ''}”` : ''}`;
  return { where, ours: verdict(conflict.ours), theirs: verdict(conflict.theirs) };
}

/** What a bundle import brought in, and where two people disagree (both verdicts are kept). */
export function MergeReportDialog({
  result,
  onClose,
  onOpen,
}: {
  readonly result: BundleImportResult;
  readonly onClose: () => void;
  readonly onOpen: () => void;
}) {
  const { report } = result;
  return (
    <Dialog title="Bundle imported" onClose={onClose} testId="merge-report" wide>
      <p>
        {result.fileName} was merged into <b>{result.project.name}</b>
        {result.created ? ' (a new project over the same two PDFs)' : ''}.
      </p>
      <ul data-testid="merge-counts">
        <li>
          {report.linksAdded} links added, {report.linksUnchanged} already here
        </li>
        <li>
          {report.annotationsAdded} verdicts added, {report.annotationsUnchanged} already here
        </li>
        <li>
          {report.conflicts} conflicts (both sides kept; none of your verdicts or link decisions was changed)
        </li>
      </ul>
      {result.warning !== null && <p className="status error">{result.warning}</p>}
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
                  <td>
                    {conflict.kind === 'parallel'
                      ? 'two reviewers'
                      : conflict.kind === 'link'
                        ? 'link decided differently'
                        : 'edited on both sides'}
                  </td>
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
        <button type="button" className="primary" onClick={onOpen}>
          Open the project
        </button>
      </div>
    </Dialog>
  );
}

/** What a project screen shows when its project or one of its documents is gone. */

export const PROJECT_GONE = 'This project is no longer here. It may have been deleted.';
export const DOCUMENT_MISSING =
  "One of this project's documents is missing from the library. Import it again.";

/** The message as an alert, and the way back. */
export function ProjectProblem({
  message,
  backLabel,
  onBack,
  backTestId,
}: {
  readonly message: string;
  readonly backLabel: string;
  readonly onBack: () => void;
  readonly backTestId?: string;
}) {
  return (
    <div className="pad">
      <p className="status error" role="alert">
        {message}
      </p>
      <button type="button" className="secondary" onClick={onBack} data-testid={backTestId}>
        {backLabel}
      </button>
    </div>
  );
}

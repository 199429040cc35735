import { useMemo, useState } from 'react';
import {
  buildBundle,
  buildMemo,
  renderCsv,
  renderDocx,
  renderHtml,
  renderMarkdown,
  renderOscalMapping,
  renderW3cAnnotations,
  type Memo,
} from '../../src/export/index';
import { unitTextById } from '../../src/model/quote';
import type { ClauseTree } from '../../src/model/clause';
import {
  STANCES,
  type Annotation,
  type DocumentRecord,
  type LinkRecord,
  type ProjectRecord,
  type ReviewStance,
} from '../../src/model/review';
import { toSafeFileName } from '../../src/ipc/contract';
import { useServices } from '../services';
import { Dialog } from '../ui/Dialog';
import { plainMessage } from '../ui/errors';

export type ExportFormat = 'md' | 'html' | 'docx' | 'csv' | 'bundle' | 'oscal' | 'w3c';

const FORMATS: readonly {
  readonly value: ExportFormat;
  readonly label: string;
  readonly mime: string;
  readonly ext: string;
}[] = [
  { value: 'md', label: 'Comparison memo (Markdown)', mime: 'text/markdown', ext: 'md' },
  { value: 'html', label: 'Comparison memo (HTML, prints to PDF)', mime: 'text/html', ext: 'html' },
  {
    value: 'docx',
    label: 'Comparison memo (Word, DOCX)',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: 'docx',
  },
  { value: 'csv', label: 'Table of verdicts (CSV, opens in Excel)', mime: 'text/csv', ext: 'csv' },
  {
    value: 'bundle',
    label: 'Project bundle for a colleague (JSON)',
    mime: 'application/json',
    ext: 'crosswalk.json',
  },
  { value: 'oscal', label: 'OSCAL mapping collection (JSON)', mime: 'application/json', ext: 'oscal.json' },
  { value: 'w3c', label: 'W3C Web Annotations (JSON-LD)', mime: 'application/ld+json', ext: 'jsonld' },
];

export interface ExportInput {
  readonly project: ProjectRecord;
  readonly law: ClauseTree;
  readonly code: ClauseTree;
  readonly lawDocument: DocumentRecord;
  readonly codeDocument: DocumentRecord;
  readonly links: readonly LinkRecord[];
  readonly annotations: readonly Annotation[];
  readonly author: string;
}

const PREVIEW_CHARS = 6_000;

/** What is exported: the memo (Markdown), its table (CSV) or the whole review as a bundle, with a live preview. */
/** A memo format's text (the DOCX preview is its Markdown). */
function render(format: 'md' | 'html' | 'docx' | 'csv', memo: Memo): string {
  switch (format) {
    case 'html':
      return renderHtml(memo);
    case 'csv':
      return renderCsv(memo);
    default:
      return renderMarkdown(memo);
  }
}

export function ExportDialog({
  input,
  onClose,
}: {
  readonly input: ExportInput;
  readonly onClose: () => void;
}) {
  const { platform } = useServices();
  const [format, setFormat] = useState<ExportFormat>('md');
  const [includeSuggestions, setIncludeSuggestions] = useState(false);
  const [quoteText, setQuoteText] = useState('600');
  const quoteLength = Math.min(5000, Math.max(80, Number.parseInt(quoteText, 10) || 600));
  const [stances, setStances] = useState<ReviewStance[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [date] = useState(() => new Date().toISOString());

  // The parts, not the object: the workspace builds `input` afresh on every render, and the memo
  // (quotes of the whole Act) should be rebuilt only when the review itself changes.
  const { law, code, project, lawDocument, codeDocument, links, annotations, author } = input;
  const memo = useMemo(
    () =>
      buildMemo(
        {
          law,
          code,
          project,
          lawDocument,
          codeDocument,
          links,
          annotations,
        },
        {
          includeSuggestions,
          quoteLength,
          author,
          date,
          ...(stances.length > 0 ? { stances } : {}),
        },
      ),
    [
      includeSuggestions,
      quoteLength,
      stances,
      law,
      code,
      project,
      lawDocument,
      codeDocument,
      links,
      annotations,
      author,
      date,
    ],
  );
  const output = useMemo(() => {
    if (format === 'oscal') {
      return renderOscalMapping({
        project,
        lawDocument,
        codeDocument,
        links,
        annotations,
        uuid: () => crypto.randomUUID(),
        now: date,
        includeSuggestions,
      });
    }
    if (format === 'w3c') {
      return renderW3cAnnotations({
        project,
        codeDocument,
        lawDocument,
        annotations,
        codeUnitText: unitTextById(code.units),
      });
    }
    if (format === 'bundle') {
      return buildBundle({
        project,
        documents: [lawDocument, codeDocument],
        links,
        annotations,
        exportedAt: date,
      });
    }
    return render(format, memo);
  }, [format, includeSuggestions, project, lawDocument, codeDocument, links, annotations, code, date, memo]);

  const chosen = FORMATS.find((f) => f.value === format) ?? FORMATS[0]!;
  const save = (): void => {
    const name = toSafeFileName(`${project.name}.${chosen.ext}`);
    // The Word file is built when saved; the preview shows the same memo as text.
    const contents: Promise<string | Uint8Array> =
      format === 'docx' ? renderDocx(memo) : Promise.resolve(output);
    contents
      .then((bytes) => platform.saveFile(name, bytes, chosen.mime))
      .then(
        (saved) => setMessage(saved ? `Saved ${name}.` : 'Not saved.'),
        (error: unknown) => setMessage(plainMessage(error)),
      );
  };
  const toggleStance = (stance: ReviewStance): void =>
    setStances((current) =>
      current.includes(stance) ? current.filter((s) => s !== stance) : [...current, stance],
    );

  return (
    <Dialog title="Export" onClose={onClose} testId="export-dialog" wide>
      <div className="export-grid">
        <div className="export-options">
          <fieldset>
            <legend>Format</legend>
            {FORMATS.map((f) => (
              <label key={f.value} className="inline">
                <input
                  type="radio"
                  name="export-format"
                  checked={format === f.value}
                  onChange={() => setFormat(f.value)}
                />
                {f.label}
              </label>
            ))}
          </fieldset>
          {format !== 'bundle' && (
            <>
              <label className="inline">
                <input
                  type="checkbox"
                  checked={includeSuggestions}
                  onChange={(e) => setIncludeSuggestions(e.target.checked)}
                />
                Include machine suggestions not yet reviewed (labelled as such)
              </label>
              <label className="block">
                Longest quote of the law (characters)
                <input
                  type="number"
                  min={80}
                  max={5000}
                  step={20}
                  value={quoteText}
                  onChange={(e) => setQuoteText(e.target.value)}
                  onBlur={() => setQuoteText(String(quoteLength))}
                />
              </label>
              <fieldset>
                <legend>Only these stances (none ticked: all)</legend>
                {STANCES.map((stance) => (
                  <label key={stance} className="inline">
                    <input
                      type="checkbox"
                      checked={stances.includes(stance)}
                      onChange={() => toggleStance(stance)}
                    />
                    {stance}
                  </label>
                ))}
              </fieldset>
            </>
          )}
        </div>
        <div className="export-preview">
          <div className="muted small">
            Preview ({output.length.toLocaleString()} characters
            {output.length > PREVIEW_CHARS ? ', first part shown' : ''})
          </div>
          <pre data-testid="export-preview" tabIndex={0} role="region" aria-label="Preview">
            {output.slice(0, PREVIEW_CHARS)}
          </pre>
        </div>
      </div>
      {message !== null && (
        <p className="muted small" role="status" data-testid="export-message">
          {message}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
        <button type="button" className="primary" onClick={save} data-testid="export-save">
          Save…
        </button>
      </div>
    </Dialog>
  );
}

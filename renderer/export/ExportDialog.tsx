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
  type MemoTemplate,
} from '../../src/export/index';
import { unitTextById } from '../../src/model/quote';
import type { ClauseTree } from '../../src/model/clause';
import { formatCitation } from '../../src/citations/index';
import {
  REVIEW_STATUSES,
  STANCES,
  type Annotation,
  type DocumentRecord,
  type LinkRecord,
  type Objection,
  type ProjectRecord,
  type ReviewStance,
  type ReviewStatus,
} from '../../src/model/review';
import { toBase64 } from '../../src/util/base64';
import { loadPdfBytes, useDb } from '../db';
import { printHtml } from './printHtml';
import { toSafeFileName } from '../../src/ipc/contract';
import { useServices } from '../services';
import { Dialog } from '../ui/Dialog';
import { plainMessage } from '../ui/errors';

export type ExportFormat = 'md' | 'html' | 'pdf' | 'docx' | 'csv' | 'bundle' | 'oscal' | 'w3c';

/** Formats that lay out the memo (and so take its template and filters). */
const MEMO_FORMATS: ReadonlySet<ExportFormat> = new Set(['md', 'html', 'pdf', 'docx', 'csv']);

const FORMATS: readonly {
  readonly value: ExportFormat;
  readonly label: string;
  readonly mime: string;
  readonly ext: string;
}[] = [
  { value: 'md', label: 'Memo (Markdown)', mime: 'text/markdown', ext: 'md' },
  { value: 'html', label: 'Memo (HTML, self-contained)', mime: 'text/html', ext: 'html' },
  { value: 'pdf', label: 'Memo (PDF)', mime: 'application/pdf', ext: 'pdf' },
  {
    value: 'docx',
    label: 'Memo (Word, DOCX)',
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
  readonly objections: readonly Objection[];
  readonly author: string;
}

const PREVIEW_CHARS = 6_000;

/** What is exported: the memo (Markdown), its table (CSV) or the whole review as a bundle, with a live preview. */
/** A memo format's text (the DOCX preview is its Markdown, the PDF's its HTML). */
function render(format: 'md' | 'html' | 'pdf' | 'docx' | 'csv', memo: Memo): string {
  switch (format) {
    case 'html':
    case 'pdf':
      return renderHtml(memo);
    case 'csv':
      return renderCsv(memo);
    default:
      return renderMarkdown(memo);
  }
}

/** A set of checkboxes; none ticked means no filter. */
function Choices<T extends string>({
  legend,
  options,
  chosen,
  onChange,
}: {
  readonly legend: string;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly chosen: readonly T[];
  readonly onChange: (next: T[]) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="inline">
          <input
            type="checkbox"
            checked={chosen.includes(option.value)}
            onChange={() =>
              onChange(
                chosen.includes(option.value)
                  ? chosen.filter((c) => c !== option.value)
                  : [...chosen, option.value],
              )
            }
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

export function ExportDialog({
  input,
  onClose,
  initialTemplate = 'comparison',
}: {
  readonly input: ExportInput;
  readonly onClose: () => void;
  /** The Objections panel opens the dialog on the response memo. */
  readonly initialTemplate?: MemoTemplate;
}) {
  const { platform } = useServices();
  const db = useDb();
  const [format, setFormat] = useState<ExportFormat>('md');
  const [template, setTemplate] = useState<MemoTemplate>(initialTemplate);
  const [withPdfs, setWithPdfs] = useState(false);
  const [includeSuggestions, setIncludeSuggestions] = useState(false);
  const [quoteText, setQuoteText] = useState('600');
  const quoteLength = Math.min(5000, Math.max(80, Number.parseInt(quoteText, 10) || 600));
  const [stances, setStances] = useState<ReviewStance[]>([]);
  const [statuses, setStatuses] = useState<ReviewStatus[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [commitments, setCommitments] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [date] = useState(() => new Date().toISOString());

  // The parts, not the object: the workspace builds `input` afresh on every render, and the memo
  // (quotes of the whole Act) should be rebuilt only when the review itself changes.
  const { law, code, project, lawDocument, codeDocument, links, annotations, objections, author } = input;
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
          objections,
        },
        {
          template,
          includeSuggestions,
          quoteLength,
          author,
          date,
          ...(stances.length > 0 ? { stances } : {}),
          ...(statuses.length > 0 ? { statuses } : {}),
          ...(tags.length > 0 ? { tags } : {}),
          ...(commitments.length > 0 ? { commitments } : {}),
        },
      ),
    [
      template,
      objections,
      includeSuggestions,
      quoteLength,
      stances,
      statuses,
      tags,
      commitments,
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
        objections,
        exportedAt: date,
      });
    }
    return render(format, memo);
  }, [
    format,
    includeSuggestions,
    project,
    lawDocument,
    codeDocument,
    links,
    annotations,
    objections,
    code,
    date,
    memo,
  ]);

  const chosen = FORMATS.find((f) => f.value === format) ?? FORMATS[0]!;
  const baseName =
    template === 'response' && MEMO_FORMATS.has(format) ? `${project.name} response` : project.name;
  const save = (): void => {
    const name = toSafeFileName(`${baseName}.${chosen.ext}`);
    if (format === 'pdf') {
      // Desktop: main prints the HTML to PDF and shows the Save dialog. Web: the browser's print dialog.
      const done =
        platform.savePdf !== null
          ? platform.savePdf(name, output).then((saved) => (saved ? `Saved ${name}.` : 'Not saved.'))
          : printHtml(output, name).then(() => 'Choose “Save as PDF” in the print dialog to keep the PDF.');
      done.then(setMessage, (error: unknown) => setMessage(plainMessage(error)));
      return;
    }
    // The Word file is built when saved; the preview shows the same memo as text.
    const contents: Promise<string | Uint8Array> =
      format === 'docx'
        ? renderDocx(memo)
        : format === 'bundle' && withPdfs
          ? bundleWithPdfs()
          : Promise.resolve(output);
    contents
      .then((bytes) => platform.saveFile(name, bytes, chosen.mime))
      .then(
        (saved) => setMessage(saved ? `Saved ${name}.` : 'Not saved.'),
        (error: unknown) => setMessage(plainMessage(error)),
      );
  };
  /** The bundle with both PDFs inside, for a colleague who does not have them. */
  const bundleWithPdfs = async (): Promise<string> => {
    const files = [];
    for (const document of [lawDocument, codeDocument]) {
      const bytes = await loadPdfBytes(db, document.fingerprint);
      if (bytes === null) throw new Error(`The PDF “${document.fileName}” is no longer in the library.`);
      files.push({ fingerprint: document.fingerprint, fileName: document.fileName, base64: toBase64(bytes) });
    }
    return buildBundle({
      project,
      documents: [lawDocument, codeDocument],
      links,
      annotations,
      objections,
      files,
      exportedAt: date,
    });
  };
  const filtering = MEMO_FORMATS.has(format) && template === 'comparison';
  const allCommitments = useMemo(() => code.units.filter((u) => u.type === 'commitment'), [code]);
  const knownTags = useMemo(() => [...new Set(annotations.flatMap((a) => a.tags))].sort(), [annotations]);

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
          {MEMO_FORMATS.has(format) && (
            <fieldset>
              <legend>Memo</legend>
              <label className="inline">
                <input
                  type="radio"
                  name="export-template"
                  checked={template === 'comparison'}
                  onChange={() => setTemplate('comparison')}
                />
                Comparison: the code read against the law, commitment by commitment
              </label>
              <label className="inline">
                <input
                  type="radio"
                  name="export-template"
                  checked={template === 'response'}
                  onChange={() => setTemplate('response')}
                  data-testid="template-response"
                />
                Response to objections ({objections.length} recorded)
              </label>
            </fieldset>
          )}
          {format === 'bundle' && (
            <label className="inline">
              <input type="checkbox" checked={withPdfs} onChange={(e) => setWithPdfs(e.target.checked)} />
              Include both PDFs (
              {Math.round(((lawDocument.byteLength + codeDocument.byteLength) * 4) / 3 / 1024 / 1024)} MB
              more), for a colleague who does not have them
            </label>
          )}
          {format === 'pdf' && platform.savePdf === null && (
            <p className="muted small">The browser’s print dialog opens: choose “Save as PDF”.</p>
          )}
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
              {filtering && (
                <>
                  <Choices
                    legend="Only these commitments (none ticked: all)"
                    options={allCommitments.map((u) => ({
                      value: u.id,
                      label: u.heading ? `${formatCitation(u.id)} — ${u.heading}` : formatCitation(u.id),
                    }))}
                    chosen={commitments}
                    onChange={setCommitments}
                  />
                  <Choices
                    legend="Only these stances (none ticked: all)"
                    options={STANCES.map((value) => ({ value, label: value }))}
                    chosen={stances}
                    onChange={setStances}
                  />
                  <Choices
                    legend="Only these statuses (none ticked: all)"
                    options={REVIEW_STATUSES.map((value) => ({ value, label: value }))}
                    chosen={statuses}
                    onChange={setStatuses}
                  />
                  {knownTags.length > 0 && (
                    <Choices
                      legend="Only these tags (none ticked: all)"
                      options={knownTags.map((value) => ({ value, label: value }))}
                      chosen={tags}
                      onChange={setTags}
                    />
                  )}
                </>
              )}
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

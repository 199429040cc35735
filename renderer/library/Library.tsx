import { useEffect, useMemo, useState } from 'react';
import type { DocumentRecord, ProjectRecord } from '../../src/model/review';
import { deleteDocument, deleteProject, useDb, useDocuments, useProjects } from '../db';
import { ImportStatus } from '../import/ImportStatus';
import type { Importer } from '../import/useImporter';
import type { ImportRole } from '../platform';
import { defaultProjectName } from '../project/actions';
import type { Revision } from '../project/revise';
import { formatWhen, shortFingerprint } from '../ui/format';
import { plainMessage } from '../ui/errors';

export interface LibraryProps {
  readonly importer: Importer;
  readonly onImport: (role: ImportRole) => void;
  readonly onOpenProject: (id: string) => void;
  /** Moves a project onto a revised PDF in a new project (the old one stays as it is). */
  readonly onReviseProject: (revision: Revision) => void;
  readonly onOpenSample: () => void;
  readonly onImportBundle: () => void;
  readonly onCreateProject: (input: {
    name: string;
    lawFingerprint: string;
    codeFingerprint: string;
  }) => void;
  /** Set while a project is being linked: the form shows it and offers Cancel. */
  readonly linking: { readonly name: string; readonly cancel: () => void } | null;
  readonly linkError: string | null;
  /** Set while something else runs in the background (the sample project opening). */
  readonly busyLabel: string | null;
}

function kindLabel(kind: DocumentRecord['kind']): string {
  return kind === 'act' ? 'Law (act)' : kind === 'code' ? 'Code of practice' : 'Other';
}

function DocumentsTable({
  documents,
  projects,
}: {
  readonly documents: readonly DocumentRecord[];
  readonly projects: readonly ProjectRecord[];
}) {
  const db = useDb();
  const [message, setMessage] = useState<string | null>(null);
  const used = useMemo(
    () => new Set(projects.flatMap((p) => [p.lawFingerprint, p.codeFingerprint])),
    [projects],
  );
  if (documents.length === 0) {
    return (
      <p className="muted">
        No documents yet. Import the law and the code as PDFs, or open the sample project.
      </p>
    );
  }
  const remove = (doc: DocumentRecord): void => {
    if (!window.confirm(`Remove "${doc.title || doc.fileName}" from the library?`)) return;
    deleteDocument(db, doc.fingerprint).then(
      (outcome) => setMessage(outcome.ok ? null : outcome.error),
      (error: unknown) => setMessage(plainMessage(error)),
    );
  };
  return (
    <>
      {message !== null && (
        <p className="status error" role="alert">
          {message}
        </p>
      )}
      <table className="grid" data-testid="documents">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Kind</th>
            <th scope="col" className="num">
              Pages
            </th>
            <th scope="col" className="num">
              Clauses
            </th>
            <th scope="col">Imported</th>
            <th scope="col">Fingerprint (SHA-256)</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {documents.map((doc) => (
            <tr
              key={doc.fingerprint}
              data-testid="doc-row"
              data-fingerprint={doc.fingerprint}
              data-kind={doc.kind}
            >
              <td>
                <div className="doc-title" title={doc.title}>
                  {doc.title || '(untitled)'}
                </div>
                <div className="muted small">{doc.fileName}</div>
              </td>
              <td>{kindLabel(doc.kind)}</td>
              <td className="num">{doc.pages}</td>
              <td className="num">{doc.unitCount}</td>
              <td>{formatWhen(doc.importedAt)}</td>
              <td className="mono" title={doc.fingerprint}>
                {shortFingerprint(doc.fingerprint)}…
              </td>
              <td>
                <button
                  type="button"
                  className="link"
                  onClick={() => remove(doc)}
                  disabled={used.has(doc.fingerprint)}
                  title={used.has(doc.fingerprint) ? 'Used by a project' : 'Remove from the library'}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function pickDefault(documents: readonly DocumentRecord[], kind: 'act' | 'code'): string {
  // The most recently imported document of the kind, else the most recent of any kind.
  const sorted = [...documents].sort((a, b) => b.importedAt.localeCompare(a.importedAt));
  return (sorted.find((d) => d.kind === kind) ?? sorted[0])?.fingerprint ?? '';
}

function NewProjectForm({
  documents,
  onCreate,
  linking,
  linkError,
}: {
  readonly documents: readonly DocumentRecord[];
  readonly onCreate: LibraryProps['onCreateProject'];
  readonly linking: LibraryProps['linking'];
  readonly linkError: string | null;
}) {
  const [law, setLaw] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  // Follow new imports until the user picks by hand.
  const lawChoice = documents.some((d) => d.fingerprint === law) ? law : pickDefault(documents, 'act');
  const codeChoice = documents.some((d) => d.fingerprint === code) ? code : pickDefault(documents, 'code');
  const byId = new Map(documents.map((d) => [d.fingerprint, d]));
  const placeholder = defaultProjectName(byId.get(codeChoice)?.title ?? '', byId.get(lawChoice)?.title ?? '');
  const ready = lawChoice !== '' && codeChoice !== '' && lawChoice !== codeChoice && linking === null;
  const option = (doc: DocumentRecord) => (
    <option key={doc.fingerprint} value={doc.fingerprint}>
      {`${doc.title || doc.fileName} (${kindLabel(doc.kind)}, ${doc.pages} p.)`}
    </option>
  );
  return (
    <form
      className="new-project"
      aria-label="New project"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) onCreate({ name, lawFingerprint: lawChoice, codeFingerprint: codeChoice });
      }}
    >
      <label>
        Law
        <select value={lawChoice} onChange={(e) => setLaw(e.target.value)} data-testid="project-law">
          {documents.map(option)}
        </select>
      </label>
      <label>
        Code
        <select value={codeChoice} onChange={(e) => setCode(e.target.value)} data-testid="project-code">
          {documents.map(option)}
        </select>
      </label>
      <label className="wide">
        Name
        <input
          type="text"
          value={name}
          placeholder={placeholder}
          onChange={(e) => setName(e.target.value)}
          maxLength={200}
        />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={!ready} data-testid="create-project">
          Create project and suggest links
        </button>
        {lawChoice !== '' && lawChoice === codeChoice && (
          <span className="muted">Pick two different documents.</span>
        )}
      </div>
      {linking !== null && (
        <div className="status reading" role="status" aria-live="polite" data-testid="linking">
          <span className="spinner" aria-hidden="true" />
          <span>Linking {linking.name}: reading citations and comparing texts…</span>
          <button type="button" className="secondary" onClick={linking.cancel}>
            Cancel
          </button>
        </div>
      )}
      {linkError !== null && (
        <div className="status error" role="alert">
          {linkError}
        </div>
      )}
    </form>
  );
}

/**
 * The form under a project for moving it onto a revised PDF: which document is revised and which
 * PDF of the library is its new version.
 */
function ReviseForm({
  project,
  documents,
  onRevise,
  onClose,
}: {
  readonly project: ProjectRecord;
  readonly documents: readonly DocumentRecord[];
  readonly onRevise: (revision: Revision) => void;
  readonly onClose: () => void;
}) {
  const [role, setRole] = useState<'law' | 'code'>('code');
  const current = role === 'law' ? project.lawFingerprint : project.codeFingerprint;
  const other = role === 'law' ? project.codeFingerprint : project.lawFingerprint;
  const candidates = documents.filter((d) => d.fingerprint !== current && d.fingerprint !== other);
  const [chosen, setChosen] = useState('');
  const fingerprint = candidates.some((d) => d.fingerprint === chosen) ? chosen : '';
  return (
    <form
      className="revise-form"
      data-testid="revise-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (fingerprint !== '') onRevise({ projectId: project.id, role, fingerprint });
      }}
    >
      <p className="muted small">
        A new project over the revised PDF gets this project’s links, verdicts and objections: each verdict
        follows the text it was written on, and those that find no place are listed to re-attach. This project
        stays as it is.
      </p>
      <label className="inline">
        Revised
        <select value={role} onChange={(e) => setRole(e.target.value === 'law' ? 'law' : 'code')}>
          <option value="code">code</option>
          <option value="law">law</option>
        </select>
      </label>
      <label className="inline">
        New version
        <select value={fingerprint} onChange={(e) => setChosen(e.target.value)} data-testid="revise-document">
          <option value="">{candidates.length === 0 ? 'Import the revised PDF first' : 'Choose…'}</option>
          {candidates.map((d) => (
            <option key={d.fingerprint} value={d.fingerprint}>
              {d.title || d.fileName} ({d.fileName}, {shortFingerprint(d.fingerprint)})
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" disabled={fingerprint === ''} data-testid="revise-start">
        Move to this version
      </button>
      <button type="button" className="secondary" onClick={onClose}>
        Cancel
      </button>
    </form>
  );
}

function ProjectsList({
  projects,
  documents,
  onOpen,
  onRevise,
}: {
  readonly projects: readonly ProjectRecord[];
  readonly documents: readonly DocumentRecord[];
  readonly onOpen: (id: string) => void;
  readonly onRevise: (revision: Revision) => void;
}) {
  const db = useDb();
  const [revising, setRevising] = useState<string | null>(null);
  const titles = new Map(documents.map((d) => [d.fingerprint, d.title || d.fileName]));
  if (projects.length === 0) return <p className="muted">No projects yet.</p>;
  const remove = (project: ProjectRecord): void => {
    if (
      !window.confirm(
        `Delete the project "${project.name}" with all its links and notes? The documents stay in the library.`,
      )
    )
      return;
    void deleteProject(db, project.id);
  };
  return (
    <ul className="projects" data-testid="projects">
      {[...projects]
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .map((project) => (
          <li key={project.id} data-testid="project-row">
            <div className="project-main">
              <button type="button" className="project-open" onClick={() => onOpen(project.id)}>
                {project.name}
              </button>
              {project.sample && <span className="pill">sample</span>}
              <div className="muted small">
                Law: {titles.get(project.lawFingerprint) ?? 'missing'} · Code:{' '}
                {titles.get(project.codeFingerprint) ?? 'missing'} · updated {formatWhen(project.updatedAt)}
              </div>
              {revising === project.id && (
                <ReviseForm
                  project={project}
                  documents={documents}
                  onRevise={(revision) => {
                    setRevising(null);
                    onRevise(revision);
                  }}
                  onClose={() => setRevising(null)}
                />
              )}
            </div>
            <button
              type="button"
              className="link"
              aria-expanded={revising === project.id}
              onClick={() => setRevising(revising === project.id ? null : project.id)}
              data-testid="revise-project"
            >
              Revised PDF…
            </button>
            <button type="button" className="link" onClick={() => remove(project)}>
              Delete
            </button>
          </li>
        ))}
    </ul>
  );
}

/** The library: imported documents, projects, and the way to start one. */
export function Library(props: LibraryProps) {
  const documents = useDocuments();
  const projects = useProjects();
  const busy = ['reading', 'password', 'saving'].includes(props.importer.state.phase);
  useEffect(() => {
    document.title = 'Library — Crosswalk';
  }, []);
  return (
    <main className="library" aria-label="Library">
      <section className="panel">
        <div className="panel-head">
          <h2>Documents</h2>
          <div className="buttons">
            <button
              type="button"
              className="primary"
              onClick={() => props.onImport('law')}
              disabled={busy}
              data-testid="import-law"
            >
              Import law PDF…
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => props.onImport('code')}
              disabled={busy}
              data-testid="import-code"
            >
              Import code PDF…
            </button>
          </div>
        </div>
        <p className="muted small">
          PDFs are read on this computer and stored in this app only. You can also drop a PDF onto the window.
        </p>
        <ImportStatus
          state={props.importer.state}
          onCancel={() => props.importer.cancel()}
          onPassword={(password) => props.importer.answerPassword(password)}
        />
        {props.busyLabel !== null && (
          <div className="status reading" role="status" aria-live="polite" data-testid="busy">
            <span className="spinner" aria-hidden="true" />
            <span>{props.busyLabel}</span>
          </div>
        )}
        {documents === undefined ? (
          <p className="muted">Loading…</p>
        ) : (
          <DocumentsTable documents={documents} projects={projects ?? []} />
        )}
      </section>
      <section className="panel">
        <div className="panel-head">
          <h2>Projects</h2>
          <div className="buttons">
            <button
              type="button"
              className="secondary"
              onClick={props.onImportBundle}
              data-testid="import-bundle"
            >
              Import bundle…
            </button>
            <button
              type="button"
              className="secondary"
              onClick={props.onOpenSample}
              data-testid="open-sample"
            >
              Open sample project
            </button>
          </div>
        </div>
        {projects !== undefined && documents !== undefined && (
          <ProjectsList
            projects={projects}
            documents={documents}
            onOpen={props.onOpenProject}
            onRevise={props.onReviseProject}
          />
        )}
        <h3>New project</h3>
        {documents !== undefined && documents.length >= 2 ? (
          <NewProjectForm
            documents={documents}
            onCreate={props.onCreateProject}
            linking={props.linking}
            linkError={props.linkError}
          />
        ) : (
          <p className="muted">Import a law and a code first; a project reads one against the other.</p>
        )}
      </section>
    </main>
  );
}

import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type DragEvent } from 'react';
import {
  DbProvider,
  getProject,
  getSetting,
  listProjects,
  putSetting,
  useDb,
  useProject,
  useSetting,
  type CrosswalkDb,
} from './db';
import { useImporter } from './import/useImporter';
import { Library } from './library/Library';
import { readBrowserFile, type HostCommand, type ImportRole, type Platform, type TextFile } from './platform';
import { createLinkedProject, openSampleProject } from './project/actions';
import { formatRoute, parseRoute, type Route } from './route';
import { ServicesProvider, useServices } from './services';
import { importBundle, type BundleImportResult } from './bundle/importBundle';
import { MergeReportDialog } from './bundle/MergeReportDialog';
import { AboutDialog } from './ui/AboutDialog';
import { isAbort, plainMessage } from './ui/errors';
import { SettingsDialog } from './ui/SettingsDialog';
import { storageMessage } from './storage/failures';
import { StorageBanner, StorageProvider } from './storage/StorageBanner';
import { storageHealthFor } from './storage/storage';
import { BackupBanner } from './backup/BackupBanner';
import { BackupDialog, type RestoreMode } from './backup/BackupDialog';
import { restoreAsNewProject, restoreIntoProject } from './backup/restore';
import { useBackups } from './backup/useBackups';
import type { Pipeline } from './worker/pipeline';
import { ObjectionsView } from './objections/ObjectionsView';
import { reviseProject, type Revision } from './project/revise';
import { Overview } from './overview/Overview';
import { ConflictsView } from './conflicts/ConflictsView';
import { PageView } from './page/PageView';
import { Workspace } from './workspace/Workspace';
import { ShortcutHelp } from './keyboard/ShortcutHelp';
import { useShortcuts } from './keyboard/useShortcuts';

function subscribeHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route, following the URL's hash (back and forward work). */
function useRoute(): [Route, (route: Route, replace?: boolean) => void] {
  const hash = useSyncExternalStore(subscribeHash, () => window.location.hash);
  const navigate = useCallback((route: Route, replace = false) => {
    const next = formatRoute(route);
    if (window.location.hash === next) return;
    if (replace) {
      window.history.replaceState(null, '', next);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } else window.location.hash = next;
  }, []);
  return [parseRoute(hash), navigate];
}

function looksLikePdf(file: File): boolean {
  return file.type === 'application/pdf' || file.name.toLowerCase().endsWith('.pdf');
}

type Busy = { readonly label: string; readonly cancel: (() => void) | null } | null;

function Shell() {
  const db = useDb();
  const { platform, pipeline } = useServices();
  const [route, navigate] = useRoute();
  const importer = useImporter();
  const dark = useSetting('darkMode') ?? false;
  const author = useSetting('author') ?? '';
  const [dialog, setDialog] = useState<'settings' | 'about' | 'backups' | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [linkError, setLinkError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [exportRequest, setExportRequest] = useState(0);
  const [merged, setMerged] = useState<BundleImportResult | null>(null);
  const dragDepth = useRef(0);

  // A storage failure is said the storage banner's way (what happened, what to do), not as Dexie words it.
  const onError = useCallback(
    (error: unknown) => setBanner(storageMessage(error) ?? plainMessage(error)),
    [],
  );
  // Backups follow the open project: a timer while it is open, one more on leaving it.
  const openProjectId = route.view === 'library' ? null : route.projectId;
  const backups = useBackups(db, platform, openProjectId);
  const openProjectRecord = useProject(openProjectId);

  useEffect(() => {
    document.documentElement.dataset['theme'] = dark ? 'dark' : 'light';
    void platform.setDarkMode(dark).catch(() => undefined);
  }, [dark, platform]);
  const setDark = useCallback(
    (value: boolean) => void putSetting(db, 'darkMode', value).catch(onError),
    [db, onError],
  );

  const openProject = useCallback(
    (id: string) => {
      void putSetting(db, 'lastProjectId', id).catch(() => undefined);
      navigate({ view: 'workspace', projectId: id, unitId: null });
    },
    [db, navigate],
  );

  /**
   * Runs one background job (sample, linking, bundle) at a time: a second one would overwrite the
   * first's progress line and Cancel button, and could make a project twice.
   */
  const running = useRef(false);
  const exclusive = useCallback(async (busyState: NonNullable<Busy>, job: () => Promise<void>) => {
    if (running.current) {
      setBanner('Crosswalk is still busy with the previous task. Try again when it has finished.');
      return;
    }
    running.current = true;
    setBusy(busyState);
    try {
      await job();
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);

  const openSample = useCallback(
    (onlyFromLibrary = false) =>
      exclusive({ label: 'Opening the sample project…', cancel: null }, async () => {
        try {
          const project = await openSampleProject(db, pipeline);
          // On first run the sample opens by itself; if the user has gone elsewhere meanwhile, stay there.
          if (!onlyFromLibrary || parseRoute(window.location.hash).view === 'library')
            openProject(project.id);
        } catch (error) {
          onError(error);
        }
      }),
    [db, pipeline, openProject, onError, exclusive],
  );

  const createProject = useCallback(
    async (input: { name: string; lawFingerprint: string; codeFingerprint: string }) => {
      const controller = new AbortController();
      setLinkError(null);
      await exclusive(
        { label: input.name || 'the new project', cancel: () => controller.abort() },
        async () => {
          try {
            const project = await createLinkedProject(db, pipeline, input, controller.signal);
            openProject(project.id);
          } catch (error) {
            if (!isAbort(error)) setLinkError(plainMessage(error));
          }
        },
      );
    },
    [db, pipeline, openProject, exclusive],
  );

  const chooseAndImport = useCallback(
    async (role: ImportRole) => {
      try {
        const file = await platform.openPdf(role);
        if (file === null) return;
        navigate({ view: 'library' });
        await importer.importPdf(file, role);
      } catch (error) {
        importer.fail(null, plainMessage(error));
      }
    },
    [platform, importer, navigate],
  );

  const exportMemo = useCallback(() => {
    if (parseRoute(window.location.hash).view === 'workspace') setExportRequest((n) => n + 1);
    else setBanner('Open a project first: a memo is exported from its workspace.');
  }, []);

  const mergeBundle = useCallback(
    async (file: TextFile) => {
      const current = parseRoute(window.location.hash);
      await exclusive({ label: `Importing ${file.name}…`, cancel: null }, async () => {
        try {
          setMerged(
            await importBundle(db, pipeline, file, current.view === 'workspace' ? current.projectId : null),
          );
        } catch (error) {
          onError(error);
        }
      });
    },
    [db, pipeline, onError, exclusive],
  );

  const reviseOpen = useCallback(
    async (revision: Revision) => {
      const controller = new AbortController();
      await exclusive(
        { label: 'Moving the review to the revised PDF…', cancel: () => controller.abort() },
        async () => {
          try {
            setMerged(await reviseProject(db, pipeline, revision, controller.signal));
          } catch (error) {
            if (!isAbort(error)) onError(error);
          }
        },
      );
    },
    [db, pipeline, onError, exclusive],
  );

  const restoreBackup = useCallback(
    async (file: TextFile, mode: RestoreMode) => {
      setDialog(null);
      await exclusive({ label: `Restoring ${file.name}…`, cancel: null }, async () => {
        try {
          setMerged(
            mode.kind === 'copy'
              ? await restoreAsNewProject(db, pipeline, file)
              : await restoreIntoProject(db, pipeline, file, mode.projectId),
          );
        } catch (error) {
          onError(error);
        }
      });
    },
    [db, pipeline, onError, exclusive],
  );

  const backUpOpenProject = useCallback(() => {
    const current = parseRoute(window.location.hash);
    if (current.view === 'library')
      setBanner('Open a project first: the backup is of the project you are in.');
    else void backups.backUpNow(current.projectId);
  }, [backups]);

  const chooseBundle = useCallback(async () => {
    try {
      const file = await platform.openBundle();
      if (file !== null) await mergeBundle(file);
    } catch (error) {
      onError(error);
    }
  }, [platform, mergeBundle, onError]);

  // First run: a newcomer lands in the sample project, not an empty library.
  useEffect(() => {
    let live = true;
    const startedBare = window.location.hash === '' || window.location.hash === '#';
    void (async () => {
      if (!(await getSetting(db, 'firstRunDone', false))) {
        await putSetting(db, 'firstRunDone', true);
        if (
          (await listProjects(db)).length > 0 ||
          !live ||
          parseRoute(window.location.hash).view !== 'library'
        )
          return;
        await openSample(true);
        return;
      }
      // The desktop app starts without a hash: reopen the project the user was working in.
      const last = await getSetting(db, 'lastProjectId');
      if (startedBare && live && last !== null && (await getProject(db, last)) !== null) {
        navigate({ view: 'workspace', projectId: last, unitId: null }, true);
      }
    })().catch(onError);
    return () => {
      live = false;
    };
  }, [db, openSample, onError, navigate]);

  useEffect(
    () =>
      platform.onCommand((command: HostCommand) => {
        switch (command.kind) {
          case 'import-pdf':
            navigate({ view: 'library' });
            void importer.importPdf(command.file, command.role);
            return;
          case 'open-sample':
            void openSample();
            return;
          case 'import-bundle':
            void mergeBundle(command.file);
            return;
          case 'export-memo':
            exportMemo();
            return;
          case 'toggle-dark-mode':
            setDark(!dark);
            return;
          case 'about':
            setDialog('about');
            return;
          case 'backup-now':
            backUpOpenProject();
            return;
          case 'restore-backup':
            setDialog('backups');
            return;
          default: {
            const unreachable: never = command;
            return unreachable;
          }
        }
      }),
    [platform, importer, navigate, openSample, exportMemo, mergeBundle, setDark, dark, backUpOpenProject],
  );

  // Outside the workspace (which has its own), g w / g o move between the project's screens.
  const [helpOpen, setHelpOpen] = useState(false);
  const projectId = route.view === 'library' ? null : route.projectId;
  useShortcuts(
    {
      onWorkspace: () => {
        if (projectId !== null) navigate({ view: 'workspace', projectId, unitId: null });
      },
      onOverview: () => {
        if (projectId !== null) navigate({ view: 'overview', projectId });
      },
      onHelp: () => setHelpOpen((open) => !open),
    },
    (route.view === 'overview' || route.view === 'page' || route.view === 'conflicts') &&
      dialog === null &&
      !helpOpen,
  );

  const onDragEnter = (event: DragEvent): void => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    dragDepth.current += 1;
    setDragging(true);
  };
  const onDragOver = (event: DragEvent): void => {
    // Dragging text (into a rationale, say) is the page's own business.
    if (!event.dataTransfer.types.includes('Files')) return;
    // Without this the browser (or Electron) would open the dropped file itself.
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDragLeave = (): void => {
    dragDepth.current = Math.max(0, dragDepth.current - 1);
    if (dragDepth.current === 0) setDragging(false);
  };
  const onDrop = (event: DragEvent): void => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file === undefined) return;
    navigate({ view: 'library' });
    if (!looksLikePdf(file)) {
      importer.fail(file.name, 'This is not a PDF. Crosswalk can only import PDF files.');
      return;
    }
    readBrowserFile(file).then(
      (pdf) => importer.importPdf(pdf, null),
      (error: unknown) => importer.fail(file.name, plainMessage(error)),
    );
  };

  return (
    <div
      className={dragging ? 'app dragging' : 'app'}
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <header className="topbar">
        <h1>
          <a href="#/" className="brand" data-testid="nav-library">
            Crosswalk
          </a>
        </h1>
        <p className="tagline">Read a policy against the law it implements, clause by clause. Offline.</p>
        <button
          type="button"
          className="secondary"
          onClick={() => setDialog('backups')}
          data-testid="open-backups"
        >
          Backups
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => setDialog('settings')}
          data-testid="open-settings"
        >
          {author === '' ? 'Settings' : `Settings · ${author}`}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => setDark(!dark)}
          aria-pressed={dark}
          title="Dark mode"
        >
          {dark ? 'Light' : 'Dark'}
        </button>
        <button type="button" className="secondary" onClick={() => setDialog('about')}>
          About
        </button>
      </header>
      <StorageBanner />
      <BackupBanner backups={backups} />
      {banner !== null && (
        <div className="banner error" role="alert" data-testid="banner">
          <span>{banner}</span>
          <button type="button" className="link" onClick={() => setBanner(null)}>
            Dismiss
          </button>
        </div>
      )}
      {busy !== null && route.view === 'workspace' && (
        <div className="banner" role="status">
          <span className="spinner" aria-hidden="true" /> {busy.label}
        </div>
      )}
      {route.view === 'library' ? (
        <Library
          importer={importer}
          onImport={(role) => void chooseAndImport(role)}
          onOpenProject={openProject}
          onOpenSample={() => void openSample()}
          onImportBundle={() => void chooseBundle()}
          onCreateProject={(input) => void createProject(input)}
          onReviseProject={(revision) => void reviseOpen(revision)}
          linking={busy !== null && busy.cancel !== null ? { name: busy.label, cancel: busy.cancel } : null}
          linkError={linkError}
          busyLabel={busy !== null && busy.cancel === null ? busy.label : null}
        />
      ) : route.view === 'workspace' ? (
        <Workspace
          key={route.projectId}
          projectId={route.projectId}
          unitId={route.unitId}
          onSelectUnit={(unitId) => navigate({ view: 'workspace', projectId: route.projectId, unitId }, true)}
          onBack={() => navigate({ view: 'library' })}
          onSetAuthor={() => setDialog('settings')}
          onError={onError}
          exportRequest={exportRequest}
          onOpenPage={(doc, clauseId) =>
            navigate({ view: 'page', projectId: route.projectId, doc, clauseId, from: route.unitId })
          }
          onOpenOverview={() => navigate({ view: 'overview', projectId: route.projectId })}
          onOpenObjections={() =>
            navigate({ view: 'objections', projectId: route.projectId, objectionId: null })
          }
          onOpenConflicts={() => navigate({ view: 'conflicts', projectId: route.projectId })}
        />
      ) : route.view === 'objections' ? (
        <ObjectionsView
          key={route.projectId}
          projectId={route.projectId}
          objectionId={route.objectionId}
          onSelect={(objectionId) =>
            navigate({ view: 'objections', projectId: route.projectId, objectionId }, true)
          }
          onOpenUnit={(unitId) => navigate({ view: 'workspace', projectId: route.projectId, unitId })}
          onBack={() => navigate({ view: 'workspace', projectId: route.projectId, unitId: null })}
        />
      ) : route.view === 'overview' ? (
        <Overview
          key={route.projectId}
          projectId={route.projectId}
          onOpenUnit={(unitId) => navigate({ view: 'workspace', projectId: route.projectId, unitId })}
          onBack={() => navigate({ view: 'workspace', projectId: route.projectId, unitId: null })}
        />
      ) : route.view === 'conflicts' ? (
        <ConflictsView
          key={route.projectId}
          projectId={route.projectId}
          onOpenUnit={(unitId) => navigate({ view: 'workspace', projectId: route.projectId, unitId })}
          onBack={() => navigate({ view: 'workspace', projectId: route.projectId, unitId: null })}
        />
      ) : (
        <PageView
          key={`${route.projectId}/${route.doc}/${route.clauseId}`}
          projectId={route.projectId}
          doc={route.doc}
          clauseId={route.clauseId}
          from={route.from}
          onBack={() =>
            navigate({
              view: 'workspace',
              projectId: route.projectId,
              unitId: route.from ?? (route.doc === 'code' ? route.clauseId : null),
            })
          }
        />
      )}
      {merged !== null && (
        <MergeReportDialog
          result={merged}
          onClose={() => setMerged(null)}
          onOpen={() => {
            openProject(merged.project.id);
            setMerged(null);
          }}
          onResolve={() => {
            navigate({ view: 'conflicts', projectId: merged.project.id });
            setMerged(null);
          }}
        />
      )}
      {dialog === 'settings' && (
        <SettingsDialog
          author={author}
          dark={dark}
          onDark={setDark}
          onClose={() => setDialog(null)}
          onError={onError}
          onBackups={() => setDialog('backups')}
        />
      )}
      {dialog === 'backups' && (
        <BackupDialog
          platform={platform}
          openProject={openProjectRecord ? { id: openProjectRecord.id, name: openProjectRecord.name } : null}
          onBackUpNow={(id) => {
            setDialog(null);
            void backups.backUpNow(id);
          }}
          onRestore={(file, mode) => void restoreBackup(file, mode)}
          onClose={() => setDialog(null)}
        />
      )}
      {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
      {dialog === 'about' && <AboutDialog platform={platform} onClose={() => setDialog(null)} />}
      {dragging && (
        <div className="drop-hint" aria-hidden="true">
          Drop the PDF to import it
        </div>
      )}
    </div>
  );
}

/** The whole app: storage, host and background pipeline provided once, then the library or a workspace. */
export function App({
  platform,
  db,
  pipeline,
}: {
  readonly platform: Platform;
  readonly db: CrosswalkDb;
  readonly pipeline: Pipeline;
}) {
  return (
    <DbProvider db={db}>
      <StorageProvider health={storageHealthFor(db)}>
        <ServicesProvider services={{ platform, pipeline }}>
          <Shell />
        </ServicesProvider>
      </StorageProvider>
    </DbProvider>
  );
}

import { useMemo } from 'react';
import type { ClauseTree } from '../../src/model/clause';
import type { Annotation } from '../../src/model/review';
import { useResolutions } from '../db';
import { projectConflicts } from './conflicts';

/**
 * How many things the Conflicts screen asks the user to resolve (conflicting verdicts and notes
 * that lost their place), for the workspace's button; 0 while anything is still loading.
 */
export function useConflictCount(
  projectId: string,
  annotations: readonly Annotation[] | undefined,
  author: string,
  code: ClauseTree | null | undefined,
  law: ClauseTree | null | undefined,
): number {
  const resolutions = useResolutions(projectId);
  return useMemo(() => {
    if (!annotations || !resolutions || !code || !law) return 0;
    const found = projectConflicts(projectId, annotations, author, resolutions, code, law);
    return found.conflicts.length + found.orphans.length;
  }, [projectId, annotations, author, resolutions, code, law]);
}

/**
 * Exports: the review memo (as data, Markdown and CSV) and the project bundle (versioned JSON for
 * team interchange) with its merge plan. Strings in, strings out: the caller does the file I/O.
 */
export {
  ASSESSMENT_TEXT,
  buildMemo,
  cutQuote,
  MEMO_TEMPLATES,
  objectionOrigin,
  MACHINE_SUGGESTION_LABEL,
  METHOD_TEXT,
  MIXED_STANCES,
  NO_STANCE,
  SUMMARY_COLUMNS,
  type Memo,
  type MemoDocument,
  type MemoInput,
  type MemoLink,
  type MemoObjection,
  type MemoOptions,
  type MemoTemplate,
  type MemoSection,
  type MemoSummaryRow,
  type MemoUnit,
  type MemoUnitRef,
  type MemoVerdict,
  type SummaryColumn,
} from './memo';
export { escapeHtml, escapeInline, escapeRationale, renderMarkdown } from './markdown';
export { csvField, CSV_COLUMNS, renderCsv, RESPONSE_CSV_COLUMNS, toCsv, type CsvOptions } from './csv';
export {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  buildBundle,
  DEFAULT_BUNDLE_LIMITS,
  parseBundle,
  type Bundle,
  type BundleFile,
  type BundleInput,
  type BundleLimits,
  type ParseBundleResult,
} from './bundle';
export {
  derivedAnnotationId,
  fingerprintsMatch,
  planMerge,
  type ExistingReview,
  type FingerprintCheck,
  type MergeConflict,
  type MergePlan,
  type MergeReport,
} from './merge';
export {
  escapeHtmlText,
  parseInline,
  parseRationale,
  renderHtml,
  type RationaleBlock,
  type RationaleSpan,
} from './html';
export { memoDocument, renderDocx } from './docx';
export {
  buildOscalMapping,
  CROSSWALK_OSCAL_NS,
  OSCAL_RELATIONSHIPS,
  OSCAL_VERSION,
  renderOscalMapping,
  UNASSESSED_RELATIONSHIP,
  type OscalMap,
  type OscalMapping,
  type OscalMappingCollection,
  type OscalMappingInput,
  type OscalMethod,
} from './oscal';
export {
  annotationUrn,
  ANNO_CONTEXT,
  buildW3cAnnotations,
  locateQuote,
  renderW3cAnnotations,
  type W3cAnnotation,
  type W3cAnnotationCollection,
  type W3cAnnotationsInput,
} from './w3c';

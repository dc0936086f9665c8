import { linkageReport } from '../../detect/linkage';
import type { LinkageReport } from '../../report/types';
import type { RuleContext } from '../finding';

export { compareVersions } from '../../detect/linkage';

/**
 * The report's linkage facts, or the same facts worked out from the Exe when the report has none (the findings
 * can run before or without the linkage stage).
 */
export function linkageOf(context: RuleContext): LinkageReport | null {
  if (context.report.linkage) return context.report.linkage;
  return context.exe ? linkageReport(context.exe, context.report.go) : null;
}

/**
 * Child-process entry of `validateInChild` (./content.ts): validates the content folder named in
 * argv (folder, "now" as ISO, cwd) and sends back what the build needs.
 */
import { validateContent, type ValidationSummary } from './content.ts';

const [contentDir, now, cwd] = process.argv.slice(2) as [string, string, string];
const report = await validateContent(contentDir, new Date(now), cwd);
const summary: ValidationSummary = { problems: report.problems, redirects: report.redirects, articleCount: report.articles.length };
process.send!(summary, () => process.disconnect());

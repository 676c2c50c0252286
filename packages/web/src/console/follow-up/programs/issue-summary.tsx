import { forwardRef } from 'react';
import { useT } from '../../../i18n/i18n-provider';
import { fieldId } from './program-form';
import { whereOf } from './program-labels';

export interface SummaryIssue {
  /** The field it is about (program-form fieldOfIssue); '' for the program as a whole. */
  field: string;
  message: string;
}

/**
 * The server's refusal listed above the form, each issue a link to its field (GOV.UK's
 * error summary pattern): the editor moves the focus here when publishing or previewing
 * fails, so a reader learns what to fix without hunting through seven steps.
 */
export const IssueSummary = forwardRef<
  HTMLDivElement,
  { issues: SummaryIssue[]; onGo: (field: string) => void }
>(function IssueSummary({ issues, onGo }, ref) {
  const t = useT();
  if (issues.length === 0) return null;
  return (
    <div className="fup-issues" ref={ref} tabIndex={-1} aria-labelledby="fup-issues-title">
      <h2 id="fup-issues-title">{t('web.followUp.programs.issues', { count: issues.length })}</h2>
      <ul>
        {issues.map((issue, i) => {
          const text = issue.field
            ? t('web.followUp.programs.issue-at', {
                where: whereOf(t, issue.field),
                message: issue.message,
              })
            : issue.message;
          return (
            <li key={i}>
              {issue.field ? (
                <a
                  href={`#${fieldId(issue.field)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onGo(issue.field);
                  }}
                >
                  {text}
                </a>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
});

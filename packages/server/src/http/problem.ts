import { translate, type FieldIssue } from '@caredesk/core';

/**
 * RFC 9457 problem details. `type` is a stable URN per problem kind, `code` the domain
 * code clients branch on, `title` and each issue's `message` in the requester's language.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  issues?: Array<{ path: string; message: string; detail: string }>;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function problem(
  status: number,
  code: string,
  language: string,
  detail?: string,
  issues: FieldIssue[] = [],
): Problem {
  const body: Problem = {
    type: `urn:caredesk:problem:${code}`,
    title: translate(language, `problem.${code}`),
    status,
    code,
  };
  if (detail) body.detail = detail;
  if (issues.length > 0) {
    body.issues = issues.map((i) => ({
      path: i.path,
      message: translate(language, i.messageKey, i.values),
      detail: i.detail,
    }));
  }
  return body;
}

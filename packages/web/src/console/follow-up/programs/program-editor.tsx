import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { ApiError } from '../../../api/client';
import { useT } from '../../../i18n/i18n-provider';
import { FormError } from '../../../sign-in/form-error';
import { IssueSummary, type SummaryIssue } from './issue-summary';
import { ProgramAbout } from './program-about';
import type { FieldErrors } from './program-fields';
import {
  fieldId,
  fieldOfIssue,
  formOf,
  languageOf,
  programOf,
  type ProgramForm,
  type StepForm,
  type TextLanguage,
} from './program-form';
import { ProgramPreview } from './program-preview';
import { ProgramSteps } from './program-steps';
import { publishProgram, type StoredProgram } from './programs-api';

/**
 * The form of one program version (issue #6 point 7): editable when it is the latest,
 * read-only otherwise. Publishing sends the whole program with the version it was loaded
 * at; the server checks it with core's validateProgram and answers with issues by path,
 * shown at their fields and listed above the form, or 409 when someone published first.
 */
export function ProgramEditor({
  stored,
  readOnly,
  onPublished,
  onReload,
}: {
  stored: StoredProgram;
  readOnly: boolean;
  onPublished: (published: StoredProgram) => void;
  onReload: () => void;
}) {
  const t = useT();
  const [form, setForm] = useState<ProgramForm>(() => formOf(stored.definition));
  const [language, setLanguage] = useState<TextLanguage>('en');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [issues, setIssues] = useState<SummaryIssue[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  const clear = () => {
    setErrors({});
    setIssues([]);
    setFormError(null);
    setConflict(null);
  };

  const fail = (e: unknown) => {
    clear();
    if (!(e instanceof ApiError) || e.status === 0) return setFormError(t('web.error.network'));
    if (e.status === 409) return setConflict(e.message);
    if (e.issues.length === 0) return setFormError(e.message);
    const listed = e.issues.map((i) => ({ field: fieldOfIssue(i.path, form), message: i.message }));
    const next: Record<string, string> = {};
    for (const i of listed) next[i.field] ??= i.message;
    // Step texts show one language at a time: show the first one with a problem.
    const first = listed.map((i) => languageOf(i.field)).find((l) => l !== null);
    flushSync(() => {
      if (first && listed.some((i) => i.field.startsWith('steps/'))) setLanguage(first);
      setErrors(next);
      setIssues(listed);
    });
    summary.current?.focus();
  };

  const go = (field: string) => {
    const l = languageOf(field);
    if (l && field.startsWith('steps/')) flushSync(() => setLanguage(l));
    document.getElementById(fieldId(field))?.focus();
  };

  const setSteps = (steps: StepForm[]) => {
    // Issues name steps by position: once steps move or go, the old positions mislead.
    const same =
      steps.length === form.steps.length && steps.every((s, i) => s.uid === form.steps[i]?.uid);
    if (!same) clear();
    setForm({ ...form, steps });
  };

  const publish = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const published = await publishProgram(programOf(form), stored.version);
      clear();
      onPublished(published);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <IssueSummary ref={summary} issues={issues} onGo={go} />
      {conflict && (
        <div className="notice fup-conflict" role="alert">
          <p>{conflict}</p>
          <button type="button" onClick={onReload}>
            {t('web.followUp.programs.reload')}
          </button>
        </div>
      )}
      <form className="fup-form" id="fup-form" noValidate onSubmit={(e) => e.preventDefault()}>
        <fieldset className="fup-plain" disabled={readOnly}>
          <ProgramAbout
            form={form}
            errors={errors}
            onChange={(change) => setForm({ ...form, ...change })}
          />
        </fieldset>
        <ProgramSteps
          readOnly={readOnly}
          steps={form.steps}
          language={language}
          onLanguage={setLanguage}
          errors={errors}
          onChange={setSteps}
        />
      </form>
      <ProgramPreview program={() => programOf(form)} onFailed={fail} onChecked={clear} />
      <FormError message={formError} />
      {!readOnly && (
        <div className="fup-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void publish()}>
            {t('web.followUp.programs.publish', { version: stored.version + 1 })}
          </button>
        </div>
      )}
    </>
  );
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useSession } from '../../app/session';
import { attachmentRefusals } from '../../cases/attachments/attachment-refusals';
import { readUploads } from '../../cases/attachments/read-files';
import {
  fetchCase,
  patchCase,
  sendMessage,
  type CaseDetail,
  type CasePatch,
  type CaseStatus,
} from '../../cases/cases-api';
import { useNow } from '../../cases/use-now';
import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/languages';
import type { Resource } from '../../patient-record/use-resource';
import '../../styles/console-routing.css';
import '../../styles/console-cases.css';
import '../../styles/console-case-page.css';
import { CaseControls } from './case-controls';
import { FollowUpPlanPanel } from '../follow-up/follow-up-plan-panel';
import { CaseConversation } from './case-conversation';
import { CaseHeader } from './case-header';
import { DisclosureSection } from './disclosure-section';
import type { CaseSlots } from './case-slots';
import { PatientPanel } from './patient-panel';
import { ReplyComposer } from './reply-composer';
import { useCategories } from './use-categories';
import { useStaff } from './use-names';

const failure = (e: unknown, fallback: string) =>
  e instanceof ApiError && e.status !== 0 && e.message ? e.message : fallback;

/**
 * The case page (issue #5 point 9): what the case is and when it is due, the
 * conversation with its timeline, the reply composer and the patient beside them.
 * `slots` is where the macro picker and knowledge-base suggestions plug in.
 */
export function CasePage({ slots = {} }: { slots?: CaseSlots }) {
  const t = useT();
  const { caseId = '' } = useParams();
  const { account, permissions } = useSession();
  const me = account?.id ?? '';
  const now = useNow();
  const staff = useStaff();
  const categories = useCategories();
  const [detail, setDetail] = useState<Resource<CaseDetail>>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<MessageKey | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [replyError, setReplyError] = useState<string | null>(null);
  // The composer's "put this text in the reply", for suggestions shown outside it.
  const insertIntoReply = useRef<((text: string) => void) | null>(null);

  const load = useCallback(async () => {
    try {
      setDetail({ kind: 'ready', value: await fetchCase(caseId) });
    } catch (e) {
      const hidden = e instanceof ApiError && (e.status === 404 || e.status === 403);
      setDetail({ kind: hidden ? 'unavailable' : 'failed' });
    }
  }, [caseId]);
  useEffect(() => {
    setDetail({ kind: 'loading' });
    void load();
  }, [load]);

  const names = useMemo(() => new Map((staff ?? []).map((s) => [s.id, s.displayName])), [staff]);

  if (detail.kind === 'loading') return <p role="status">{t('web.loading')}</p>;
  if (detail.kind === 'failed') return <p role="alert">{t('web.error.network')}</p>;
  if (detail.kind === 'unavailable')
    return (
      <>
        <h1>{t('web.cases.not-found.title')}</h1>
        <p>{t('web.cases.not-found.body')}</p>
        <Link to="/console/cases">{t('web.cases.back')}</Link>
      </>
    );
  const d = detail.value;
  // The timeline names people ("Routed to Ada Front"); "Me" is for the assignee field.
  const person = (id: string) =>
    d.people[id] ??
    names.get(id) ??
    (id === me ? (account?.displayName ?? '') : t('web.cases.assignee.colleague'));

  /** One PATCH with the version read; a change made meanwhile is said plainly, then shown. */
  const change = async (patch: Omit<CasePatch, 'version'>) => {
    setSaid(null);
    setProblem(null);
    if (Object.keys(patch).length === 0) return setSaid('web.cases.controls.unchanged');
    setBusy(true);
    try {
      await patchCase(d.case.id, { ...patch, version: d.case.version });
      setSaid('web.cases.controls.saved');
    } catch (e) {
      setProblem(
        e instanceof ApiError && e.status === 409
          ? t('web.cases.conflict')
          : failure(e, t('web.error.network')),
      );
    } finally {
      await load();
      setBusy(false);
    }
  };

  const send = async (
    body: string,
    visibility: 'public' | 'internal',
    files: readonly File[],
    status?: CaseStatus,
  ) => {
    setSaid(null);
    setReplyError(null);
    setBusy(true);
    try {
      const attachments = files.length > 0 ? await readUploads(files) : undefined;
      await sendMessage(d.case.id, {
        body,
        visibility,
        ...(status ? { status } : {}),
        ...(attachments ? { attachments } : {}),
      });
      setSaid(visibility === 'internal' ? 'web.cases.reply.noted' : 'web.cases.reply.sent');
      await load();
      return true;
    } catch (e) {
      const aboutFiles = attachmentRefusals(t, e, files);
      if (aboutFiles) return aboutFiles;
      setReplyError(failure(e, t('web.error.network')));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const canWork = permissions.has('case.work');
  const renderMacroPicker = slots.macroPicker;
  const insertText = (text: string) => insertIntoReply.current?.(text);
  return (
    <article className="case-page">
      <p className="case-back">
        <Link to="/console/cases">{t('web.cases.back')}</Link>
      </p>
      <CaseHeader
        detail={d}
        category={categories.name}
        me={me}
        now={now}
        canWork={canWork}
        busy={busy}
        onAssignToMe={() => void change({ assigneeId: me })}
      />
      <div role="status" className={said ? 'notice announcement' : undefined}>
        {said && t(said)}
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="case-layout">
        <div className="case-main">
          {d.case.links.some((l) => l.type === 'care-plan') && (
            <FollowUpPlanPanel
              caseId={d.case.id}
              patientId={d.case.patientId}
              canWork={canWork}
              onChanged={() => void load()}
            />
          )}
          <CaseConversation detail={d} person={person} category={categories.name} />
          {permissions.has('case.reply') && (
            <ReplyComposer
              detail={d}
              busy={busy}
              error={replyError}
              macroPicker={
                renderMacroPicker
                  ? (composer) => renderMacroPicker({ ...composer, detail: d, changeCase: change })
                  : undefined
              }
              insertRef={insertIntoReply}
              onSend={send}
            />
          )}
        </div>
        <aside className="case-side" aria-label={t('web.cases.side')}>
          <PatientPanel
            detail={d}
            canWork={canWork}
            onVerified={() => {
              setSaid('web.cases.verify.done');
              void load();
            }}
          />
          {canWork && d.case.patientId && !d.needsVerification && (
            <DisclosureSection
              caseId={d.case.id}
              patientId={d.case.patientId}
              onRecorded={() => {
                setSaid('web.disclosure.done');
                void load();
              }}
            />
          )}
          {canWork && (
            <CaseControls
              key={d.case.version}
              value={d.case}
              categories={categories}
              staff={staff}
              busy={busy}
              onSave={(patch) => void change(patch)}
            />
          )}
          <div data-slot="kb-suggestions">{slots.kbSuggestions?.({ detail: d, insertText })}</div>
        </aside>
      </div>
    </article>
  );
}

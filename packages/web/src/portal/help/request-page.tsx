import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { fetchCase, type CaseDetail, type CaseView } from '../../cases/cases-api';
import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/languages';
import type { Resource } from '../../patient-record/use-resource';
import '../../styles/portal-help.css';
import { statusWords } from './help-labels';
import { RequestConversation } from './request-conversation';
import { RequestPlan } from './request-plan';
import { RequestReply } from './request-reply';
import { RequestSurvey } from './request-survey';

/** What the page says on arrival (router state from "Get help" or from a reply). */
interface Arrival {
  sent?: boolean;
  followUp?: boolean;
}

/**
 * One request as the patient sees it: where it stands, the survey once it is resolved,
 * the conversation with its files, and a box to reply with files of their own. A reply
 * long after the request was closed starts a new request that refers to this one (the
 * server decides); the page then goes to it and says why.
 */
export function RequestPage() {
  const t = useT();
  const { caseId = '' } = useParams();
  const navigate = useNavigate();
  const arrival = (useLocation().state ?? {}) as Arrival;
  const [detail, setDetail] = useState<Resource<CaseDetail>>({ kind: 'loading' });
  const [said, setSaid] = useState<MessageKey | null>(null);

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
    setSaid(null);
    void load();
  }, [load]);

  const replied = async (sent: CaseView) => {
    if (sent.id !== caseId) {
      const state: Arrival = { followUp: true };
      void navigate(`/portal/requests/${sent.id}`, { state });
      return;
    }
    setSaid('web.help.request.replied');
    await load();
  };

  if (detail.kind === 'loading') return <p role="status">{t('web.loading')}</p>;
  if (detail.kind === 'failed') return <p role="alert">{t('web.error.network')}</p>;
  if (detail.kind === 'unavailable')
    return (
      <>
        <h1>{t('web.help.request.not-found')}</h1>
        <Link to="/portal/requests">{t('web.help.request.back')}</Link>
      </>
    );
  const c = detail.value.case;
  const notice: MessageKey | null =
    said ??
    (arrival.followUp
      ? 'web.help.request.follow-up'
      : arrival.sent
        ? 'web.help.request.sent'
        : null);
  return (
    <article className="help-request-page">
      <p>
        <Link to="/portal/requests">{t('web.help.request.back')}</Link>
      </p>
      <h1>{c.subject}</h1>
      <p className="help-request-facts">
        <span className={`help-status ${c.status}`}>{statusWords(t, c.status)}</span>
        <span className="secondary">
          {t('web.help.request.reference', { reference: c.reference })}
        </span>
      </p>
      <div role="status" className={notice ? 'notice' : undefined}>
        {notice && t(notice, { reference: c.reference })}
      </div>
      <RequestSurvey caseId={c.id} status={c.status} />
      {c.links.some((l) => l.type === 'care-plan') && <RequestPlan caseId={c.id} />}
      <RequestConversationSection detail={detail.value} />
      <RequestReply key={c.id} caseId={c.id} onSent={replied} />
    </article>
  );
}

function RequestConversationSection({ detail }: { detail: CaseDetail }) {
  const t = useT();
  return (
    <section aria-labelledby="help-conversation-title">
      <h2 id="help-conversation-title">{t('web.help.request.conversation')}</h2>
      <RequestConversation caseId={detail.case.id} messages={detail.messages} />
    </section>
  );
}

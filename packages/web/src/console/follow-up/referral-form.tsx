import { REFERRAL_STATES, type ReferralState } from '@caredesk/core/care-transitions';
import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18n-provider';
import type { PlanTask } from './follow-up-api';
import { REFERRAL_KEY } from './follow-up-labels';

export interface ReferralInput {
  state: ReferralState;
  provider: string;
  reference?: string;
}

/**
 * A referral's progress (home health, transport, physical therapy; issue #6 point 5):
 * requested, sent, accepted, confirmed by the provider — which completes the step — or
 * declined, when staff refer elsewhere.
 */
export function ReferralForm({
  task,
  busy,
  onSave,
}: {
  task: PlanTask;
  busy: boolean;
  onSave: (referral: ReferralInput) => Promise<void>;
}) {
  const t = useT();
  const id = useId();
  const [state, setState] = useState<ReferralState>(task.referral ? 'confirmed' : 'sent');
  const [provider, setProvider] = useState(task.referral?.provider ?? '');
  const [reference, setReference] = useState(task.referral?.reference ?? '');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await onSave({
      state,
      provider: provider.trim(),
      ...(reference.trim() ? { reference: reference.trim() } : {}),
    });
  };
  return (
    <form className="follow-up-form" onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>{t('web.followUp.referral.legend')}</legend>
        <div className="field">
          <label htmlFor={`${id}-provider`}>{t('web.followUp.referral.provider')}</label>
          <input
            id={`${id}-provider`}
            required
            maxLength={200}
            value={provider}
            onChange={(e) => setProvider(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-state`}>{t('web.followUp.referral.state')}</label>
          <select
            id={`${id}-state`}
            value={state}
            onChange={(e) => setState(e.target.value as ReferralState)}
          >
            {REFERRAL_STATES.map((s) => (
              <option key={s} value={s}>
                {t(REFERRAL_KEY[s])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-reference`}>{t('web.followUp.referral.reference')}</label>
          <input
            id={`${id}-reference`}
            maxLength={100}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
          />
        </div>
        <button type="submit" className="primary" disabled={busy || provider.trim() === ''}>
          {t('web.followUp.referral.save')}
        </button>
      </fieldset>
    </form>
  );
}

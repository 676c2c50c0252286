import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../../api/client';
import {
  DATA_CATEGORIES,
  recordDisclosure,
  type DataCategory,
  type Disclosure,
} from '../../cases/case-desk-api';
import { useT } from '../../i18n/i18n-provider';
import {
  displayName,
  fetchRelatedPersons,
  type RelatedPerson,
} from '../../patient-record/patient-api';
import { categoryKey, relationshipKey } from '../../patient-record/patient-labels';
import { ModalDialog } from '../../shell/modal-dialog';
import { FormError } from '../../sign-in/form-error';
import { TextInput } from '../admin/text-input';
import { useProblemSubmit } from '../admin/use-problem-submit';
import { CaseField } from './new-case-fields';

type Kind = Disclosure['recipient']['kind'];
/** The server's limit on each text (service-desk/cases/case-identity.ts). */
const MAX_TEXT = 500;

/**
 * Records that information from the patient's record was given to someone else (issue #5
 * §5; the accounting of disclosures, 45 CFR 164.528): to whom, what kind, why, and what in
 * a few words. A related person may be told only what the patient's consent covers; the
 * server refuses anything else, and this says so plainly, naming the person.
 */
export function DisclosureDialog({
  caseId,
  patientId,
  onCancel,
  onRecorded,
}: {
  caseId: string;
  patientId: string;
  onCancel: () => void;
  onRecorded: () => void;
}) {
  const t = useT();
  const id = useId();
  const [people, setPeople] = useState<RelatedPerson[] | null>(null);
  const [kind, setKind] = useState<Kind>('related-person');
  const [personId, setPersonId] = useState('');
  const [name, setName] = useState('');
  const [category, setCategory] = useState<DataCategory>('appointments');
  const [purpose, setPurpose] = useState('');
  const [description, setDescription] = useState('');
  const [noConsent, setNoConsent] = useState<string | null>(null);
  const save = useProblemSubmit(['recipient', 'purpose', 'description', 'category']);
  const errors = save.fieldErrors;
  /** A field's refusal goes once the field is changed: it no longer describes it. */
  const edited = (field: string) => {
    setNoConsent(null);
    if (!(field in errors)) return;
    const { [field]: _gone, ...rest } = errors;
    save.refuse(rest);
  };

  useEffect(() => {
    let current = true;
    fetchRelatedPersons(patientId).then(
      (all) => {
        if (!current) return;
        const active = all.filter((p) => p.active);
        setPeople(active);
        setPersonId(active[0]?.id ?? '');
        if (active.length === 0) setKind('other');
      },
      // Nobody to choose from (or not for this agent to see): someone else by name still works.
      () => {
        if (!current) return;
        setPeople([]);
        setKind('other');
      },
    );
    return () => {
      current = false;
    };
  }, [patientId]);

  const personName = (p: RelatedPerson) =>
    `${displayName(p.names)} (${t(relationshipKey(p.relationship))})`;
  const categoryName = (c: DataCategory) => t(`web.helping.section.${c}`);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNoConsent(null);
    const problems: Record<string, string> = {};
    if (kind === 'related-person' && !personId)
      problems.recipient = t('web.disclosure.missing.person');
    if (kind === 'other' && !name.trim()) problems.recipient = t('web.disclosure.missing.name');
    if (!purpose.trim()) problems.purpose = t('web.disclosure.missing.purpose');
    if (!description.trim()) problems.description = t('web.disclosure.missing.description');
    if (Object.keys(problems).length > 0) return save.refuse(problems);
    const recipient: Disclosure['recipient'] =
      kind === 'related-person' ? { kind, relatedPersonId: personId } : { kind, name: name.trim() };
    let refused = false;
    const done = await save.run(async () => {
      try {
        await recordDisclosure(caseId, {
          recipient,
          category,
          purpose: purpose.trim(),
          description: description.trim(),
        });
      } catch (problem) {
        // The only conflict a case with a patient has here: no consent for this person and kind.
        if (!(problem instanceof ApiError) || problem.status !== 409) throw problem;
        refused = true;
      }
    });
    if (refused) {
      const person = people?.find((p) => p.id === personId);
      setNoConsent(
        t('web.disclosure.no-consent', {
          name: person ? displayName(person.names) : '',
          category: t(categoryKey(category)),
        }),
      );
    } else if (done) onRecorded();
  };

  return (
    <ModalDialog titleId={`${id}-title`} bodyId={`${id}-intro`} onCancel={onCancel}>
      <h2 id={`${id}-title`}>{t('web.disclosure.title')}</h2>
      <p id={`${id}-intro`} className="hint">
        {t('web.disclosure.intro')}
      </p>
      <form className="disclosure-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>{t('web.disclosure.recipient')}</legend>
          {(['related-person', 'other'] as const).map((k) => (
            <div className="pick" key={k}>
              <input
                type="radio"
                id={`${id}-${k}`}
                name={`${id}-kind`}
                checked={kind === k}
                disabled={k === 'related-person' && people?.length === 0}
                onChange={() => {
                  setKind(k);
                  edited('recipient');
                }}
              />
              <label htmlFor={`${id}-${k}`}>{t(`web.disclosure.recipient.${k}`)}</label>
            </div>
          ))}
          {people?.length === 0 && <p className="hint">{t('web.disclosure.person.none')}</p>}
        </fieldset>
        {kind === 'related-person' && people && people.length > 0 && (
          <CaseField label={t('web.disclosure.person')} error={errors.recipient}>
            {(c) => (
              <select
                {...c}
                value={personId}
                onChange={(e) => {
                  setPersonId(e.target.value);
                  edited('recipient');
                }}
              >
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {personName(p)}
                  </option>
                ))}
              </select>
            )}
          </CaseField>
        )}
        {kind === 'related-person' && people === null && <p role="status">{t('web.loading')}</p>}
        {kind === 'other' && (
          <TextInput
            label={t('web.disclosure.name')}
            error={errors.recipient}
            autoComplete="off"
            maxLength={200}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              edited('recipient');
            }}
          />
        )}
        <CaseField label={t('web.disclosure.category')} error={errors.category}>
          {(c) => (
            <select
              {...c}
              value={category}
              onChange={(e) => {
                setCategory(e.target.value as DataCategory);
                edited('category');
              }}
            >
              {DATA_CATEGORIES.map((x) => (
                <option key={x} value={x}>
                  {categoryName(x)}
                </option>
              ))}
            </select>
          )}
        </CaseField>
        <TextInput
          label={t('web.disclosure.purpose')}
          error={errors.purpose}
          autoComplete="off"
          maxLength={MAX_TEXT}
          value={purpose}
          onChange={(e) => {
            setPurpose(e.target.value);
            edited('purpose');
          }}
        />
        <CaseField
          label={t('web.disclosure.description')}
          hint={t('web.disclosure.description-hint')}
          error={errors.description}
        >
          {(c) => (
            <textarea
              {...c}
              rows={3}
              maxLength={MAX_TEXT}
              value={description}
              onChange={(e) => {
                setDescription(e.target.value);
                edited('description');
              }}
            />
          )}
        </CaseField>
        <FormError message={noConsent ?? save.error} />
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={save.busy}>
            {t('web.disclosure.submit')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('web.cases.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

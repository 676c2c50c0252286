import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { useT } from '../../i18n/i18n-provider';
import { displayName, type Patient } from '../../patient-record/patient-api';
import { contactKey, sexKey } from '../../patient-record/patient-labels';
import { LETTERS } from './duplicate-labels';
import { AddressLines } from '../../patient-record/address-lines';

/**
 * The two records side by side, one row per kind of fact, so a reviewer can tell one
 * person entered twice from two people who share a birthday and a family phone.
 */
export function RecordComparison({ records }: { records: readonly [Patient, Patient] }) {
  const t = useT();
  const intl = useIntl();
  // Calendar days, not instants: formatted in UTC so no time zone moves them.
  const day = (iso: string) =>
    intl.formatDate(`${iso.slice(0, 10)}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
  const lines = (items: ReactNode[]) =>
    items.length === 0 ? (
      <span className="secondary">{t('web.patient.none')}</span>
    ) : (
      <ul className="plain">{items}</ul>
    );

  const rows: Array<[string, (p: Patient) => ReactNode]> = [
    [
      t('web.duplicates.field.names'),
      (p) => lines(p.names.map((n, i) => <li key={i}>{displayName([n])}</li>)),
    ],
    [t('web.patient.born'), (p) => (p.birthDate ? day(p.birthDate) : t('web.patient.unknown'))],
    [t('web.patient.sex'), (p) => t(sexKey(p.administrativeSex))],
    [
      t('web.patient.identifiers'),
      (p) =>
        lines(
          p.identifiers.map((id) => (
            <li key={`${id.system}|${id.value}`}>
              {id.type ? `${id.type} ` : ''}
              {id.value}
              <span className="system">{id.system}</span>
            </li>
          )),
        ),
    ],
    [
      t('web.patient.contact'),
      (p) =>
        lines(
          p.telecom.map((c) => (
            <li key={`${c.system}:${c.value}`}>
              <span className="label">{t(contactKey(c.system))}</span> {c.value}
            </li>
          )),
        ),
    ],
    [
      t('web.duplicates.field.addresses'),
      (p) =>
        lines(
          p.addresses.map((a, i) => (
            <li key={i} className="address">
              <AddressLines address={a} />
            </li>
          )),
        ),
    ],
    [t('web.duplicates.field.since'), (p) => day(p.createdAt)],
  ];

  return (
    // Narrow enough for a phone: long identifier systems wrap inside their cell.
    <table
      className="comparison"
      aria-label={t('web.duplicates.compare', {
        first: displayName(records[0].names),
        second: displayName(records[1].names),
      })}
    >
      <thead>
        <tr>
          <td />
          {records.map((p, i) => (
            <th scope="col" key={p.id}>
              {t('web.duplicates.record', { letter: LETTERS[i]! })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, cell]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {records.map((p) => (
              <td key={p.id}>{cell(p)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

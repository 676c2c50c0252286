import { useIntl } from 'react-intl';
import type { Address } from '@caredesk/core/patients';

/**
 * An address as it is written on an envelope, one line per span: street lines, postal
 * code and city, then the country named in the reader's language. The caller chooses
 * the element around it (a list item, a definition).
 */
export function AddressLines({ address }: { address: Address }) {
  const intl = useIntl();
  const country =
    address.country && new Intl.DisplayNames([intl.locale], { type: 'region' }).of(address.country);
  return [...address.lines, [address.postalCode, address.city].filter(Boolean).join(' '), country]
    .filter(Boolean)
    .map((line) => <span key={line}>{line}</span>);
}

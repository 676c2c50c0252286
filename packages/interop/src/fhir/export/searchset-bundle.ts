/**
 * Search results as an R4 searchset Bundle (https://hl7.org/fhir/R4/bundle.html,
 * https://hl7.org/fhir/R4/http.html#paging). Paging is by opaque cursor (keyset), so only
 * `self` and `next` links exist and `total` is given only when the caller knows it cheaply.
 */
import type { Bundle, BundleLink, Resource } from '@medplum/fhirtypes';

export interface SearchsetOptions {
  selfUrl: string;
  nextUrl?: string | undefined;
  total?: number | undefined;
  /** Base for entry fullUrls; derived from selfUrl (its path up to the type) when absent. */
  baseUrl?: string | undefined;
}

/** `https://x/fhir/Patient?name=a` -> `https://x/fhir`. */
function baseFromSelf(selfUrl: string): string | undefined {
  try {
    const url = new URL(selfUrl);
    url.search = '';
    url.hash = '';
    return url.toString().replace(/\/[A-Z][A-Za-z]+\/?$/, '');
  } catch {
    return undefined;
  }
}

export function searchsetBundle<T extends Resource>(
  resources: readonly T[],
  opts: SearchsetOptions,
): Bundle<T> {
  const base = (opts.baseUrl ?? baseFromSelf(opts.selfUrl))?.replace(/\/+$/, '');
  const link: BundleLink[] = [{ relation: 'self', url: opts.selfUrl }];
  if (opts.nextUrl) link.push({ relation: 'next', url: opts.nextUrl });
  const bundle: Bundle<T> = {
    resourceType: 'Bundle',
    type: 'searchset',
    link,
  };
  // An empty page has no `entry` at all: FHIR JSON forbids empty arrays.
  if (resources.length > 0) {
    bundle.entry = resources.map((resource) => ({
      ...(base && resource.id
        ? { fullUrl: `${base}/${resource.resourceType}/${resource.id}` }
        : {}),
      resource,
      search: { mode: 'match' as const },
    }));
  }
  if (opts.total !== undefined) bundle.total = opts.total;
  return bundle;
}

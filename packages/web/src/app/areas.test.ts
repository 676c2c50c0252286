import { describe, expect, it } from 'vitest';
import { areaOf } from './areas';

describe('the chunk an address starts loading (issue #4, point 9)', () => {
  it('names the area of each route tree and of the e-mailed password links', () => {
    expect(areaOf('/console')).toBe('console');
    expect(areaOf('/console/patients/p1')).toBe('console');
    expect(areaOf('/portal/sign-in')).toBe('portal');
    expect(areaOf('/forgot-password')).toBe('forgotPassword');
    expect(areaOf('/reset-password')).toBe('setPassword');
    expect(areaOf('/accept-invitation')).toBe('setPassword');
  });

  it('starts the portal for every other address, where the router sends it', () => {
    expect(areaOf('/')).toBe('portal');
    expect(areaOf('/consoles')).toBe('portal');
  });
});

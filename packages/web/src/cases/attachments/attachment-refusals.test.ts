import { translate } from '@caredesk/core';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import type { MessageKey } from '../../i18n/languages';
import { attachmentRefusals } from './attachment-refusals';

const t = (key: MessageKey, values?: Record<string, string | number>) =>
  translate('en', key, values);
const files = [{ name: 'card.png' }, { name: 'invoice.pdf' }];

describe('telling the sender why the server refused their files', () => {
  it('names each refused file with the server’s reason', () => {
    const e = new ApiError(400, 'validation', 'Invalid.', [
      { path: 'attachments/1', message: 'Programs are not accepted.' },
    ]);
    expect(attachmentRefusals(t, e, files)).toEqual([
      'invoice.pdf was not accepted: Programs are not accepted. Nothing was sent; remove the file and send again.',
    ]);
  });

  it('says the files were too large together when the body was over the limit', () => {
    const e = new ApiError(413, 'too-large', 'Too large');
    expect(attachmentRefusals(t, e, files)).toEqual([t('web.attachments.too-large-all')]);
  });

  it('leaves refusals about anything else, or messages without files, to the form', () => {
    const text = new ApiError(400, 'validation', 'Invalid.', [
      { path: 'body', message: 'Too long.' },
    ]);
    expect(attachmentRefusals(t, text, files)).toBeNull();
    expect(attachmentRefusals(t, new ApiError(413, 'too-large', ''), [])).toBeNull();
    expect(attachmentRefusals(t, new Error('offline'), files)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { ERROR_CODES, describeError } from '../../shared/contract/errors.ts';
import { ConnectionStateSchema } from '../../shared/contract/sync.ts';
import { en } from './en.ts';
import { formatMessage, translate } from './messages.ts';
import { vi } from './vi.ts';

describe('message catalogues', () => {
  it('have the same keys in both languages (the types check this too)', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('have no empty messages and the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(vi[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
    }
  });

  it('use the agreed Vietnamese terms, with diacritics', () => {
    expect(vi['home.title']).toBe('Quầy tiếp nhận');
    expect(vi['home.sync.state.online']).toBe('Trực tuyến');
    expect(vi['home.sync.state.offline']).toBe('Mất kết nối');
    expect(vi['home.sync.pending']).toBe('Hồ sơ chờ đồng bộ');
    expect(vi['home.counter.notSet']).toBe('Chưa đặt');
  });

  it('name every connection state in both languages', () => {
    for (const state of ConnectionStateSchema.options) {
      expect(translate('vi', `home.sync.state.${state}`)).not.toMatch(/^home\./);
      expect(translate('en', `home.sync.explain.${state}`)).not.toMatch(/^home\./);
    }
  });

  it('explain every error code in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(describeError(code, 'vi')).not.toBe(describeError(code, 'en'));
    }
  });
});

describe('formatMessage', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('{a} và {b}', { a: 1, b: 'hai' })).toBe('1 và hai');
    expect(formatMessage('Lỗi: {reason}')).toBe('Lỗi: {reason}');
  });
});

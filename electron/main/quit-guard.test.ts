import { describe, expect, test } from 'vitest';
import { quitQuestion } from './quit-guard.ts';

describe('asking before quitting with queued changes', () => {
  test('nothing queued: no question', () => {
    expect(quitQuestion({ pending: 0 }, 'vi')).toBeNull();
  });

  test('queued changes: the clerk is asked, in Vietnamese by default and in English when chosen', () => {
    expect(quitQuestion({ pending: 3 }, 'vi')).toMatchObject({ message: 'Còn 3 thay đổi chưa gửi lên máy chủ trung tâm.', buttons: ['Thoát', 'Ở lại'] });
    expect(quitQuestion({ pending: 1 }, 'en')).toMatchObject({ message: '1 change(s) have not reached the central server yet.', buttons: ['Quit', 'Stay'] });
  });
});

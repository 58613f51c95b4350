import { describe, expect, test } from 'vitest';
import { quitQuestion } from './quit-guard.ts';

const NOTHING = { pending: 0, scansPending: 0, auditPending: 0 };

describe('asking before quitting with queued work', () => {
  test('nothing queued: no question', () => {
    expect(quitQuestion(NOTHING, 'vi')).toBeNull();
  });

  test('queued changes: the clerk is asked, in Vietnamese by default and in English when chosen', () => {
    expect(quitQuestion({ ...NOTHING, pending: 3 }, 'vi')).toMatchObject({ message: 'Còn 3 thay đổi hồ sơ chưa gửi lên máy chủ trung tâm.', buttons: ['Thoát', 'Ở lại'] });
    expect(quitQuestion({ ...NOTHING, pending: 1 }, 'en')).toMatchObject({ message: '1 dossier change(s) not sent yet to the central server.', buttons: ['Quit', 'Stay'] });
  });

  test('scans and the action log count too, though the dossiers themselves have all left', () => {
    expect(quitQuestion({ pending: 2, scansPending: 5, auditPending: 7 }, 'vi')?.message).toBe('Còn 2 thay đổi hồ sơ và 5 bản số hóa chưa gửi lên máy chủ trung tâm.');
    expect(quitQuestion({ ...NOTHING, scansPending: 1 }, 'en')?.message).toBe('1 scanned paper(s) not sent yet to the central server.');
    expect(quitQuestion({ ...NOTHING, auditPending: 4 }, 'vi')?.message).toBe('Nhật ký thao tác chưa gửi hết lên máy chủ trung tâm.');
  });
});

import type { Language } from '../../shared/contract/errors.ts';
import type { SyncStatus } from '../../shared/contract/sync.ts';

export type QuitQuestion = Readonly<{ title: string; message: string; detail: string; buttons: readonly [quitAnyway: string, stay: string] }>;

export type QueuedWork = Pick<SyncStatus, 'pending' | 'scansPending' | 'auditPending'>;

/** What is still waiting, in the clerk's words: changes to dossiers, then scanned papers, then the action log. */
function waitingText(work: QueuedWork, language: Language): string {
  const parts =
    language === 'vi'
      ? [work.pending > 0 ? `${work.pending} thay đổi hồ sơ` : '', work.scansPending > 0 ? `${work.scansPending} bản số hóa` : '']
      : [work.pending > 0 ? `${work.pending} dossier change(s)` : '', work.scansPending > 0 ? `${work.scansPending} scanned paper(s)` : ''];
  const listed = parts.filter(Boolean);
  if (listed.length === 0) return language === 'vi' ? 'Nhật ký thao tác chưa gửi hết' : 'The action log has not all been sent';
  return language === 'vi' ? `Còn ${listed.join(' và ')} chưa gửi` : `${listed.join(' and ')} not sent yet`;
}

/**
 * Closing the counter with work still queued for the central server is allowed (it is safe in the local
 * file and leaves on the next start), but the clerk should know first, e.g. before switching the PC off for
 * a long holiday. Nothing queued → no question. Dead letters are not "waiting": they need IT either way.
 */
export function quitQuestion(work: QueuedWork, language: Language): QuitQuestion | null {
  if (work.pending === 0 && work.scansPending === 0 && work.auditPending === 0) return null;
  if (language === 'vi') {
    return {
      title: 'Còn dữ liệu chưa gửi',
      message: `${waitingText(work, 'vi')} lên máy chủ trung tâm.`,
      detail: 'Dữ liệu đã được lưu an toàn trên máy này và sẽ tự gửi khi mở lại phần mềm có kết nối mạng. Bạn vẫn muốn thoát?',
      buttons: ['Thoát', 'Ở lại'],
    };
  }
  return {
    title: 'Changes not yet sent',
    message: `${waitingText(work, 'en')} to the central server.`,
    detail: 'They are saved safely on this PC and will be sent when the app next runs with a network connection. Quit anyway?',
    buttons: ['Quit', 'Stay'],
  };
}

import type { Language } from '../../shared/contract/errors.ts';
import type { SyncStatus } from '../../shared/contract/sync.ts';

export type QuitQuestion = Readonly<{ title: string; message: string; detail: string; buttons: readonly [quitAnyway: string, stay: string] }>;

/**
 * Closing the counter with changes still queued for the central server is allowed (they are safe in the
 * local file and leave on the next start), but the clerk should know first, e.g. before switching the PC off
 * for a long holiday. Nothing queued → no question. Dead letters are not "waiting": they need IT either way.
 */
export function quitQuestion(status: Pick<SyncStatus, 'pending'>, language: Language): QuitQuestion | null {
  if (status.pending === 0) return null;
  if (language === 'vi') {
    return {
      title: 'Còn dữ liệu chưa gửi',
      message: `Còn ${status.pending} thay đổi chưa gửi lên máy chủ trung tâm.`,
      detail: 'Dữ liệu đã được lưu an toàn trên máy này và sẽ tự gửi khi mở lại phần mềm có kết nối mạng. Bạn vẫn muốn thoát?',
      buttons: ['Thoát', 'Ở lại'],
    };
  }
  return {
    title: 'Changes not yet sent',
    message: `${status.pending} change(s) have not reached the central server yet.`,
    detail: 'They are saved safely on this PC and will be sent when the app next runs with a network connection. Quit anyway?',
    buttons: ['Quit', 'Stay'],
  };
}

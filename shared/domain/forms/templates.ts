import {
  APPOINTMENT_BODY,
  CONTROL_BODY,
  HANDOVER_BODY,
  OPENING,
  RECEIPT_BODY,
  REFUSAL_BODY,
  REGISTER_BODY,
  sign,
  STOP_BODY,
  SUPPLEMENT_BODY,
} from './common-blocks.ts';
import type { Block, FormKind, FormSet, FormTemplate } from './model.ts';

/**
 * The two sets of counter forms, by the date a document is issued [S] (DOMAIN.md):
 * - TT 01/2018/TT-VPCP (NĐ 61/2018), Mẫu 01–06, until 30/6/2025;
 * - TT 03/2025/TT-VPCP (NĐ 118/2025), Mẫu 01–07, from 1/7/2025.
 * The stop notice has no form in TT 01/2018 (local template there); receipt and handover are local in both.
 * The date bounds and wording are data: a correction is a new template version, never an edit in place of one
 * that has printed (jobs name the template id they used).
 */

const TT01_FROM = '2018-08-21';
const TT01_TO = '2025-06-30';
const TT03_FROM = '2025-07-01';

/** `revision` goes up with every change to a template that has printed (receipt@2: the receipt's own data; @3: the collector's name). */
function template(set: FormSet, kind: FormKind, formNumber: string | null, title: string, body: readonly Block[], revision = 1): FormTemplate {
  const old = set === 'tt01-2018';
  return {
    id: `${set}/${kind}@${String(revision)}`,
    kind,
    set,
    formNumber,
    effectiveFrom: old ? TT01_FROM : TT03_FROM,
    effectiveTo: old ? TT01_TO : null,
    title,
    blocks: [...OPENING, ...body],
  };
}

const APOLOGY_TT01: readonly Block[] = [
  { kind: 'field', label: 'Mã hồ sơ', value: '{code}' },
  { kind: 'title', text: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ' },
  { kind: 'text', text: 'Kính gửi: Ông/Bà {applicantName}' },
  { kind: 'text', text: 'Ngày {receivedDate}, {unitName} tiếp nhận giải quyết hồ sơ đề nghị {procedureName} của Ông/Bà, hẹn trả kết quả ngày {dueDate}.' },
  { kind: 'text', text: 'Tuy nhiên đến nay, hồ sơ của Ông/Bà chưa giải quyết xong.' },
  { kind: 'field', label: 'Lý do', value: '{reason}' },
  { kind: 'text', text: 'Sự chậm trễ này đã gây phiền hà cho Ông/Bà. Chúng tôi thành thật xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả vào {newDueAt}.' },
  { kind: 'text', text: 'Xin trân trọng cảm ơn!' },
  { kind: 'signatures', columns: [sign('THỦ TRƯỞNG CƠ QUAN')] },
  { kind: 'notes' },
];

const APOLOGY_TT03: readonly Block[] = [
  { kind: 'field', label: 'Mã hồ sơ', value: '{code}' },
  { kind: 'title', text: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT' },
  { kind: 'text', text: 'Kính gửi: Ông/Bà {applicantName}' },
  { kind: 'text', text: 'Ngày {receivedDate}, {unitName} tiếp nhận hồ sơ đề nghị giải quyết thủ tục {procedureName} của Ông/Bà, hẹn trả kết quả ngày {dueDate}.' },
  { kind: 'text', text: 'Đến nay hồ sơ chưa được giải quyết xong, đã quá hạn {lateDays} ngày làm việc.' },
  { kind: 'field', label: 'Lý do', value: '{reason}' },
  { kind: 'text', text: 'Chúng tôi thành thật xin lỗi Ông/Bà và đề nghị gia hạn thời gian giải quyết, trả kết quả vào {newDueAt}.' },
  { kind: 'text', text: 'Xin trân trọng cảm ơn!' },
  { kind: 'signatures', columns: [sign('THỦ TRƯỞNG CƠ QUAN')] },
  { kind: 'notes' },
];

export const FORM_TEMPLATES: readonly FormTemplate[] = [
  template('tt01-2018', 'appointment', 'Mẫu số 01', 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', APPOINTMENT_BODY),
  template('tt01-2018', 'supplement', 'Mẫu số 02', 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', SUPPLEMENT_BODY),
  template('tt01-2018', 'refusal', 'Mẫu số 03', 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', REFUSAL_BODY),
  template('tt01-2018', 'apology', 'Mẫu số 04', 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', APOLOGY_TT01),
  template('tt01-2018', 'stop', null, 'Thông báo dừng giải quyết hồ sơ', STOP_BODY),
  template('tt01-2018', 'control', 'Mẫu số 05', 'Phiếu kiểm soát quá trình giải quyết hồ sơ', CONTROL_BODY),
  template('tt01-2018', 'register', 'Mẫu số 06', 'Sổ theo dõi hồ sơ', REGISTER_BODY),
  template('tt01-2018', 'receipt', null, 'Biên lai thu phí, lệ phí', RECEIPT_BODY, 3),
  template('tt01-2018', 'handover', null, 'Phiếu giao nhận kết quả giải quyết thủ tục hành chính', HANDOVER_BODY),
  template('tt03-2025', 'appointment', 'Mẫu số 01', 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', APPOINTMENT_BODY),
  template('tt03-2025', 'supplement', 'Mẫu số 02', 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', SUPPLEMENT_BODY),
  template('tt03-2025', 'refusal', 'Mẫu số 03', 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', REFUSAL_BODY),
  template('tt03-2025', 'apology', 'Mẫu số 04', 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết', APOLOGY_TT03),
  template('tt03-2025', 'stop', 'Mẫu số 05', 'Thông báo dừng giải quyết hồ sơ', STOP_BODY),
  template('tt03-2025', 'control', 'Mẫu số 06', 'Phiếu kiểm soát quá trình giải quyết hồ sơ', CONTROL_BODY),
  template('tt03-2025', 'register', 'Mẫu số 07', 'Sổ theo dõi hồ sơ', REGISTER_BODY),
  template('tt03-2025', 'receipt', null, 'Biên lai thu phí, lệ phí', RECEIPT_BODY, 3),
  template('tt03-2025', 'handover', null, 'Phiếu giao nhận kết quả giải quyết thủ tục hành chính', HANDOVER_BODY),
];

/**
 * The template for `kind` in force on a local date (YYYY-MM-DD); `forceSet` pins a set whatever the date.
 * Undefined only for a date before any set (a document cannot be issued then).
 */
export function selectTemplate(kind: FormKind, date: string, forceSet: FormSet | null = null, templates: readonly FormTemplate[] = FORM_TEMPLATES): FormTemplate | undefined {
  return templates.find(
    (t) => t.kind === kind && (forceSet === null ? t.effectiveFrom <= date && (t.effectiveTo === null || date <= t.effectiveTo) : t.set === forceSet),
  );
}

import { describe, expect, test } from 'vitest';
import { seededRandom } from '../../../test/harness/fake-citizens.ts';
import { ID_PROVINCE_CODES, idCenturyGenderDigit, parseIdQr, type IdQrCitizen, type IdQrParseOptions, type IdQrProblem } from './id-qr.ts';

const TODAY = '2026-11-23';
const at: IdQrParseOptions = { today: TODAY };

// Synthetic people; the ID numbers follow the rules (province, sex/century digit, year) but belong to no one.
const CHIP_7 = '001089012345|012345678|Nguyễn Văn Đức|15031989|Nam|Số 12 Lê Lợi, phường Hoàn Kiếm, thành phố Hà Nội|20042021';
const CAN_CUOC_11 = '079305001234||Trần Thị Bích Ngọc|02112005|Nữ|Số 7 Nguyễn Huệ, phường Sài Gòn, Thành phố Hồ Chí Minh|15082024||||';

function ok(text: string, options: IdQrParseOptions = at): IdQrCitizen {
  const result = parseIdQr(text, options);
  if (!result.ok) throw new Error(`expected success, got ${result.problem.code}: ${result.problem.en}`);
  return result.citizen;
}

function problem(text: string, options: IdQrParseOptions = at): IdQrProblem {
  const result = parseIdQr(text, options);
  if (result.ok) throw new Error('expected a problem, got a citizen');
  return result.problem;
}

const codes = (citizen: IdQrCitizen) => citizen.warnings.map((warning) => warning.code);

/** UTF-8 bytes shown as Windows-1252 characters: what a scanner typing byte by byte into Windows produces. */
function asWindows1252(text: string): string {
  return new TextDecoder('windows-1252').decode(new TextEncoder().encode(text));
}

describe('parseIdQr: layouts', () => {
  test('the 7-field chip CCCD string', () => {
    expect(ok(CHIP_7)).toEqual({
      idNumber: '001089012345',
      oldIdNumber: '012345678',
      fullName: 'Nguyễn Văn Đức',
      birthDate: '1989-03-15',
      gender: 'male',
      address: 'Số 12 Lê Lợi, phường Hoàn Kiếm, thành phố Hà Nội',
      issueDate: '2021-04-20',
      warnings: [],
    });
  });

  test('the 11-field căn cước string (cards from 01/7/2024): field 6 is nơi cư trú, the extra fields are ignored', () => {
    expect(ok(CAN_CUOC_11)).toEqual({
      idNumber: '079305001234',
      oldIdNumber: null,
      fullName: 'Trần Thị Bích Ngọc',
      birthDate: '2005-11-02',
      gender: 'female',
      address: 'Số 7 Nguyễn Huệ, phường Sài Gòn, Thành phố Hồ Chí Minh',
      issueDate: '2024-08-15',
      warnings: [],
    });
    // Damage in the ignored fields does not matter.
    expect(ok(`${CAN_CUOC_11}|\ufffd|Ã¡`).fullName).toBe('Trần Thị Bích Ngọc');
    // A child's card carries more in the extra fields; they are still ignored.
    expect(ok(`${CAN_CUOC_11.slice(0, -4)}|Trần Văn Bình|Lê Thị Hoa||`).fullName).toBe('Trần Thị Bích Ngọc');
  });

  test('an empty old ID is null; a 12-digit old ID is accepted; an unusual length is a warning', () => {
    expect(ok(CHIP_7.replace('|012345678|', '||')).oldIdNumber).toBeNull();
    expect(ok(CHIP_7.replace('|012345678|', '| |')).oldIdNumber).toBeNull();
    expect(ok(CHIP_7.replace('|012345678|', '|001089000111|'))).toMatchObject({ oldIdNumber: '001089000111', warnings: [] });
    const odd = ok(CHIP_7.replace('|012345678|', '|0123456789|'));
    expect(odd.oldIdNumber).toBe('0123456789');
    expect(codes(odd)).toEqual(['old-id-unusual-length']);
  });

  test('a name in NFD (combining marks typed separately) comes back NFC', () => {
    const nfd = CHIP_7.normalize('NFD');
    expect(nfd).not.toBe(CHIP_7);
    const citizen = ok(nfd);
    expect(citizen.fullName).toBe('Nguyễn Văn Đức');
    expect(citizen.fullName.normalize('NFC')).toBe(citizen.fullName);
    expect(citizen.address).toBe('Số 12 Lê Lợi, phường Hoàn Kiếm, thành phố Hà Nội');
  });

  test.each([
    ['CR LF', `${CHIP_7}\r\n`],
    ['LF', `${CHIP_7}\n`],
    ['CR', `${CHIP_7}\r`],
    ['tab suffix', `${CHIP_7}\t`],
    ['surrounding spaces', `   ${CHIP_7}  \r\n`],
    ['byte-order mark', `\ufeff${CHIP_7}`],
    ['spaces around fields', CHIP_7.replaceAll('|', ' | ')],
  ])('tolerates %s', (_label, text) => {
    expect(ok(text)).toEqual(ok(CHIP_7));
  });

  test('dates with separators are accepted too', () => {
    expect(ok(CHIP_7.replace('15031989', '15/03/1989')).birthDate).toBe('1989-03-15');
  });

  test('29 February only in leap years', () => {
    expect(ok('001200012345||Lê Văn Tư|29022000|Nam|Hà Nội|01032021').birthDate).toBe('2000-02-29'); // digit 4 = 2: born 2000s
    expect(problem('001000012345||Lê Văn Tư|29021900|Nam|Hà Nội|01032021').code).toBe('birth-date');
  });
});

describe('parseIdQr: refused texts say which field and what was expected', () => {
  test.each([
    ['0 fields (empty)', '', 'empty', null],
    ['only white space and a line end', '  \r\n', 'empty', null],
    ['1 field (no separator)', 'xin chao', 'too-few-fields', null],
    ['6 fields', CHIP_7.slice(0, CHIP_7.lastIndexOf('|')), 'too-few-fields', null],
    ['a letter in the ID', CHIP_7.replace('001089012345', '00108901234A'), 'id-number', 'idNumber'],
    ['an 11-digit ID', CHIP_7.replace('001089012345', '00108901234'), 'id-number', 'idNumber'],
    ['an old CMND with letters', CHIP_7.replace('012345678', 'B1234567'), 'old-id-number', 'oldIdNumber'],
    ['31 February', CHIP_7.replace('15031989', '31021989'), 'birth-date', 'birthDate'],
    ['month 13', CHIP_7.replace('15031989', '15131989'), 'birth-date', 'birthDate'],
    ['day 00', CHIP_7.replace('15031989', '00031989'), 'birth-date', 'birthDate'],
    ['an ISO date', CHIP_7.replace('15031989', '1989-03-15'), 'birth-date', 'birthDate'],
    ['a birth in the future', CHIP_7.replace('15031989', '01012027'), 'birth-date', 'birthDate'],
    ['a birth before 1900', CHIP_7.replace('15031989', '01011899'), 'birth-date', 'birthDate'],
    ['31 April issue date', CHIP_7.replace('20042021', '31042021'), 'issue-date', 'issueDate'],
    ['issued before birth', CHIP_7.replace('20042021', '14031989'), 'issue-date', 'issueDate'],
    ['an unknown sex', CHIP_7.replace('|Nam|', '|X|'), 'gender', 'gender'],
    ['an empty sex', CHIP_7.replace('|Nam|', '||'), 'gender', 'gender'],
    ['an empty name', CHIP_7.replace('Nguyễn Văn Đức', ''), 'full-name', 'fullName'],
    ['digits in the name (VNI input method)', CHIP_7.replace('Nguyễn', 'Nguye64n'), 'full-name', 'fullName'],
    ['symbols in the name', CHIP_7.replace('Nguyễn', 'Nguyễn#'), 'full-name', 'fullName'],
    ['? for lost letters in the name', CHIP_7.replace('Nguyễn', 'Nguy?n'), 'mangled-text', 'fullName'],
    ['? for lost letters in the address', CHIP_7.replace('phường', 'ph??ng'), 'mangled-text', 'address'],
    ['U+FFFD in the name', CHIP_7.replace('Nguyễn', 'Nguy\ufffdn'), 'replacement-character', 'fullName'],
    ['U+FFFD in the address', CHIP_7.replace('phường', 'ph\ufffd\ufffdng'), 'replacement-character', 'address'],
    ['mojibake that cannot be repaired', CHIP_7.replace('Nguyễn', 'Nguyá»?n'), 'mangled-text', 'fullName'],
    ['a control character', CHIP_7.replace('Lê Lợi', 'Lê\u001bLợi'), 'mangled-text', 'address'],
    ['two scans run together', `${CHIP_7}\r\n${CHIP_7}`, 'multiple-lines', null],
  ])('%s', (_label, text, code, field) => {
    const found = problem(text);
    expect(found).toMatchObject({ code, field });
    expect(found.vi.length).toBeGreaterThan(20);
    expect(found.en.length).toBeGreaterThan(20);
    expect(found.vi).not.toBe(found.en);
    expect(found.vi.normalize('NFC')).toBe(found.vi);
  });

  test('the count of fields found is in the message', () => {
    const six = problem(CHIP_7.slice(0, CHIP_7.lastIndexOf('|')));
    expect(six.en).toContain('only 6');
    expect(six.vi).toContain('chỉ có 6');
    expect(problem('001089012345').en).toContain('no "|"');
  });

  test('the field is named by number and meaning in both languages', () => {
    const wrong = problem(CHIP_7.replace('001089012345', '00108901234A'));
    expect(wrong.en).toMatch(/^Field 1 \(personal ID number\) must be exactly 12 digits; the scanned value has 12 characters, not all of them digits\.$/);
    expect(wrong.vi).toContain('Trường 1 (Số định danh cá nhân) phải gồm đúng 12 chữ số');
  });

  test('a refusal never repeats the scanned personal data', () => {
    for (const text of [CHIP_7.replace('15031989', '31021989'), CHIP_7.replace('Nguyễn', 'Nguy?n'), CHIP_7.replace('001089012345', '00108901234A')]) {
      const serialised = JSON.stringify(problem(text));
      for (const secret of ['Nguy', 'Đức', '3102', '00108901234', 'Lê Lợi', '012345678']) expect(serialised).not.toContain(secret);
    }
  });
});

describe('parseIdQr: the ID digits against the card (warnings, not failures)', () => {
  test('digit 4 says female but the card says Nam', () => {
    const citizen = ok(CHIP_7.replace('001089012345', '001189012345'));
    expect(citizen.gender).toBe('male');
    expect(codes(citizen)).toEqual(['id-gender-mismatch']);
    expect(citizen.warnings[0]?.en).toContain('Digit 4 of the ID number (1) means female');
    expect(citizen.warnings[0]?.vi).toContain('ứng với giới tính nữ');
  });

  test('digit 4 says born in the 2000s but the year is 1989', () => {
    const citizen = ok(CHIP_7.replace('001089012345', '001289012345'));
    expect(codes(citizen)).toEqual(['id-century-mismatch']);
    expect(citizen.warnings[0]?.en).toContain('2000–2099');
  });

  test('digits 5–6 are not the year of birth', () => {
    const citizen = ok(CHIP_7.replace('001089012345', '001090012345'));
    expect(codes(citizen)).toEqual(['id-year-mismatch']);
    expect(citizen.warnings[0]?.en).toContain('(90)');
    expect(citizen.warnings[0]?.en).toContain('(1989)');
  });

  test('sex, century and year all wrong give three warnings', () => {
    expect(codes(ok(CHIP_7.replace('001089012345', '001305012345')))).toEqual(['id-gender-mismatch', 'id-century-mismatch', 'id-year-mismatch']);
  });

  test('a first three digits that is no province code (003, 097, 100)', () => {
    for (const province of ['003', '097', '100']) {
      expect(codes(ok(CHIP_7.replace('001089012345', `${province}089012345`)))).toEqual(['id-unknown-province']);
    }
  });

  test('the province list can be supplied as data', () => {
    expect(codes(ok(CHIP_7.replace('001089012345', '097089012345'), { ...at, provinceCodes: new Set(['097']) }))).toEqual([]);
  });

  test('the 63 province codes run from 001 to 096', () => {
    const list = Object.keys(ID_PROVINCE_CODES);
    expect(list).toHaveLength(63);
    expect(list.every((code) => /^0\d\d$/.test(code) && code >= '001' && code <= '096')).toBe(true);
  });

  test('idCenturyGenderDigit', () => {
    expect([idCenturyGenderDigit('male', 1989), idCenturyGenderDigit('female', 1999), idCenturyGenderDigit('male', 2005), idCenturyGenderDigit('female', 2024), idCenturyGenderDigit('male', 2100)]).toEqual([0, 1, 2, 3, 4]);
  });

  test('an issue date after today is a warning (the PC clock may be wrong)', () => {
    expect(codes(ok(CHIP_7, { today: '2021-04-19' }))).toEqual(['issue-date-in-future']);
  });

  test('an empty address is a warning', () => {
    const citizen = ok(CHIP_7.replace('Số 12 Lê Lợi, phường Hoàn Kiếm, thành phố Hà Nội', ''));
    expect(citizen.address).toBe('');
    expect(codes(citizen)).toEqual(['address-empty']);
  });
});

describe('parseIdQr: text mangled on the way in', () => {
  test('UTF-8 read as Windows-1252 ("Nguyá»…n") is repaired, with a warning', () => {
    const mangled = asWindows1252(CHIP_7);
    expect(mangled).toContain('Nguyá»…n');
    const citizen = ok(mangled);
    expect(citizen).toEqual({ ...ok(CHIP_7), warnings: [expect.objectContaining({ code: 'encoding-repaired' })] });
  });

  test('the repair works for letters whose second byte is undefined in Windows-1252 (Đ, ờ) and for the 11-field layout', () => {
    const text = '036187004321||Đặng Thị Ngọc Thờ|09091987|Nữ|Thôn Đông, xã Hải Hậu, tỉnh Ninh Bình|01072024||||';
    const mangled = asWindows1252(text);
    expect(mangled).toContain('\u0090'); // "Đ" is C4 90; 0x90 has no Windows-1252 character
    expect(ok(mangled)).toEqual({ ...ok(text), warnings: [expect.objectContaining({ code: 'encoding-repaired' })] });
  });

  test('mangled twice is repaired too', () => {
    expect(ok(asWindows1252(asWindows1252(CHIP_7))).fullName).toBe('Nguyễn Văn Đức');
  });

  test('NFD text mangled is repaired to NFC', () => {
    expect(ok(asWindows1252(CHIP_7.normalize('NFD'))).fullName).toBe('Nguyễn Văn Đức');
  });

  test('a name that lost its diacritics is a warning', () => {
    expect(codes(ok(CHIP_7.replace('Nguyễn Văn Đức', 'NGUYEN VAN DUC')))).toEqual(['name-missing-diacritics']);
  });

  test('Telex keystrokes in the name are a warning', () => {
    expect(codes(ok(CHIP_7.replace('Nguyễn Văn Đức', 'Nguyeenx Vawn DDuwcs')))).toEqual(['name-telex-artefacts']);
  });

  test('plain names without diacritics that are correct Vietnamese raise nothing', () => {
    expect(codes(ok(CHIP_7.replace('Nguyễn Văn Đức', 'Mai Minh Anh')))).toEqual([]);
    expect(codes(ok(CHIP_7.replace('Nguyễn Văn Đức', "H'Hen Niê")))).toEqual([]);
  });
});

describe('parseIdQr: never throws', () => {
  test('on 20 000 random texts and random damage to a good one', () => {
    const random = seededRandom('id-qr-fuzz');
    const alphabet = ['|', '|', '|', '0', '1', '2', '9', 'a', 'Ã', '»', 'ễ', 'Đ', '\u0090', '\ufffd', ' ', '\r', '\n', '\t', '?', '/', '-', 'Nam', 'Nữ', '\u0301', '\u0000'];
    for (let i = 0; i < 10_000; i += 1) {
      let text = '';
      const length = Math.floor(random() * 80);
      for (let k = 0; k < length; k += 1) text += alphabet[Math.floor(random() * alphabet.length)] ?? '';
      expect(() => parseIdQr(text, at)).not.toThrow();
      const at1 = Math.floor(random() * CHIP_7.length);
      const damaged = CHIP_7.slice(0, at1) + (alphabet[Math.floor(random() * alphabet.length)] ?? '') + CHIP_7.slice(at1 + 1);
      expect(() => parseIdQr(damaged, at)).not.toThrow();
    }
  });
});

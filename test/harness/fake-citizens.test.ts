import { describe, expect, test } from 'vitest';
import { ID_PROVINCE_CODES, parseIdQr } from '../../shared/domain/citizen/id-qr.ts';
import {
  DEFAULT_AS_OF,
  FAKE_BIRTH_PROVINCE_CODES,
  FAKE_MOBILE_PREFIXES,
  createCitizenFaker,
  fakeCitizens,
  fakeOrganisations,
  seededRandom,
  taxCodeCheckDigit,
  toIdQrText,
  type FakeCitizen,
} from './fake-citizens.ts';

const share = <T>(items: readonly T[], predicate: (item: T) => boolean): number => items.filter(predicate).length / items.length;

describe('seeded randomness', () => {
  test('the same seed gives the same numbers; another seed others', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom('bench')()).toBe(seededRandom('bench')());
  });

  test('uniform enough: deciles of 100 000 draws within 5 % of each other', () => {
    const random = seededRandom(1);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i += 1) {
      const bucket = Math.floor(random() * 10);
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});

describe('fake citizens', () => {
  test('deterministic for a seed, whatever the day the test runs', () => {
    expect(fakeCitizens(2026, 500)).toEqual(fakeCitizens(2026, 500));
    expect(fakeCitizens('one-stop', 50)).toEqual(fakeCitizens('one-stop', 50));
    expect(fakeCitizens(2026, 50)).not.toEqual(fakeCitizens(2027, 50));
    // take() continues the same stream as next()
    const faker = createCitizenFaker(5);
    const streamed = [faker.next(), ...faker.take(9)];
    expect(streamed).toEqual(fakeCitizens(5, 10));
  });

  test('every generated card passes parseIdQr in both layouts with no warnings, and reads back the same', () => {
    for (const citizen of fakeCitizens(11, 20_000)) {
      for (const layout of [7, 11] as const) {
        const result = parseIdQr(toIdQrText(citizen, { layout }), { today: DEFAULT_AS_OF });
        if (!result.ok) throw new Error(`${citizen.idNumber}: ${result.problem.en}`);
        const { warnings, ...read } = result.citizen;
        if (warnings.length > 0) throw new Error(`${citizen.idNumber} ${citizen.fullName}: ${warnings.map((w) => w.en).join(' / ')}`);
        expect(read).toEqual({
          idNumber: citizen.idNumber,
          oldIdNumber: citizen.oldIdNumber,
          fullName: citizen.fullName,
          birthDate: citizen.birthDate,
          gender: citizen.gender,
          address: citizen.address,
          issueDate: citizen.issueDate,
        });
      }
    }
  });

  test('the QR layout follows the issue date unless asked: 11 fields from 01/7/2024', () => {
    const citizens = fakeCitizens(3, 2000);
    const late = citizens.find((citizen) => citizen.issueDate >= '2024-07-01') as FakeCitizen;
    const early = citizens.find((citizen) => citizen.issueDate < '2024-07-01') as FakeCitizen;
    expect(toIdQrText(late).split('|')).toHaveLength(11);
    expect(toIdQrText(early).split('|')).toHaveLength(7);
    expect(toIdQrText(late, { layout: 7 }).split('|')).toHaveLength(7);
    expect(toIdQrText(early, { layout: 11 }).split('|').slice(7)).toEqual(['', '', '', '']);
  });

  test('the first million ID numbers of a faker are all different', () => {
    const faker = createCitizenFaker('bench');
    const seen = new Set<string>();
    for (let i = 0; i < 1_000_000; i += 1) seen.add(faker.next().idNumber);
    expect(seen.size).toBe(1_000_000);
  });

  describe('distribution (200 000 applicants)', () => {
    const people = fakeCitizens(99, 200_000);

    test('surnames: Nguyễn ≈ 38 %, then Trần, Lê, Phạm; Huỳnh and Võ mostly in the south', () => {
      expect(Math.abs(share(people, (p) => p.familyName === 'Nguyễn') - 0.384)).toBeLessThan(0.01);
      const counts = new Map<string, number>();
      for (const person of people) counts.set(person.familyName, (counts.get(person.familyName) ?? 0) + 1);
      const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
      expect(ranked.slice(0, 4)).toEqual(['Nguyễn', 'Trần', 'Lê', 'Phạm']);
      expect(counts.size).toBeGreaterThan(50);
      const southern = people.filter((p) => p.birthProvinceCode >= '070');
      const northern = people.filter((p) => p.birthProvinceCode <= '037');
      expect(share(southern, (p) => p.familyName === 'Huỳnh')).toBeGreaterThan(share(southern, (p) => p.familyName === 'Hoàng'));
      expect(share(northern, (p) => p.familyName === 'Hoàng')).toBeGreaterThan(10 * share(northern, (p) => p.familyName === 'Huỳnh'));
      expect(share(southern, (p) => p.familyName === 'Võ')).toBeGreaterThan(share(southern, (p) => p.familyName === 'Vũ'));
    });

    test('sex about half and half; names fit the sex and the generation', () => {
      expect(Math.abs(share(people, (p) => p.gender === 'female') - 0.5)).toBeLessThan(0.01);
      expect(people.some((p) => p.gender === 'male' && p.middleName.startsWith('Thị'))).toBe(false);
      expect(people.some((p) => p.gender === 'female' && p.middleName === 'Văn')).toBe(false);
      const men = people.filter((p) => p.gender === 'male');
      const olderMen = men.filter((p) => p.birthDate < '1975');
      const youngerMen = men.filter((p) => p.birthDate >= '2000');
      expect(share(olderMen, (p) => p.middleName === 'Văn')).toBeGreaterThan(0.45);
      expect(share(youngerMen, (p) => p.middleName === 'Văn')).toBeLessThan(0.15);
      expect(new Set(men.map((p) => p.givenName)).size).toBeGreaterThan(150);
      expect(new Set(people.filter((p) => p.gender === 'female').map((p) => p.givenName)).size).toBeGreaterThan(150);
      expect(people.every((p) => p.fullName === `${p.familyName} ${p.middleName} ${p.givenName}` && p.fullName.normalize('NFC') === p.fullName)).toBe(true);
    });

    test('ID numbers agree with birth province, sex, century and year; all 63 provinces appear', () => {
      for (const p of people.slice(0, 20_000)) {
        const year = Number(p.birthDate.slice(0, 4));
        expect(p.idNumber).toMatch(/^\d{12}$/);
        expect(p.idNumber.slice(0, 3)).toBe(p.birthProvinceCode);
        expect(Number(p.idNumber[3])).toBe((Math.floor(year / 100) - 19) * 2 + (p.gender === 'female' ? 1 : 0));
        expect(p.idNumber.slice(4, 6)).toBe(String(year % 100).padStart(2, '0'));
      }
      expect(new Set(people.map((p) => p.birthProvinceCode)).size).toBe(63);
      expect(FAKE_BIRTH_PROVINCE_CODES).toEqual(Object.keys(ID_PROVINCE_CODES).sort());
      // Bigger provinces, more people: Hồ Chí Minh and Hà Nội births outnumber Bắc Kạn's many times.
      expect(share(people, (p) => p.birthProvinceCode === '079')).toBeGreaterThan(10 * share(people, (p) => p.birthProvinceCode === '006'));
    });

    test('ages 15 to 90 at asOf; cards issued from 2021, at 14 or older, not after asOf; old IDs for some', () => {
      const asNumber = (date: string) => Number(date.replaceAll('-', '')); // 2021-01-01 → 20210101
      const wrong = people.filter(
        (p) =>
          p.birthDate > '2011-07-01' ||
          p.birthDate < '1936-06-30' ||
          p.issueDate < '2021-01-01' ||
          p.issueDate > DEFAULT_AS_OF ||
          asNumber(p.issueDate) < asNumber(p.birthDate) + 14_0000, // 14th birthday
      );
      expect(wrong).toEqual([]);
      const withOld = people.filter((p) => p.oldIdNumber !== null);
      expect(share(people, (p) => p.oldIdNumber !== null)).toBeGreaterThan(0.4);
      expect(withOld.every((p) => /^(\d{9}|\d{12})$/.test(p.oldIdNumber ?? ''))).toBe(true);
      expect(share(withOld, (p) => p.oldIdNumber?.length === 12)).toBeGreaterThan(0.04);
      expect(people.filter((p) => p.birthDate >= '2008').every((p) => p.oldIdNumber === null)).toBe(true);
      expect(share(people, (p) => p.issueDate >= '2024-07-01')).toBeGreaterThan(0.15);
    });

    test('addresses: no district level; phường or xã, then tỉnh or thành phố of the 34', () => {
      for (const p of people.slice(0, 20_000)) {
        expect(p.address).toMatch(/, (phường|xã) [^,]+, (tỉnh|thành phố) [^,]+$/u);
        expect(p.address.endsWith(` ${p.province}`)).toBe(true);
        expect(p.address).not.toMatch(/quận|huyện|thị xã/iu);
      }
      expect(new Set(people.map((p) => p.province)).size).toBe(34);
      expect(share(people, (p) => p.province === 'Hồ Chí Minh')).toBeGreaterThan(0.12);
    });

    test('mobile phones: 10 digits with a real prefix, Viettel the largest network, a few people without', () => {
      const phones = people.flatMap((p) => (p.phone === null ? [] : [p.phone]));
      expect(phones.length / people.length).toBeGreaterThan(0.93);
      const known = new Set(Object.values(FAKE_MOBILE_PREFIXES).flat());
      expect(phones.every((phone) => /^0\d{9}$/.test(phone) && known.has(phone.slice(0, 3)))).toBe(true);
      const viettel = new Set(FAKE_MOBILE_PREFIXES.viettel);
      expect(Math.abs(share(phones, (phone) => viettel.has(phone.slice(0, 3))) - 0.54)).toBeLessThan(0.03);
    });
  });
});

describe('fake organisations', () => {
  test('tax code check digit: a published real code checks, a changed digit does not', () => {
    expect(taxCodeCheckDigit('010010910')).toBe(6); // 0100109106
    expect(taxCodeCheckDigit('010010911')).not.toBe(6);
  });

  test('deterministic; company names as registered; valid, distinct tax codes; city landlines', () => {
    const organisations = fakeOrganisations(8, 10_000);
    expect(fakeOrganisations(8, 100)).toEqual(organisations.slice(0, 100));
    expect(new Set(organisations.map((o) => o.taxCode)).size).toBe(organisations.length);
    for (const o of organisations) {
      expect(o.name).toMatch(/^(Công ty TNHH( MTV)? |Công ty Cổ phần |Doanh nghiệp tư nhân |Hợp tác xã )\p{Lu}/u);
      expect(o.taxCode).toMatch(/^0[1-4]\d{8}$/);
      expect(Number(o.taxCode[9])).toBe(taxCodeCheckDigit(o.taxCode.slice(0, 9)));
      expect(o.phone).toMatch(/^(024|028)\d{8}$|^(0225|0236)\d{7}$/);
      expect(o.representative.split(' ').length).toBeGreaterThanOrEqual(3);
    }
    expect(share(organisations, (o) => o.kind === 'tnhh')).toBeGreaterThan(0.5);
  });
});

/**
 * Deterministic, realistic Vietnamese applicants (and organisations) for tests and benchmarks.
 *
 * Everything comes from one seeded PRNG (sfc32, seeded through splitmix32), so a seed always gives the same
 * people, on every machine. Nobody here is real: ID numbers follow the card rules (birth-registration
 * province, sex/century digit, year of birth) but their serials are synthetic; tax codes carry a valid check
 * digit but are drawn at random.
 *
 * Realism, roughly (sources are public statistics and conventions, [S] in DOMAIN.md's sense, good enough
 * for test data and search benchmarks, not for anything official):
 * - surnames: Nguyễn ≈ 38 %, Trần 11, Lê 9.5, Phạm 7, Hoàng/Huỳnh 5 (Huỳnh in the south), Phan 4.5, Vũ/Võ 4
 *   (Võ in the centre and south), Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý, then ~45 rarer ones;
 * - middle names by sex and generation (Văn / Thị much more often for older people), given names by sex;
 * - birth province weighted by the population of the 63 pre-2025 provinces; the home address is in the
 *   merged province (two-tier local government from 01/7/2025: số nhà + đường/thôn, phường/xã, tỉnh/thành
 *   phố, no district) and sometimes in a big city people move to;
 * - mobile numbers with the prefixes of Viettel, VinaPhone, MobiFone, Vietnamobile, Gmobile, Itelecom, Reddi;
 * - chip-card issue dates from 2021, 11-field căn cước layout for cards issued from 01/7/2024.
 *
 * Speed: about a microsecond per applicant (1 000 000 in ~1–2 s on a laptop); no Date objects, no Intl.
 */

// ---------------------------------------------------------------------------------------------------------
// Random numbers

/** A function returning uniform numbers in [0, 1). */
export type Random = () => number;

/** sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG, 32-bit): fast, good statistical quality, 128-bit state. */
export function sfc32(a: number, b: number, c: number, d: number): Random {
  let s0 = a | 0;
  let s1 = b | 0;
  let s2 = c | 0;
  let s3 = d | 0;
  return () => {
    const t = (((s0 + s1) | 0) + s3) | 0;
    s3 = (s3 + 1) | 0;
    s0 = s1 ^ (s1 >>> 9);
    s1 = (s2 + (s2 << 3)) | 0;
    s2 = (s2 << 21) | (s2 >>> 11);
    s2 = (s2 + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** FNV-1a, 32-bit: turns a text seed into a number. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A PRNG for a seed (number or text). The same seed always gives the same sequence. */
export function seededRandom(seed: number | string): Random {
  // splitmix32 spreads one 32-bit seed over sfc32's four state words.
  let state = typeof seed === 'string' ? hashText(seed) : seed >>> 0;
  const next = () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  const random = sfc32(next(), next(), next(), next());
  for (let i = 0; i < 12; i += 1) random(); // discard the first outputs, as sfc32's authors advise
  return random;
}

const int = (random: Random, below: number): number => Math.floor(random() * below);
const pickUniform = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)] as T;
const digits = (random: Random, count: number): string => String(int(random, 10 ** count)).padStart(count, '0');

/** A picker over weighted items: a cumulative table and a binary search, built once. */
function weighted<T>(entries: readonly (readonly [T, number])[]): (random: Random) => T {
  const items = entries.map(([item]) => item);
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, weight], index) => {
    total += weight;
    cumulative[index] = total;
  });
  return (random) => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return items[low] as T;
  };
}

// ---------------------------------------------------------------------------------------------------------
// Calendar arithmetic on day numbers (days since 1970-01-01), without Date objects.

function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilDate(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad2 = (value: number): string => (value < 10 ? `0${value}` : String(value));

function isoDate(days: number): string {
  const { year, month, day } = civilDate(days);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function parseIso(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Expected YYYY-MM-DD, got ${date}`);
  return dayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
}

// ---------------------------------------------------------------------------------------------------------
// Places

type Region = 'north' | 'highlands' | 'centre' | 'south';

/**
 * The 34 provinces and centrally-run cities from 01/7/2025 (NQ 202/2025/QH15) with the pre-2025 provinces
 * merged into each, as 3-digit ID codes with a population weight (millions, rounded, c. 2023). [S]
 */
const PROVINCES: readonly Readonly<{ name: string; city: boolean; region: Region; parts: readonly (readonly [string, number])[]; alley?: 'kiệt' | 'hẻm' }>[] = [
  { name: 'Hà Nội', city: true, region: 'north', parts: [['001', 8.6]] },
  { name: 'Huế', city: true, region: 'centre', parts: [['046', 1.15]], alley: 'kiệt' },
  { name: 'Lai Châu', city: false, region: 'highlands', parts: [['012', 0.48]] },
  { name: 'Điện Biên', city: false, region: 'highlands', parts: [['011', 0.63]] },
  { name: 'Sơn La', city: false, region: 'highlands', parts: [['014', 1.3]] },
  { name: 'Lạng Sơn', city: false, region: 'highlands', parts: [['020', 0.8]] },
  { name: 'Quảng Ninh', city: false, region: 'north', parts: [['022', 1.36]] },
  { name: 'Thanh Hóa', city: false, region: 'centre', parts: [['038', 3.7]] },
  { name: 'Nghệ An', city: false, region: 'centre', parts: [['040', 3.4]] },
  { name: 'Hà Tĩnh', city: false, region: 'centre', parts: [['042', 1.3]] },
  { name: 'Cao Bằng', city: false, region: 'highlands', parts: [['004', 0.55]] },
  { name: 'Tuyên Quang', city: false, region: 'highlands', parts: [['008', 0.8], ['002', 0.9]] },
  { name: 'Lào Cai', city: false, region: 'highlands', parts: [['010', 0.77], ['015', 0.84]] },
  { name: 'Thái Nguyên', city: false, region: 'north', parts: [['019', 1.33], ['006', 0.32]] },
  { name: 'Phú Thọ', city: false, region: 'north', parts: [['025', 1.5], ['026', 1.2], ['017', 0.88]] },
  { name: 'Bắc Ninh', city: false, region: 'north', parts: [['027', 1.5], ['024', 1.9]] },
  { name: 'Hưng Yên', city: false, region: 'north', parts: [['033', 1.3], ['034', 1.9]] },
  { name: 'Hải Phòng', city: true, region: 'north', parts: [['031', 2.1], ['030', 1.95]] },
  { name: 'Ninh Bình', city: false, region: 'north', parts: [['037', 1.0], ['035', 0.88], ['036', 1.9]] },
  { name: 'Quảng Trị', city: false, region: 'centre', parts: [['045', 0.65], ['044', 0.9]], alley: 'kiệt' },
  { name: 'Đà Nẵng', city: true, region: 'centre', parts: [['048', 1.25], ['049', 1.5]], alley: 'kiệt' },
  { name: 'Quảng Ngãi', city: false, region: 'centre', parts: [['051', 1.25], ['062', 0.58]], alley: 'kiệt' },
  { name: 'Gia Lai', city: false, region: 'centre', parts: [['064', 1.6], ['052', 1.5]], alley: 'hẻm' },
  { name: 'Khánh Hòa', city: false, region: 'centre', parts: [['056', 1.25], ['058', 0.6]], alley: 'hẻm' },
  { name: 'Lâm Đồng', city: false, region: 'centre', parts: [['068', 1.33], ['067', 0.67], ['060', 1.25]], alley: 'hẻm' },
  { name: 'Đắk Lắk', city: false, region: 'centre', parts: [['066', 1.9], ['054', 0.88]], alley: 'hẻm' },
  { name: 'Hồ Chí Minh', city: true, region: 'south', parts: [['079', 9.5], ['074', 2.8], ['077', 1.2]] },
  { name: 'Đồng Nai', city: false, region: 'south', parts: [['075', 3.3], ['070', 1.0]] },
  { name: 'Tây Ninh', city: false, region: 'south', parts: [['072', 1.19], ['080', 1.7]] },
  { name: 'Cần Thơ', city: true, region: 'south', parts: [['092', 1.25], ['094', 1.2], ['093', 0.73]] },
  { name: 'Vĩnh Long', city: false, region: 'south', parts: [['086', 1.03], ['083', 1.3], ['084', 1.0]] },
  { name: 'Đồng Tháp', city: false, region: 'south', parts: [['087', 1.6], ['082', 1.8]] },
  { name: 'Cà Mau', city: false, region: 'south', parts: [['096', 1.2], ['095', 0.92]] },
  { name: 'An Giang', city: false, region: 'south', parts: [['089', 1.9], ['091', 1.75]] },
];
type Province = (typeof PROVINCES)[number];

const BIRTH_PLACES = PROVINCES.flatMap((province) => province.parts.map(([code, weight]) => [{ code, province }, weight] as const));
const pickBirthPlace = weighted(BIRTH_PLACES);
/** Where people who moved live (a share of everyone lives outside their birth province). */
const pickMagnet = weighted(
  (
    [
      ['Hồ Chí Minh', 45],
      ['Hà Nội', 30],
      ['Đồng Nai', 7],
      ['Bắc Ninh', 5],
      ['Đà Nẵng', 5],
      ['Hải Phòng', 4],
      ['Cần Thơ', 4],
    ] as const
  ).map(([name, weight]) => [PROVINCES.find((province) => province.name === name) as Province, weight] as const),
);

/** The first three digits of every ID this generator makes: the 63 birth-registration provinces. */
export const FAKE_BIRTH_PROVINCE_CODES: readonly string[] = BIRTH_PLACES.map(([{ code }]) => code).sort();

const STREETS = [
  'Lê Lợi', 'Trần Hưng Đạo', 'Nguyễn Trãi', 'Hai Bà Trưng', 'Lý Thường Kiệt', 'Quang Trung', 'Lê Duẩn', 'Hùng Vương',
  'Nguyễn Huệ', 'Phan Đình Phùng', 'Trần Phú', 'Lê Thánh Tông', 'Nguyễn Du', 'Bà Triệu', 'Ngô Quyền', 'Lý Thái Tổ',
  'Đinh Tiên Hoàng', 'Phan Chu Trinh', 'Phan Bội Châu', 'Nguyễn Thái Học', 'Hoàng Diệu', 'Võ Thị Sáu',
  'Nguyễn Thị Minh Khai', 'Cách Mạng Tháng Tám', 'Lạc Long Quân', 'Âu Cơ', 'Tôn Đức Thắng', 'Võ Văn Kiệt',
  'Nguyễn Văn Linh', 'Trường Chinh', 'Lê Hồng Phong', 'Nguyễn Chí Thanh', 'Điện Biên Phủ', 'Phạm Văn Đồng',
  'Nguyễn Tất Thành', 'Hoàng Văn Thụ', 'Chu Văn An', 'Lê Quý Đôn', 'Nguyễn Bỉnh Khiêm', 'Trần Quang Khải', 'Yết Kiêu',
  'Mạc Đĩnh Chi', 'Nguyễn Đình Chiểu', 'Trần Quốc Toản', 'Bạch Đằng', 'Nguyễn Công Trứ', 'Hàm Nghi', 'Duy Tân',
  'Lê Lai', 'Trần Nhân Tông', 'Lý Tự Trọng', 'Nguyễn Khuyến', 'Tô Hiến Thành', 'Hồ Tùng Mậu', 'Kim Đồng',
  'Nguyễn Văn Cừ', 'Giải Phóng', 'Phạm Ngũ Lão', 'Lê Văn Sỹ', 'Cao Thắng', 'Hoàng Hoa Thám', 'Trần Khát Chân',
  'Ngô Gia Tự', 'Nguyễn Trung Trực', 'Trương Định', 'Nam Kỳ Khởi Nghĩa', 'Xô Viết Nghệ Tĩnh', 'Lê Hữu Trác',
  'Tân Trào', 'Văn Cao', 'Tố Hữu', 'Xuân Thủy', 'Huỳnh Thúc Kháng', 'Nguyễn Sinh Sắc', 'Trần Cao Vân',
];

const COMMUNES = [
  'An Bình', 'An Phú', 'An Khánh', 'An Hòa', 'An Lạc', 'An Thịnh', 'Bình An', 'Bình Minh', 'Bình Thạnh', 'Bình Hòa',
  'Bình Lợi', 'Hòa Bình', 'Hòa Thuận', 'Hòa Khánh', 'Hòa Lợi', 'Hòa Hiệp', 'Tân Phú', 'Tân Hiệp', 'Tân Lập',
  'Tân Thành', 'Tân An', 'Tân Hòa', 'Tân Mỹ', 'Tân Tiến', 'Phú Mỹ', 'Phú Lợi', 'Phú Hòa', 'Phú Thịnh', 'Phú Xuân',
  'Phú Lâm', 'Long Hưng', 'Long Phước', 'Long Bình', 'Long Thạnh', 'Thạnh Lộc', 'Thạnh Mỹ', 'Thạnh Phú', 'Hưng Đạo',
  'Hưng Phú', 'Quang Trung', 'Đông Hải', 'Đông Hòa', 'Đông Sơn', 'Đông Thành', 'Nam Sơn', 'Nam Hồng', 'Nam Thành',
  'Bắc Sơn', 'Bắc Hà', 'Tây Sơn', 'Tây Hồ', 'Trung Sơn', 'Trung Hòa', 'Hồng Hà', 'Hồng Phong', 'Hồng Thái',
  'Hồng Sơn', 'Minh Khai', 'Minh Đức', 'Minh Tân', 'Quang Minh', 'Quang Thọ', 'Thanh Bình', 'Thanh Xuân',
  'Thanh Sơn', 'Thanh Hà', 'Thanh Lương', 'Thịnh Long', 'Thịnh Quang', 'Vĩnh Hưng', 'Vĩnh Phúc', 'Vĩnh Thạnh',
  'Vĩnh Lợi', 'Xuân Phương', 'Xuân Lộc', 'Xuân Hòa', 'Xuân Sơn', 'Yên Hòa', 'Yên Sở', 'Yên Thế', 'Yên Bình',
  'Kim Liên', 'Kim Sơn', 'Kim Đông', 'Ngọc Hà', 'Ngọc Lâm', 'Ngọc Sơn', 'Hoàng Văn Thụ', 'Trần Phú', 'Lê Lợi',
  'Quyết Thắng', 'Quyết Tiến', 'Thống Nhất', 'Độc Lập', 'Hợp Thành', 'Đồng Tâm', 'Đồng Xuân', 'Đồng Hòa',
  'Đại Phúc', 'Đại Đồng', 'Đại An', 'Mỹ Thạnh', 'Mỹ Phước', 'Mỹ Hòa', 'Mỹ Lộc', 'Lộc Thọ', 'Lộc An', 'Lộc Hưng',
  'Phước Long', 'Phước Hải', 'Phước Hòa', 'Thuận Thành', 'Thuận Hòa', 'Cẩm Bình', 'Cẩm Thành', 'Hải Thành',
  'Hải An', 'Sơn Thủy', 'Sơn Hà', 'Trường Xuân', 'Trường Thịnh', 'Việt Hưng', 'Việt Hòa', 'Gia Hòa', 'Gia Phú',
];

const VILLAGES_NORTH = [
  'Đông', 'Đoài', 'Thượng', 'Hạ', 'Trung', 'Đình', 'Chùa', 'Đồng Lạc', 'Phú Lộc', 'An Thái', 'Yên Lạc', 'Hòa Mỹ',
  'Tiền Phong', 'Hậu Bổng', 'Văn Giáp', 'Cổ Loa', 'Đông Xá', 'Phù Lưu', 'Bồng Lai', 'Cao Xá', 'Kim Bảng', 'La Phù',
];
const VILLAGES_SOUTH = [
  'Bình Hòa', 'Tân Lập', 'Phước Thạnh', 'Long Thới', 'An Nhơn', 'Mỹ Thuận', 'Hòa Long', 'Thạnh Phú', 'Tân Quy',
  'Phú Thạnh', 'Bình Đông', 'Long Hòa', 'Vĩnh Thuận', 'Rạch Sỏi', 'Cây Dương', 'Xẻo Rô', 'Bến Đình', 'Giồng Trôm',
];
const VILLAGES_HIGHLANDS = ['Na Hang', 'Nà Pàn', 'Pá Khoang', 'Huổi Só', 'Nậm Cắn', 'Co Mạ', 'Lũng Pù', 'Khuổi Khon', 'Bó Mạ', 'Phiêng Luông', 'Nà Sản', 'Mường Lói'];

function addressLine(random: Random, province: Province, urbanShare: number): { line: string; urban: boolean } {
  const urban = random() < urbanShare;
  const number = 1 + int(random, 250);
  if (urban) {
    const street = pickUniform(random, STREETS);
    const style = random();
    if (style < 0.55) return { line: `Số ${number} ${street}`, urban };
    // Lanes: ngõ in the north, kiệt around Huế and Đà Nẵng, hẻm (or "12/34") further south.
    if (province.region === 'south') return { line: style < 0.8 ? `${number}/${1 + int(random, 60)} ${street}` : `Số ${number} hẻm ${1 + int(random, 200)} ${street}`, urban };
    if (province.alley) return { line: `Số ${number} ${province.alley} ${1 + int(random, 150)} ${street}`, urban };
    if (style < 0.85) return { line: `Số ${number}, ngõ ${1 + int(random, 300)} ${street}`, urban };
    return { line: `Tổ dân phố ${1 + int(random, 40)}`, urban };
  }
  switch (province.region) {
    case 'south':
      return { line: `Ấp ${pickUniform(random, VILLAGES_SOUTH)}`, urban };
    case 'highlands':
      return { line: random() < 0.6 ? `Bản ${pickUniform(random, VILLAGES_HIGHLANDS)}` : `Thôn ${pickUniform(random, VILLAGES_NORTH)}`, urban };
    case 'north':
    case 'centre':
      return { line: random() < 0.75 ? `Thôn ${pickUniform(random, VILLAGES_NORTH)}` : `Xóm ${1 + int(random, 15)}`, urban };
  }
}

/** "Số 12 Lê Lợi, phường Bến Thành, Thành phố Hồ Chí Minh": three parts, no district (from 01/7/2025). */
function fakeAddress(random: Random, province: Province, urbanShare = province.city ? 0.85 : 0.4): string {
  const { line, urban } = addressLine(random, province, urbanShare);
  const commune = `${urban ? 'phường' : 'xã'} ${pickUniform(random, COMMUNES)}`;
  return `${line}, ${commune}, ${province.city ? 'thành phố' : 'tỉnh'} ${province.name}`;
}

// ---------------------------------------------------------------------------------------------------------
// Names

/** Surname shares in per cent (Hoàng/Huỳnh and Vũ/Võ are split by region below). [S] */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38.4], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7.1], ['Hoàng|Huỳnh', 5.1], ['Phan', 4.5], ['Vũ|Võ', 3.9],
  ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5],
  ...[
    'Đào', 'Đoàn', 'Vương', 'Trịnh', 'Trương', 'Lâm', 'Phùng', 'Mai', 'Tô', 'Hà', 'Tạ', 'Cao', 'Lương', 'Đinh', 'Châu',
    'Quách', 'Kiều', 'Lưu', 'Tăng', 'Thái', 'Hứa', 'Triệu', 'Lã', 'Mạc', 'Nông', 'Lò', 'Hầu', 'Sầm', 'Ông', 'Diệp',
    'Tôn', 'La', 'Khúc', 'Chu', 'Từ', 'Thân', 'Doãn', 'Âu', 'Quan', 'Giang', 'Mã', 'Lục', 'Ninh', 'Kim', 'Nghiêm',
    'Thạch', 'Danh', 'Văn', 'Cù', 'Bạch',
  ].map((name) => [name, 11.4 / 50] as const),
];
const pickSurnameSlot = weighted(SURNAMES);

function surnameFor(random: Random, region: Region): string {
  const slot = pickSurnameSlot(random);
  if (slot === 'Hoàng|Huỳnh') return random() < (region === 'south' ? 0.2 : region === 'centre' ? 0.6 : 0.95) ? 'Hoàng' : 'Huỳnh';
  if (slot === 'Vũ|Võ') return random() < (region === 'south' ? 0.1 : region === 'centre' ? 0.3 : 0.9) ? 'Vũ' : 'Võ';
  return slot;
}

const MIDDLE_MALE = weighted<string>([
  ['Đức', 6], ['Minh', 8], ['Hữu', 5], ['Quang', 6], ['Công', 4], ['Thành', 3], ['Xuân', 3], ['Ngọc', 3], ['Duy', 4],
  ['Tuấn', 3], ['Quốc', 5], ['Trung', 3], ['Anh', 4], ['Hoàng', 4], ['Đình', 4], ['Mạnh', 2], ['Trọng', 3], ['Hồng', 2],
  ['Thanh', 5], ['Gia', 4], ['Bảo', 4], ['Nhật', 3], ['Tiến', 2], ['Việt', 3], ['Khánh', 2], ['Đăng', 3], ['Huy', 2],
  ['Thế', 3], ['Phúc', 2], ['Tấn', 3], ['Kim', 1], ['Chí', 2], ['Hải', 2], ['Phước', 1], ['Thiện', 1],
  ['Khắc', 1], ['Bá', 2], ['Ngọc Anh', 0.5], ['Minh Đức', 0.5],
]);
const MIDDLE_FEMALE = weighted<string>([
  ['Ngọc', 8], ['Thu', 6], ['Thanh', 6], ['Minh', 4], ['Thùy', 4], ['Phương', 4], ['Hồng', 4], ['Kim', 4], ['Mai', 3],
  ['Lan', 2], ['Bảo', 4], ['Khánh', 4], ['Hoài', 2], ['Diệu', 2], ['Quỳnh', 2], ['Hải', 2], ['Bích', 2], ['Mỹ', 3],
  ['Tuyết', 1], ['Hương', 1], ['Như', 2], ['Tường', 1], ['Yến', 1], ['Thúy', 2], ['Gia', 2], ['Cẩm', 2], ['Uyên', 1],
  ['Xuân', 2], ['Huyền', 1], ['Hà', 1], ['Nhã', 2], ['An', 2], ['Thảo', 1], ['Vân', 1], ['Lệ', 1], ['Phúc', 1],
  ['Thị Thu', 3], ['Thị Ngọc', 3], ['Thị Kim', 2], ['Thị Thanh', 2], ['Thị Hồng', 2], ['Thị Mai', 1],
]);

const GIVEN_MALE = weighted<string>(
  [
    ...['Hùng', 'Dũng', 'Tuấn', 'Minh', 'Hải', 'Nam', 'Hoàng', 'Long', 'Sơn', 'Đức', 'Thắng', 'Cường', 'Tùng', 'Trung', 'Huy', 'Quân', 'Hiếu', 'Phúc', 'Khang', 'Bảo', 'Anh', 'Thành', 'Việt', 'Phong', 'Hưng'].map((name) => [name, 4] as const),
    ...[
      'An', 'Bách', 'Bình', 'Cảnh', 'Chí', 'Chiến', 'Công', 'Danh', 'Đạt', 'Định', 'Đông', 'Duy', 'Dương', 'Giang',
      'Hào', 'Hậu', 'Hiển', 'Hòa', 'Hoàn', 'Học', 'Khánh', 'Khải', 'Khôi', 'Kiên', 'Kiệt', 'Lâm', 'Lân', 'Lộc', 'Lợi',
      'Luân', 'Lực', 'Mạnh', 'Nghĩa', 'Ngọc', 'Nguyên', 'Nhân', 'Nhật', 'Phát', 'Phú', 'Phước', 'Phương', 'Quang', 'Quốc',
      'Quý', 'Quyết', 'Sang', 'Tài', 'Tâm', 'Tân', 'Thái', 'Thạnh', 'Thiện', 'Thịnh', 'Thông', 'Thuận', 'Tiến', 'Tín',
      'Toàn', 'Trí', 'Triều', 'Trọng', 'Trường', 'Tú', 'Tường', 'Vinh', 'Vĩnh', 'Vũ', 'Vương', 'Vỹ', 'Bằng', 'Bắc',
      'Biên', 'Cương', 'Đăng', 'Điền', 'Doanh', 'Hiệp', 'Huân', 'Khoa', 'Kỳ', 'Lĩnh', 'Luật', 'Lương', 'Nghị', 'Nhựt',
      'Ninh', 'Quảng', 'Sáng', 'Sỹ', 'Tạo', 'Thạch', 'Thiên', 'Thọ', 'Tiệp', 'Toản', 'Tráng', 'Tuyên', 'Uy', 'Vĩ', 'Đại',
      'Đạo', 'Giáp', 'Hoan', 'Khiêm', 'Khương', 'Lạc', 'Mẫn', 'Nhất', 'Phi', 'Quyền', 'Sinh', 'Thống', 'Tịnh', 'Triết',
      'Tuệ', 'Vượng', 'Hiền', 'Hợp', 'Kha', 'Lập', 'Liêm', 'Ngạn', 'Nhàn', 'Pháp', 'Phụng', 'Thạc',
      'Thanh', 'Thuần', 'Tôn', 'Trực', 'Tuấn Anh', 'Văn', 'Xuân', 'Yên', 'Đoàn', 'Đô', 'Hữu', 'Hy', 'Kế', 'Khoái',
      'Lam', 'Linh', 'Mãnh', 'Ngân', 'Nhuận', 'Phán', 'Quế', 'Sâm', 'Tạc', 'Thức', 'Toại', 'Trãi', 'Ước', 'Viễn',
    ].map((name) => [name, 1] as const),
  ],
);
const GIVEN_FEMALE = weighted<string>(
  [
    ...['Linh', 'Anh', 'Trang', 'Hương', 'Huyền', 'Hằng', 'Ngọc', 'Hà', 'Lan', 'Thảo', 'Mai', 'Phương', 'Nhung', 'Hạnh', 'Yến', 'Nga', 'Vy', 'Thủy', 'Dung', 'Hoa', 'Ngân', 'Quỳnh', 'Hiền', 'Trinh', 'Nhi'].map((name) => [name, 4] as const),
    ...[
      'An', 'Ánh', 'Bích', 'Châu', 'Chi', 'Cúc', 'Diễm', 'Diệp', 'Diệu', 'Duyên', 'Giang', 'Hân', 'Hảo', 'Hoài', 'Hồng',
      'Huệ', 'Hường', 'Khánh', 'Khuê', 'Kiều', 'Lam', 'Liên', 'Liễu', 'Loan', 'Ly', 'Mến', 'My', 'Mỹ', 'Nghi', 'Nguyệt',
      'Nhàn', 'Như', 'Oanh', 'Phượng', 'Quế', 'Quyên', 'Sương', 'Tâm', 'Thanh', 'Thắm', 'Thi', 'Thơ', 'Thoa', 'Thu',
      'Thuận', 'Thúy', 'Thùy', 'Thư', 'Thương', 'Tiên', 'Trâm', 'Tú', 'Tuyền', 'Tuyết', 'Uyên', 'Vân', 'Vi', 'Xuân',
      'Ái', 'Băng', 'Cầm', 'Đào', 'Điệp', 'Gấm', 'Hạ', 'Hậu', 'Kim', 'Lài', 'Lệ', 'Lụa', 'Minh', 'Mơ', 'Nương', 'Sen',
      'Thêu', 'Thục', 'Trà', 'Tươi', 'Nhạn', 'Lành', 'Hòa', 'Huế', 'Khanh', 'Mận', 'Na', 'Ngà', 'Nhiên', 'Phúc', 'Sa',
      'Tịnh', 'Trúc', 'Bảo Anh', 'Bảo Ngọc', 'Khánh Linh', 'Minh Anh', 'Phương Anh', 'Thu Hà', 'Ngọc Ánh', 'Hải Yến',
      'Gia Hân', 'An Nhiên', 'Tuệ Nhi', 'Diệu Linh', 'Thanh Tâm', 'Hoàng Anh', 'Ngân Hà', 'Kim Ngân', 'Hồng Nhung',
      'Mai Anh', 'Quỳnh Anh', 'Thảo Vy', 'Bình', 'Cẩm', 'Dạ', 'Dịu', 'Đan', 'Hiên', 'Hợp', 'Hướng', 'Lâm', 'Lê',
      'Lựu', 'Mùi', 'Ngát', 'Nguyên', 'Nhài', 'Nhật', 'Phấn', 'Phụng', 'Quý', 'Son', 'Sim', 'Tấm', 'Thêm', 'Thìn',
      'Thoan', 'Thục Anh', 'Tình', 'Trầm', 'Tuyến', 'Ước', 'Vàng', 'Vinh', 'Xoan', 'Xuyến', 'Yên', 'Ý',
    ].map((name) => [name, 1] as const),
  ],
);

/** Văn and Thị: most people born before 1975, fewer and fewer since. */
function middleNameFor(random: Random, gender: 'male' | 'female', birthYear: number): string {
  if (gender === 'male') {
    const van = birthYear < 1975 ? 0.55 : birthYear < 1990 ? 0.35 : birthYear < 2000 ? 0.2 : 0.08;
    return random() < van ? 'Văn' : MIDDLE_MALE(random);
  }
  const thi = birthYear < 1975 ? 0.7 : birthYear < 1990 ? 0.5 : birthYear < 2000 ? 0.3 : 0.12;
  return random() < thi ? 'Thị' : MIDDLE_FEMALE(random);
}

// ---------------------------------------------------------------------------------------------------------
// Phones

/** Mobile prefixes (10-digit numbers) with a rough market share. [S] */
const pickMobilePrefix = weighted<string>([
  // Viettel ≈ 54 %
  ...['098', '097', '096', '086'].map((prefix) => [prefix, 6] as const),
  ...['032', '033', '034', '035', '036', '037', '038', '039'].map((prefix) => [prefix, 3.75] as const),
  // VinaPhone ≈ 24 %
  ...['091', '094', '088'].map((prefix) => [prefix, 4.5] as const),
  ...['081', '082', '083', '084', '085'].map((prefix) => [prefix, 2.1] as const),
  // MobiFone ≈ 17 %
  ...['090', '093', '089'].map((prefix) => [prefix, 3.5] as const),
  ...['070', '076', '077', '078', '079'].map((prefix) => [prefix, 1.3] as const),
  // Vietnamobile, Gmobile, Itelecom, Reddi ≈ 5 %
  ...['092', '056', '058', '052'].map((prefix) => [prefix, 0.75] as const),
  ['099', 0.5], ['059', 0.5], ['087', 0.5], ['055', 0.5],
]);

/** All mobile prefixes the generator uses, by network, for tests. */
export const FAKE_MOBILE_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  viettel: ['086', '096', '097', '098', '032', '033', '034', '035', '036', '037', '038', '039'],
  vinaphone: ['088', '091', '094', '081', '082', '083', '084', '085'],
  mobifone: ['089', '090', '093', '070', '076', '077', '078', '079'],
  vietnamobile: ['092', '056', '058', '052'],
  gmobile: ['099', '059'],
  itelecom: ['087'],
  reddi: ['055'],
};

/** A Vietnamese mobile number, 10 digits, with a real prefix: "0912345678". */
export function fakeMobilePhone(random: Random): string {
  return `${pickMobilePrefix(random)}${digits(random, 7)}`;
}

// ---------------------------------------------------------------------------------------------------------
// Citizens

export type FakeCitizen = {
  idNumber: string;
  /** Old CMND: 9 digits (some 12), or null (young people, and many who never had one). */
  oldIdNumber: string | null;
  /** familyName + ' ' + middleName + ' ' + givenName, NFC. */
  fullName: string;
  familyName: string;
  /** One or two words ("Văn", "Thị Thu"). */
  middleName: string;
  /** One or two words ("An", "Bảo Anh"). */
  givenName: string;
  gender: 'male' | 'female';
  /** YYYY-MM-DD */
  birthDate: string;
  /** First three digits of the ID: the birth-registration province (pre-2025 numbering). */
  birthProvinceCode: string;
  /** Home address after 01/7/2025: "<số nhà + đường | thôn/ấp/bản>, <phường|xã> …, <tỉnh|thành phố> …". */
  address: string;
  /** The province or centrally-run city of the address (one of the 34). */
  province: string;
  /** 10-digit mobile, or null (about 5 % give none). */
  phone: string | null;
  /** YYYY-MM-DD, from 2021 (chip cards) and not before age 14. */
  issueDate: string;
};

export type FakeCitizenOptions = Readonly<{
  /** The generator's "today" (YYYY-MM-DD, at least 2022-01-01): ages and issue dates are counted to it. */
  asOf?: string;
}>;

export interface CitizenFaker {
  /** The next applicant. */
  next(): FakeCitizen;
  /** The next `count` applicants. */
  take(count: number): FakeCitizen[];
}

/** Fixed so that a seed gives the same people whatever the date the tests run. */
export const DEFAULT_AS_OF = '2026-07-01';

const CHIP_CARDS_FROM = dayNumber(2021, 1, 1);
/** Ages of applicants at a one-stop counter, by band. */
const pickAgeBand = weighted<readonly [number, number]>([
  [[15, 18], 2], [[18, 25], 10], [[25, 35], 22], [[35, 45], 22], [[45, 55], 18], [[55, 65], 14], [[65, 75], 9], [[75, 90], 3],
]);
/** Multiplier coprime to 10⁶: counter → serial is a bijection, so the first million IDs of a faker are unique. */
const SERIAL_STEP = 736_547;

/**
 * A stream of applicants for one seed. Within one faker the first 1 000 000 ID numbers are all different
 * (their 6-digit serials are a permutation of the counter); different seeds may repeat one.
 */
export function createCitizenFaker(seed: number | string, options: FakeCitizenOptions = {}): CitizenFaker {
  const random = seededRandom(seed);
  const asOf = parseIso(options.asOf ?? DEFAULT_AS_OF);
  if (asOf < dayNumber(2022, 1, 1)) throw new Error('asOf must be 2022-01-01 or later (chip cards exist from 2021)');
  const serialOffset = int(random, 1_000_000);
  let counter = 0;

  function next(): FakeCitizen {
    const { code: birthProvinceCode, province: birthProvince } = pickBirthPlace(random);
    const home = random() < 0.16 ? pickMagnet(random) : birthProvince;
    const gender = random() < 0.5 ? 'male' : 'female';
    const [minAge, maxAge] = pickAgeBand(random);
    const birthDay = asOf - Math.floor((minAge + random() * (maxAge - minAge)) * 365.2425) - 1;
    const birth = civilDate(birthDay);

    const familyName = surnameFor(random, birthProvince.region);
    const middleName = middleNameFor(random, gender, birth.year);
    // No "Thị Thu Thu Hà": the given name does not start with the middle name's last word.
    const pickGiven = gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
    const lastMiddle = middleName.slice(middleName.lastIndexOf(' ') + 1);
    let givenName = pickGiven(random);
    while (givenName.split(' ', 1)[0] === lastMiddle) givenName = pickGiven(random);

    const centuryGender = (Math.floor(birth.year / 100) - 19) * 2 + (gender === 'female' ? 1 : 0);
    const serial = (counter * SERIAL_STEP + serialOffset) % 1_000_000;
    counter += 1;
    const idNumber = `${birthProvinceCode}${centuryGender}${pad2(birth.year % 100)}${String(serial).padStart(6, '0')}`;

    // CMND was issued from age 14 until 2021; most adults of then had one, a few with the 12-digit form.
    let oldIdNumber: string | null = null;
    if (birthDay + 14 * 365 < CHIP_CARDS_FROM && random() < 0.65) {
      oldIdNumber = random() < 0.08 ? `${birthProvinceCode}${centuryGender}${pad2(birth.year % 100)}${digits(random, 6)}` : `${int(random, 4)}${digits(random, 8)}`;
    }

    // Half were issued in the 2021 campaign, the rest spread until asOf; never before age 14.
    const earliest = Math.max(CHIP_CARDS_FROM, birthDay + Math.ceil(14 * 365.2425));
    const campaignEnd = Math.min(dayNumber(2021, 12, 31), asOf);
    const issueDay = earliest < campaignEnd && random() < 0.5 ? earliest + int(random, campaignEnd - earliest + 1) : earliest + int(random, asOf - earliest + 1);

    return {
      idNumber,
      oldIdNumber,
      fullName: `${familyName} ${middleName} ${givenName}`,
      familyName,
      middleName,
      givenName,
      gender,
      birthDate: `${birth.year}-${pad2(birth.month)}-${pad2(birth.day)}`,
      birthProvinceCode,
      address: fakeAddress(random, home),
      province: home.name,
      phone: random() < 0.95 ? fakeMobilePhone(random) : null,
      issueDate: isoDate(issueDay),
    };
  }

  return {
    next,
    take(count) {
      const out: FakeCitizen[] = new Array<FakeCitizen>(count);
      for (let i = 0; i < count; i += 1) out[i] = next();
      return out;
    },
  };
}

/** `count` applicants for a seed (the first `count` of `createCitizenFaker(seed, options)`). */
export function fakeCitizens(seed: number | string, count: number, options: FakeCitizenOptions = {}): FakeCitizen[] {
  return createCitizenFaker(seed, options).take(count);
}

const ddMMyyyy = (iso: string): string => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}`;

/**
 * The text a scanner types from the card's QR code: 7 fields (chip CCCD) or 11 (căn cước, four empty extra
 * fields for adults). By default the layout follows the issue date (11 from 01/7/2024).
 */
export function toIdQrText(
  citizen: Pick<FakeCitizen, 'idNumber' | 'oldIdNumber' | 'fullName' | 'birthDate' | 'gender' | 'address' | 'issueDate'>,
  options: Readonly<{ layout?: 7 | 11 }> = {},
): string {
  const layout = options.layout ?? (citizen.issueDate >= '2024-07-01' ? 11 : 7);
  const fields = [
    citizen.idNumber,
    citizen.oldIdNumber ?? '',
    citizen.fullName,
    ddMMyyyy(citizen.birthDate),
    citizen.gender === 'male' ? 'Nam' : 'Nữ',
    citizen.address,
    ddMMyyyy(citizen.issueDate),
  ];
  return layout === 11 ? `${fields.join('|')}||||` : fields.join('|');
}

// ---------------------------------------------------------------------------------------------------------
// Organisations

export type FakeOrganisation = {
  /** "Công ty TNHH Thương mại và Dịch vụ Hoàng Long" */
  name: string;
  kind: 'tnhh' | 'co-phan' | 'tu-nhan' | 'hop-tac-xa';
  /** 10 digits, the last a valid check digit. */
  taxCode: string;
  address: string;
  province: string;
  /** Landline with the city's area code, e.g. "02838123456". */
  phone: string;
  /** The legal representative's full name. */
  representative: string;
};

export interface OrganisationFaker {
  next(): FakeOrganisation;
  take(count: number): FakeOrganisation[];
}

const TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/**
 * The 10th digit of a Vietnamese tax code from the first nine: 10 − (Σ dᵢ·wᵢ mod 11), weights 31 29 23 19 17
 * 13 7 5 3. Null when that is 10: no valid code has those nine digits. [S] widely published.
 */
export function taxCodeCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) throw new Error('taxCodeCheckDigit needs nine digits');
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(firstNine[i]) * (TAX_WEIGHTS[i] ?? 0);
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

/** Businesses cluster in the big cities; the first two digits of their tax codes and the area codes. [S] */
const pickBusinessCity = weighted(
  (
    [
      ['Hồ Chí Minh', '03', '028', 45],
      ['Hà Nội', '01', '024', 35],
      ['Hải Phòng', '02', '0225', 10],
      ['Đà Nẵng', '04', '0236', 10],
    ] as const
  ).map(([name, taxPrefix, areaCode, weight]) => [{ province: PROVINCES.find((province) => province.name === name) as Province, taxPrefix, areaCode }, weight] as const),
);

const BRANDS = [
  'Hoàng Long', 'Phú Thịnh', 'An Phát', 'Minh Khang', 'Việt Tiến', 'Sao Mai', 'Thành Công', 'Hưng Thịnh', 'Đại Phát',
  'Tân Phát', 'Phúc Lộc', 'Thiên Ân', 'Bảo Minh', 'Hải Đăng', 'Kim Ngân', 'Trường Sơn', 'Đông Á', 'Nam Việt',
  'Bắc Hà', 'Hồng Hà', 'Sông Hồng', 'Cửu Long', 'Mê Kông', 'Tây Nguyên', 'Hòa Bình', 'Toàn Cầu', 'Ánh Dương',
  'Thăng Long', 'Gia Định', 'Phương Nam', 'Trí Việt', 'Vạn Xuân', 'Lạc Hồng', 'Hùng Vương', 'Thái Bình Dương',
  'Ngọc Lan', 'Hoa Sen', 'Bình Minh', 'Thịnh Vượng', 'Nhật Quang', 'Quang Minh', 'Đức Tín', 'Tín Nghĩa', 'Vĩnh Phát',
  'Hợp Nhất', 'Đồng Tâm', 'Tiến Thành', 'Song Long', 'Kim Cương', 'Hưng Phát',
];
const SECTORS = [
  'Thương mại và Dịch vụ', 'Xây dựng', 'Đầu tư và Phát triển', 'Vận tải', 'Công nghệ', 'Thực phẩm', 'Xuất nhập khẩu',
  'Tư vấn', 'Du lịch', 'Môi trường', 'Cơ khí', 'Điện tử', 'Dược phẩm', 'Nội thất', 'May mặc', 'In ấn', 'Bất động sản',
  'Giáo dục', 'Truyền thông', 'Phần mềm', 'Logistics', 'Nông sản', 'Thủy sản', 'Vật liệu xây dựng', 'Điện lạnh',
  'Thiết bị y tế', 'Kế toán', 'Quảng cáo', 'Thương mại', 'Sản xuất và Thương mại',
];
const COOP_SECTORS = ['Nông nghiệp', 'Dịch vụ nông nghiệp', 'Thủy sản', 'Chăn nuôi', 'Rau an toàn', 'Vận tải', 'Tiểu thủ công nghiệp'];

/** A stream of organisations for one seed; tax codes are distinct within one faker. */
export function createOrganisationFaker(seed: number | string): OrganisationFaker {
  const random = seededRandom(seed);
  const people = createCitizenFaker(`${String(seed)}/representatives`);
  const bodyOffset = int(random, 10_000_000);
  let counter = 0;

  function taxCode(prefix: string): string {
    for (;;) {
      const body = (counter * 7_368_787 + bodyOffset) % 10_000_000; // a bijection mod 10⁷, so never repeated
      counter += 1;
      const firstNine = `${prefix}${String(body).padStart(7, '0')}`;
      const check = taxCodeCheckDigit(firstNine);
      if (check !== null) return `${firstNine}${check}`;
    }
  }

  function next(): FakeOrganisation {
    const { province, taxPrefix, areaCode } = pickBusinessCity(random);
    const brand = pickUniform(random, BRANDS);
    const roll = random();
    let kind: FakeOrganisation['kind'];
    let name: string;
    if (roll < 0.55) {
      kind = 'tnhh';
      name = `Công ty TNHH${random() < 0.25 ? ' MTV' : ''} ${pickUniform(random, SECTORS)} ${brand}`;
    } else if (roll < 0.85) {
      kind = 'co-phan';
      name = `Công ty Cổ phần ${pickUniform(random, SECTORS)} ${brand}`;
    } else if (roll < 0.93) {
      kind = 'tu-nhan';
      name = `Doanh nghiệp tư nhân ${brand}`;
    } else {
      kind = 'hop-tac-xa';
      name = `Hợp tác xã ${pickUniform(random, COOP_SECTORS)} ${brand}`;
    }
    const phone = `${areaCode}${digits(random, 11 - areaCode.length)}`;
    return { name, kind, taxCode: taxCode(taxPrefix), address: fakeAddress(random, province, 0.95), province: province.name, phone, representative: people.next().fullName };
  }

  return {
    next,
    take(count) {
      const out: FakeOrganisation[] = new Array<FakeOrganisation>(count);
      for (let i = 0; i < count; i += 1) out[i] = next();
      return out;
    },
  };
}

/** `count` organisations for a seed. */
export function fakeOrganisations(seed: number | string, count: number): FakeOrganisation[] {
  return createOrganisationFaker(seed).take(count);
}

import type { Rng } from "./prng";

/** Generated names only: common surnames and given-name characters combined at random. */
const SURNAMES = [
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤",
];
const MALE_CHARS = [
  ..."伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁浩凯健俊帆旭宇林峰建国志海文东亮兵晨博思远振新春德永成学荣庆松",
];
const FEMALE_CHARS = [..."芳娟敏静丽艳燕霞玲婷慧莉萍红琴雪梅倩颖洁佳琳晶妍蓉彤丹岚薇秀兰凤"];

export type Sex = "男" | "女";

/** A generated person name, never one already in `taken` (which it extends). */
export function personName(rng: Rng, taken: Set<string>, sex: Sex = rng.chance(0.65) ? "男" : "女"): string {
  const chars = sex === "男" ? MALE_CHARS : FEMALE_CHARS;
  for (;;) {
    const given = rng.chance(0.7) ? rng.pick(chars) + rng.pick(chars) : rng.pick(chars);
    const name = rng.pick(SURNAMES) + given;
    if (given.length === 2 && given[0] === given[1]) continue;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

export const mobilePhone = (rng: Rng) =>
  `1${rng.pick(["33", "35", "37", "38", "39", "58", "77", "87"])}${rng.digits(8)}`;
export const officePhone = (rng: Rng, areaCode: string) => `${areaCode}-${rng.int(2, 8)}${rng.digits(6)}`;

const VILLAGE_FIRST = [..."石柳杨新和平安东西南北上下大小高马龙凤桃花竹松梅枫清水金银黄白红青长双三团丰"];
const VILLAGE_SECOND = [..."岭坪沟湾塘庄坝岗冲口桥园铺寨湖溪田坡"];

/** Generated village names (石岭村, 柳湾村 …), unique across the county through `taken`. */
export function villageName(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const name = `${rng.pick(VILLAGE_FIRST)}${rng.pick(VILLAGE_SECOND)}村`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

const COMMUNITY_NAMES = [
  "滨江社区",
  "文昌社区",
  "解放路社区",
  "人民路社区",
  "桂花社区",
  "新华社区",
  "城南社区",
  "城北社区",
  "望江社区",
  "育才社区",
];

export function communityName(rng: Rng, taken: Set<string>): string {
  const free = COMMUNITY_NAMES.filter((n) => !taken.has(n));
  const name = free.length ? rng.pick(free) : `${villageName(rng, taken).replace("村", "")}社区`;
  taken.add(name);
  return name;
}

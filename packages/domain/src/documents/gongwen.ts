import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";

/**
 * A formal document (公文) in the layout of GB/T 9704-2012 党政机关公文格式, built from structured
 * content: data in, .docx bytes out. Authorization decisions, announcements, urging letters and
 * 立行立改通知书 all go through `renderGongwen`.
 *
 * What the layout follows: A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (type area
 * 156 × 225 mm); 22 lines × 28 characters (exact line pitch 28.95 pt and a character grid); the red
 * issuer mark 35 mm below the top of the type area; the number centered two lines below it; the red
 * separator line 4 mm under the number; title 二号 小标宋 two lines below; addressee flush left;
 * body 三号 仿宋 indented two characters; headings 一、 黑体 and （一） 楷体; attachment note; signature
 * two characters from the right with the date below it, its first character two characters to the
 * right of the signature's; 版记 (抄送, 印发机关 and date) in 四号 仿宋 between full-width rules, kept at
 * the foot of the last page; page numbers 四号 宋体 "— 1 —", odd pages right and even pages left, one
 * character in from the edge (or centered on request).
 */

/** The official fonts, as the standard names them; `altName` is what Word/WPS use where they are missing. */
export const GONGWEN_FONTS = {
  mark: { name: "方正小标宋简体", alt: "宋体" },
  title: { name: "方正小标宋简体", alt: "宋体" },
  body: { name: "仿宋_GB2312", alt: "仿宋" },
  heading1: { name: "黑体", alt: "SimHei" },
  heading2: { name: "楷体_GB2312", alt: "楷体" },
  pageNumber: { name: "宋体", alt: "SimSun" },
} as const;

type FontKey = keyof typeof GONGWEN_FONTS;

/** A block of the document's main text. */
export type GongwenBlock =
  | { type: "paragraph"; text: string }
  /** 一、… in 黑体, on a line of its own. */
  | { type: "heading1"; text: string }
  /** （一）… in 楷体; `rest` continues the same paragraph in 仿宋. */
  | { type: "heading2"; text: string; rest?: string }
  /** A table in 四号 仿宋 (the body size is too wide for most tables); the header row in 黑体. */
  | { type: "table"; columns: string[]; rows: string[][]; widths?: number[] }
  /** A centered picture (a QR code), `widthMm` wide, with an optional line under it. */
  | { type: "image"; png: Uint8Array; widthMm: number; heightMm?: number; caption?: string };

export interface GongwenInput {
  /** 发文机关标志, printed red: 中共××县委巡察工作领导小组文件. */
  issuerMark: string;
  /** 发文字号: 县巡组发〔2026〕3号. */
  number: string;
  title: string;
  /** 主送机关, without the closing colon. */
  addressee?: string | undefined;
  body: GongwenBlock[];
  /** 附件 names, numbered when there are several. */
  attachments?: string[] | undefined;
  /** 发文机关署名. */
  signature: string;
  /** 成文日期 YYYY-MM-DD, printed 2026年11月23日. */
  date: string;
  /** 版记: 抄送 organs. */
  copyTo?: string[] | undefined;
  /** 版记: 印发机关 (the office that prints it) and 印发日期 (YYYY-MM-DD, the date by default). */
  printedBy?: string | undefined;
  printedOn?: string | undefined;
  /** "outside" (default): odd pages right, even pages left, as the standard says; "center". */
  pageNumbers?: "outside" | "center";
}

// Units: twips (1/20 pt). 1 mm = 1440 / 25.4 twips.
const mm = (v: number) => Math.round((v * 1440) / 25.4);
export const GONGWEN_PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
} as const;
const TEXT_WIDTH = GONGWEN_PAGE.width - GONGWEN_PAGE.left - GONGWEN_PAGE.right;
const TEXT_HEIGHT = GONGWEN_PAGE.height - GONGWEN_PAGE.top - GONGWEN_PAGE.bottom;
/** 22 lines a page: 225 mm / 22 = 28.95 pt (579 twips). */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / 22);
/** 28 characters a line: the character pitch, in twips. */
const CHAR_PITCH = TEXT_WIDTH / 28;
/** docGrid charSpace: the pitch's difference from the 16 pt default size, in 1/4096 pt. */
const CHAR_SPACE = Math.floor((CHAR_PITCH / 20 - 16) * 4096);

/** 三号 16 pt, 二号 22 pt, 四号 14 pt, in half-points as w:sz counts them. */
export const SIZES = { body: 32, title: 44, small: 28, pageNumber: 28 } as const;
const RED = "FF0000";

const font = (key: FontKey) => {
  const name = GONGWEN_FONTS[key].name;
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: "eastAsia" };
};

const run = (text: string, key: FontKey, size: number, extra: { color?: string } = {}) =>
  new TextRun({ text, font: font(key), size, ...extra });

/** Width of a string in characters of the grid: CJK full width, ASCII half. */
const charsOf = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);

const exact = (line = LINE_PITCH) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
const blank = () => new Paragraph({ spacing: exact(), children: [] });

/** 2026-11-23 → 2026年11月23日 (Arabic numerals, as the standard says). */
export const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};

function markParagraph(text: string): Paragraph {
  // As large as 36 pt, shrunk to fit one line of the type area.
  const size = Math.min(72, Math.floor((TEXT_WIDTH / 20 / Math.max(charsOf(text), 1)) * 2) - 1);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    // 35 mm from the top of the type area to the top of the mark.
    spacing: { before: mm(35), after: 0, line: Math.round(size * 10 * 1.15), lineRule: LineRuleType.EXACT },
    children: [run(text, "mark", size, { color: RED })],
  });
}

function numberParagraph(number: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exact(),
    // The red separator: as wide as the type area, 4 mm (≈ 11 pt) under the number.
    border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
    children: [run(number, "body", SIZES.body)],
  });
}

function bodyParagraph(children: TextRun[], indent = true): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact(),
    ...(indent ? { indent: { firstLineChars: 200 } } : {}),
    children,
  });
}

function tableOf(block: Extract<GongwenBlock, { type: "table" }>): Table {
  const cols = block.columns.length;
  const weights = block.widths ?? block.columns.map(() => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  const line = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const cell = (text: string, header: boolean, i: number) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: text.split("\n").map(
        (part) =>
          new Paragraph({
            alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
            spacing: { line: 400, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
            children: [run(part, header ? "heading1" : "body", SIZES.small)],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: line,
      bottom: line,
      left: line,
      right: line,
      insideHorizontal: line,
      insideVertical: line,
    },
    rows: [
      new TableRow({ tableHeader: true, children: block.columns.map((c, i) => cell(c, true, i)) }),
      ...block.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: Array.from({ length: cols }, (_, i) => cell(r[i] ?? "", false, i)),
          }),
      ),
    ],
  });
}

function imageOf(block: Extract<GongwenBlock, { type: "image" }>): Paragraph[] {
  // docx sizes pictures in pixels at 96 dpi.
  const px = (v: number) => Math.round((v / 25.4) * 96);
  const picture = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 0 },
    children: [
      new ImageRun({
        type: "png",
        data: block.png,
        transformation: { width: px(block.widthMm), height: px(block.heightMm ?? block.widthMm) },
        altText: { name: block.caption ?? "二维码", description: block.caption ?? "", title: "" },
      }),
    ],
  });
  return block.caption
    ? [
        picture,
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: exact(),
          children: [run(block.caption, "body", SIZES.small)],
        }),
      ]
    : [picture];
}

function bodyBlocks(blocks: GongwenBlock[]): (Paragraph | Table)[] {
  return blocks.flatMap((b): (Paragraph | Table)[] => {
    switch (b.type) {
      case "paragraph":
        return [bodyParagraph([run(b.text, "body", SIZES.body)])];
      case "heading1":
        return [bodyParagraph([run(b.text, "heading1", SIZES.body)])];
      case "heading2":
        return [
          bodyParagraph([
            run(b.text, "heading2", SIZES.body),
            ...(b.rest ? [run(b.rest, "body", SIZES.body)] : []),
          ]),
        ];
      case "table":
        return [tableOf(b), blank()];
      default:
        return imageOf(b);
    }
  });
}

function attachmentNote(names: string[]): Paragraph[] {
  if (!names.length) return [];
  const numbered = names.length > 1;
  return [
    blank(),
    ...names.map((name, i) =>
      bodyParagraph([
        run(i === 0 ? "附件：" : "　　　", "body", SIZES.body),
        run(numbered ? `${i + 1}. ${name}` : name, "body", SIZES.body),
      ]),
    ),
  ];
}

/**
 * Signature and date for a document without a seal image: the signature two characters from the
 * right, the date on the next line starting two characters right of the signature's first character;
 * when the date is the longer, the date keeps two characters and the signature moves right.
 */
function signatureBlock(signature: string, date: string): Paragraph[] {
  const sig = charsOf(signature);
  const day = charsOf(date);
  let sigRight = 2;
  let dateRight = sig - day;
  if (dateRight < 2) {
    dateRight = 2;
    sigRight = 4 + day - sig;
  }
  const para = (text: string, right: number) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: exact(),
      indent: { right: Math.round(right * CHAR_PITCH) },
      children: [run(text, "body", SIZES.body)],
    });
  return [blank(), para(signature, sigRight), para(date, dateRight)];
}

/** 版记: a full-width table pinned to the foot of the last page, thick rules outside, thin between. */
function imprint(input: GongwenInput): Table | undefined {
  if (!input.printedBy && !input.copyTo?.length) return undefined;
  const thick = { style: BorderStyle.SINGLE, size: 8, color: "000000" };
  const thin = { style: BorderStyle.SINGLE, size: 6, color: "000000" };
  const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const indent = Math.round((SIZES.small / 2) * 20);
  const line = (children: TextRun[], alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Paragraph({ alignment, spacing: exact(), children });
  const rows: TableRow[] = [];
  if (input.copyTo?.length) {
    rows.push(
      new TableRow({
        children: [
          new TableCell({
            columnSpan: 2,
            margins: { left: indent, right: indent },
            children: [
              line([run(`抄送：${input.copyTo.join("，")}。`, "body", SIZES.small)], AlignmentType.LEFT),
            ],
          }),
        ],
      }),
    );
  }
  if (input.printedBy) {
    const half = Math.floor(TEXT_WIDTH / 2);
    rows.push(
      new TableRow({
        children: [
          new TableCell({
            width: { size: half, type: WidthType.DXA },
            margins: { left: indent },
            children: [line([run(input.printedBy, "body", SIZES.small)], AlignmentType.LEFT)],
          }),
          new TableCell({
            width: { size: TEXT_WIDTH - half, type: WidthType.DXA },
            margins: { right: indent },
            children: [
              line(
                [run(`${chineseDate(input.printedOn ?? input.date)}印发`, "body", SIZES.small)],
                AlignmentType.RIGHT,
              ),
            ],
          }),
        ],
      }),
    );
  }
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [Math.floor(TEXT_WIDTH / 2), TEXT_WIDTH - Math.floor(TEXT_WIDTH / 2)],
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      absoluteHorizontalPosition: 0,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
    },
    borders: {
      top: thick,
      bottom: thick,
      insideHorizontal: thin,
      left: none,
      right: none,
      insideVertical: none,
    },
    rows,
  });
}

/** "— 1 —" in 四号 宋体, one character in from the outer edge. */
function pageNumberFooter(alignment: "left" | "right" | "center"): Footer {
  const indent = Math.round((SIZES.pageNumber / 2) * 20);
  const r = (children: (string | (typeof PageNumber)[keyof typeof PageNumber])[]) =>
    new TextRun({ children, font: font("pageNumber"), size: SIZES.pageNumber });
  return new Footer({
    children: [
      new Paragraph({
        alignment:
          alignment === "left"
            ? AlignmentType.LEFT
            : alignment === "right"
              ? AlignmentType.RIGHT
              : AlignmentType.CENTER,
        spacing: { line: SIZES.pageNumber * 10, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        indent: alignment === "left" ? { left: indent } : alignment === "right" ? { right: indent } : {},
        children: [r(["— "]), r([PageNumber.CURRENT]), r([" —"])],
      }),
    ],
  });
}

/**
 * The font table, so that Word and WPS substitute the nearest system font (仿宋 for 仿宋_GB2312 …)
 * where an official font is not installed: GB2312 charset, family, pitch and an alternate name.
 */
function fontTableXml(): string {
  const seen = new Set<string>();
  const entries = Object.values(GONGWEN_FONTS)
    .filter((f) => !seen.has(f.name) && seen.add(f.name))
    .map(
      (f) =>
        `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:panose1 w:val="02010609060101010101"/>` +
        `<w:charset w:val="86"/><w:family w:val="${f.name === "黑体" ? "modern" : "roman"}"/>` +
        `<w:pitch w:val="${f.name === "方正小标宋简体" || f.name === "宋体" ? "variable" : "fixed"}"/></w:font>`,
    )
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    entries +
    '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>' +
    '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>'
  );
}

/** Builds the .docx of a formal document. Pure: the same input gives the same document content. */
export async function renderGongwen(input: GongwenInput): Promise<Uint8Array> {
  const imprintTable = imprint(input);
  const outside = (input.pageNumbers ?? "outside") === "outside";
  const doc = new Document({
    title: input.title,
    creator: input.signature,
    evenAndOddHeaderAndFooters: outside,
    styles: {
      default: {
        document: {
          run: { font: font("body"), size: SIZES.body },
          paragraph: { spacing: exact() },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: GONGWEN_PAGE.width, height: GONGWEN_PAGE.height },
            margin: {
              top: GONGWEN_PAGE.top,
              bottom: GONGWEN_PAGE.bottom,
              left: GONGWEN_PAGE.left,
              right: GONGWEN_PAGE.right,
              header: mm(15),
              // The page number's rule sits 7 mm under the type area.
              footer: GONGWEN_PAGE.bottom - mm(7) - SIZES.pageNumber * 10,
              gutter: 0,
            },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
        },
        footers: outside
          ? { default: pageNumberFooter("right"), even: pageNumberFooter("left") }
          : { default: pageNumberFooter("center") },
        children: [
          markParagraph(input.issuerMark),
          blank(),
          blank(),
          numberParagraph(input.number),
          blank(),
          blank(),
          ...input.title.split("\n").map(
            (line) =>
              new Paragraph({
                alignment: AlignmentType.CENTER,
                spacing: exact(),
                children: [run(line, "title", SIZES.title)],
              }),
          ),
          blank(),
          ...(input.addressee
            ? [bodyParagraph([run(`${input.addressee}：`, "body", SIZES.body)], false)]
            : []),
          ...bodyBlocks(input.body),
          ...attachmentNote(input.attachments ?? []),
          ...signatureBlock(input.signature, chineseDate(input.date)),
          ...(imprintTable ? [imprintTable, new Paragraph({ spacing: exact(), children: [] })] : []),
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc, false, [{ path: "word/fontTable.xml", data: fontTableXml() }]);
  return new Uint8Array(buffer);
}
